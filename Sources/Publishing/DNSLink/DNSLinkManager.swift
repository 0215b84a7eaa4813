import AsyncHTTPClient
import DNS
import Foundation
import SiteBuilder

/// Plans and applies the DNSLink record of a site (`dnslink:` in its `site.yml`): reads what
/// `_dnslink.<domain>` holds, works out the one change to make, applies it only if the records are
/// still what was read, then reads them again to confirm.
public struct DNSLinkManager: Sendable {
    public let config: DNSLinkConfig
    private let provider: any DNSLinkProvider

    /// The manager of the site folder `site`; nil when its `site.yml` has no `dnslink:`. Throws for
    /// a configuration mistake or a secret that cannot be read.
    public static func make(site: URL, environment: [String: String], client: HTTPClient, retry: RetryPolicy = RetryPolicy(),
        manualTimeout: Duration = .seconds(900)) throws(PublishError) -> DNSLinkManager?
    {
        let (_, settings, file) = try Publisher.configuration(of: site)
        let parsed: DNSLinkConfig?
        do { parsed = try DNSLinkConfig.parse(settings.dnslink, file: file) } catch { throw .configuration(error) }
        guard let config = parsed else { return nil }
        func resolve(_ source: SecretSource, _ key: String) throws(PublishError) -> Secret {
            do { return try source.resolve(key: key, file: file, environment: environment, siteDirectory: site) } catch {
                throw .configuration(error)
            }
        }
        let provider: any DNSLinkProvider
        switch config.provider {
        case .rfc2136(let server, let port, let zone, let keyName, let algorithm, let secret):
            let value = try resolve(secret, "dnslink.provider.secret_env")
            guard let name = DNSName(keyName), let key = TSIGKey(name: name, algorithm: algorithm, base64: value.value) else {
                throw .configuration(PublishConfigError(file: file, key: "dnslink.provider.secret_env", "the TSIG secret is not base64"))
            }
            provider = RFC2136Provider(client: DNSClient(host: server, port: port), zone: DNSName(zone)!, signer: TSIGSigner(key: key))
        case .cloudflare(let zone, let token, let api):
            provider = CloudflareProvider(api: api, zone: zone, token: try resolve(token, "dnslink.provider.token_env"),
                transport: HTTPTransport(client: client, retry: retry, target: "cloudflare"))
        case .manual(let servers):
            provider = ManualProvider(servers: servers, domain: config.domain, timeout: manualTimeout)
        }
        return DNSLinkManager(config: config, provider: provider)
    }

    /// The CID the domain's dnslink value points at now (the first, when there are several).
    public func currentCID() async throws(PublishError) -> String? {
        try await provider.read(config.recordName).first(where: DNSLinkPlan.isDNSLink).map {
            String($0.dropFirst("dnslink=".count)).replacingOccurrences(of: "/ipfs/", with: "")
        }
    }

    /// What pointing the domain at `cid` changes.
    public func plan(cid: String) async throws(PublishError) -> DNSLinkPlan {
        DNSLinkPlan(name: config.recordName, cid: cid, current: try await provider.read(config.recordName))
    }

    /// Applies `plan` (nothing when it changes nothing), then reads the records again: they must
    /// be what the plan said. Returns the record to keep with the deployment.
    public func apply(_ plan: DNSLinkPlan) async throws(PublishError) -> DNSLinkRecord {
        if plan.action != .noChange { try await provider.apply(plan, ttl: config.ttl) }
        let now = try await provider.read(plan.name)
        guard now.sorted() == plan.after.sorted() else {
            throw .dns("after the change \(plan.name) holds \(now), not \(plan.after)")
        }
        return DNSLinkRecord(name: plan.name, value: plan.value, previous: plan.previous, applied: Publisher.now(),
            provider: config.provider.typeName)
    }

    /// Whether applying waits for the author (a manual provider).
    public var isManual: Bool { if case .manual = config.provider { true } else { false } }
}
