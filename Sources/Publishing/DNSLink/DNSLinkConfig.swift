import DNS
import Foundation
import TemplateEngine

/// `site.yml`'s `dnslink:` section: the domain whose `_dnslink` TXT record points at the site,
/// and who serves that record.
public struct DNSLinkConfig: Sendable, Equatable {
    public var domain: String
    public var ttl: UInt32
    public var provider: Provider

    public enum Provider: Sendable, Equatable {
        /// Any RFC 2136 server (BIND, Knot, PowerDNS), with a TSIG key.
        case rfc2136(server: String, port: UInt16, zone: String, keyName: String, algorithm: TSIGKey.Algorithm, secret: SecretSource)
        /// Cloudflare's API v4; `zone` is the zone's name or id.
        case cloudflare(zone: String, token: SecretSource, api: URL)
        /// The author sets the record by hand; publish waits until `servers` (default: the
        /// zone's authoritative servers) answer it.
        case manual(servers: [String])

        public var typeName: String {
            switch self {
            case .rfc2136: "rfc2136"
            case .cloudflare: "cloudflare"
            case .manual: "manual"
            }
        }
    }

    /// `_dnslink.<domain>`.
    public var recordName: String { "_dnslink." + domain }

    static let keys = ["domain", "ttl", "provider"]
    static let providerKeys: [String: [String]] = [
        "rfc2136": ["server", "port", "zone", "key_name", "algorithm", "secret_env", "secret_file"],
        "cloudflare": ["zone", "token_env", "token_file", "api"],
        "manual": ["servers"],
    ]

    /// The section `dnslink` of `file`; nil when the site has none.
    public static func parse(_ section: [String: DataValue], file: String) throws(PublishConfigError) -> DNSLinkConfig? {
        guard !section.isEmpty else { return nil }
        let reader = ConfigReader(file: file)
        try reader.refuseUnknown(section, allowed: keys, at: "dnslink")
        guard let domainValue = section["domain"] else { throw reader.fail("dnslink.domain", "missing: the domain readers type") }
        var domain = try reader.string(domainValue, at: "dnslink.domain").lowercased()
        if domain.hasSuffix(".") { domain.removeLast() }
        guard !domain.contains("/"), !domain.contains(":"), domain.contains("."), DNSName("_dnslink." + domain) != nil else {
            throw reader.fail("dnslink.domain", "'\(domain)' is not a domain name (write it as blog.example.com, without https://)")
        }
        let ttl = try section["ttl"].map { v throws(PublishConfigError) in try reader.positiveInt(v, at: "dnslink.ttl") } ?? 60
        guard let providerValue = section["provider"] else {
            throw reader.fail("dnslink.provider", "missing (type: rfc2136, cloudflare or manual)")
        }
        let map = try reader.map(providerValue, at: "dnslink.provider")
        for inline in ["secret", "token", "password", "key"] where map[inline] != nil {
            throw reader.fail("dnslink.provider.\(inline)", "secrets are never read from site.yml; name an environment variable with "
                + "\(inline == "token" ? "token_env" : "secret_env"): NAME or a file with \(inline == "token" ? "token_file" : "secret_file"): PATH")
        }
        guard let typeValue = map["type"] else { throw reader.fail("dnslink.provider.type", "missing (rfc2136, cloudflare or manual)") }
        let type = try reader.string(typeValue, at: "dnslink.provider.type")
        guard let allowed = providerKeys[type] else {
            throw reader.fail("dnslink.provider.type", "unknown provider '\(type)' (rfc2136, cloudflare or manual)")
        }
        try reader.refuseUnknown(map, allowed: ["type"] + allowed, at: "dnslink.provider")
        func required(_ key: String) throws(PublishConfigError) -> String {
            guard let value = map[key] else { throw reader.fail("dnslink.provider.\(key)", "missing for the \(type) provider") }
            return try reader.string(value, at: "dnslink.provider.\(key)")
        }
        func secret(_ base: String) throws(PublishConfigError) -> SecretSource {
            let env = try map["\(base)_env"].map { v throws(PublishConfigError) in try reader.string(v, at: "dnslink.provider.\(base)_env") }
            let path = try map["\(base)_file"].map { v throws(PublishConfigError) in try reader.string(v, at: "dnslink.provider.\(base)_file") }
            switch (env, path) {
            case (let env?, nil): return .environment(env)
            case (nil, let path?): return .file(path)
            case (nil, nil): throw reader.fail("dnslink.provider.\(base)_env", "missing: name the environment variable (or \(base)_file) holding the \(base)")
            case (_?, _?): throw reader.fail("dnslink.provider.\(base)_file", "give \(base)_env or \(base)_file, not both")
            }
        }
        let provider: Provider
        switch type {
        case "rfc2136":
            let port = try map["port"].map { v throws(PublishConfigError) in try reader.positiveInt(v, at: "dnslink.provider.port") } ?? 53
            guard port <= 65535 else { throw reader.fail("dnslink.provider.port", "\(port) is not a port") }
            var zone = try required("zone").lowercased()
            if zone.hasSuffix(".") { zone.removeLast() }
            guard DNSName(zone) != nil, ("." + domain).hasSuffix("." + zone) || domain == zone else {
                throw reader.fail("dnslink.provider.zone", "'\(zone)' is not a zone that holds \(domain)")
            }
            let keyName = try required("key_name")
            guard DNSName(keyName) != nil else { throw reader.fail("dnslink.provider.key_name", "'\(keyName)' is not a key name") }
            let algorithmName = try map["algorithm"].map { v throws(PublishConfigError) in try reader.string(v, at: "dnslink.provider.algorithm") } ?? "hmac-sha256"
            guard let algorithm = TSIGKey.Algorithm(rawValue: algorithmName.lowercased()) else {
                throw reader.fail("dnslink.provider.algorithm", "'\(algorithmName)' is not supported (hmac-sha256 or hmac-sha512)")
            }
            provider = .rfc2136(server: try required("server"), port: UInt16(port), zone: zone, keyName: keyName, algorithm: algorithm,
                secret: try secret("secret"))
        case "cloudflare":
            let api = try map["api"].map { v throws(PublishConfigError) in try reader.httpURL(v, at: "dnslink.provider.api") }
                ?? URL(string: "https://api.cloudflare.com/client/v4")!
            provider = .cloudflare(zone: try required("zone"), token: try secret("token"), api: api)
        default:
            let servers = try map["servers"].map { v throws(PublishConfigError) in
                try reader.list(v, at: "dnslink.provider.servers").enumerated().map { index, item throws(PublishConfigError) in
                    try reader.string(item, at: "dnslink.provider.servers[\(index)]")
                }
            } ?? []
            provider = .manual(servers: servers)
        }
        return DNSLinkConfig(domain: domain, ttl: UInt32(ttl), provider: provider)
    }
}
