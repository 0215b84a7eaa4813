import DNS
import Foundation

/// Who serves `_dnslink.<domain>`: reads its TXT values and changes them, only if they are still
/// what the plan read.
protocol DNSLinkProvider: Sendable {
    /// The TXT values at `name`.
    func read(_ name: String) async throws(PublishError) -> [String]
    /// Applies `plan`, on the condition that the name still holds `plan.current`; throws
    /// `.zoneChanged` when it does not (nothing is changed then).
    func apply(_ plan: DNSLinkPlan, ttl: UInt32) async throws(PublishError)
}

/// An RFC 2136 server (BIND, Knot, PowerDNS): a TSIG-signed query to read, a TSIG-signed UPDATE
/// whose prerequisites are the values read.
struct RFC2136Provider: DNSLinkProvider {
    let client: DNSClient
    let zone: DNSName
    let signer: TSIGSigner

    func read(_ name: String) async throws(PublishError) -> [String] {
        do {
            return try await client.txtValues(at: try dnsName(name), signer: signer)
        } catch let error as DNSError {
            throw .dns("reading \(name) from \(client.server): \(error)")
        } catch {
            throw .dns("reading \(name): \(error)")
        }
    }

    func apply(_ plan: DNSLinkPlan, ttl: UInt32) async throws(PublishError) {
        let update = TXTUpdate(zone: zone, name: try dnsName(plan.name), expected: plan.current, remove: plan.remove, add: plan.add, ttl: ttl)
        do {
            try await client.apply(update, signer: signer)
        } catch .refused(let code, _) where code == .nxRRSet || code == .yxRRSet {
            throw .zoneChanged("\(plan.name) no longer holds what the plan read (\(code)); nothing was changed: plan again")
        } catch {
            throw .dns("updating \(plan.name) at \(client.server): \(error)")
        }
    }

    private func dnsName(_ name: String) throws(PublishError) -> DNSName {
        guard let parsed = DNSName(name) else { throw .dns("'\(name)' is not a DNS name") }
        return parsed
    }
}
