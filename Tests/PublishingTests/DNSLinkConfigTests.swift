import DNS
import Foundation
import SiteBuilder
import Testing
@testable import Publishing

/// `dnslink:` in site.yml: each provider, and every mistake refused with one line naming the key.
@Suite struct DNSLinkConfigTests {
    /// `dnslink:` written as YAML, as an author writes it.
    func parse(_ text: String) throws -> DNSLinkConfig? {
        let site = "title: T\nbase_url: https://example.com\ndnslink:\n" + text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        return try DNSLinkConfig.parse(try SiteConfig.parse(site, file: "site.yml").dnslink, file: "site.yml")
    }

    @Test func eachProvider() throws {
        let rfc2136 = try #require(try parse("""
            domain: Blog.Example.COM.
            provider: {type: rfc2136, server: ns1.example.com, zone: example.com, key_name: k., algorithm: HMAC-SHA512, secret_env: TSIG}
            """))
        #expect(rfc2136.domain == "blog.example.com" && rfc2136.recordName == "_dnslink.blog.example.com" && rfc2136.ttl == 60)
        #expect(rfc2136.provider == .rfc2136(server: "ns1.example.com", port: 53, zone: "example.com", keyName: "k.", algorithm: .hmacSHA512,
            secret: .environment("TSIG")))
        let cloudflare = try #require(try parse("domain: example.com\nttl: 300\nprovider: {type: cloudflare, zone: example.com, token_file: cf}"))
        #expect(cloudflare.ttl == 300)
        #expect(cloudflare.provider == .cloudflare(zone: "example.com", token: .file("cf"), api: URL(string: "https://api.cloudflare.com/client/v4")!))
        let manual = try #require(try parse("domain: example.com\nprovider: {type: manual, servers: ['127.0.0.1:5353']}"))
        #expect(manual.provider == .manual(servers: ["127.0.0.1:5353"]))
        #expect(try DNSLinkConfig.parse([:], file: "site.yml") == nil)
    }

    static let mistakes: [(String, String, String)] = [
        ("provider: {type: manual}", "dnslink.domain", "missing"),
        ("domain: https://blog.example.com\nprovider: {type: manual}", "dnslink.domain", "not a domain name"),
        ("domain: example.com", "dnslink.provider", "missing"),
        ("domain: example.com\nprovider: {type: route53}", "dnslink.provider.type", "unknown provider 'route53'"),
        ("domain: example.com\nprovider: {server: ns1}", "dnslink.provider.type", "missing"),
        ("domain: example.com\nprovider: {type: rfc2136, server: ns1, zone: other.org, key_name: k, secret_env: S}", "dnslink.provider.zone",
            "not a zone that holds example.com"),
        ("domain: example.com\nprovider: {type: rfc2136, server: ns1, zone: example.com, key_name: k, secret: s3cr3t}", "dnslink.provider.secret",
            "secrets are never read from site.yml"),
        ("domain: example.com\nprovider: {type: rfc2136, server: ns1, zone: example.com, key_name: k}", "dnslink.provider.secret_env", "missing"),
        ("domain: example.com\nprovider: {type: rfc2136, server: ns1, zone: example.com, key_name: k, secret_env: S, algorithm: hmac-md5}",
            "dnslink.provider.algorithm", "not supported"),
        ("domain: example.com\nprovider: {type: rfc2136, server: ns1, zone: example.com, key_name: k, secret_env: S, port: 70000}",
            "dnslink.provider.port", "not a port"),
        ("domain: example.com\nprovider: {type: cloudflare, zone: example.com, token: s3cr3t}", "dnslink.provider.token", "token_env"),
        ("domain: example.com\nprovider: {type: cloudflare, zone: example.com, token_env: T, token_file: f}", "dnslink.provider.token_file", "not both"),
        ("domain: example.com\nprovider: {type: cloudflare, zone: example.com, token_env: T, api: 'ftp://x'}", "dnslink.provider.api", "not an http"),
        ("domain: example.com\nttl: 0\nprovider: {type: manual}", "dnslink.ttl", "positive"),
        ("domain: example.com\nprovider: {type: manual, server: x}", "dnslink.provider.server", "did you mean 'servers'"),
    ]

    @Test(arguments: mistakes)
    func mistakesNameTheirKey(_ text: String, key: String, says: String) throws {
        do {
            _ = try parse(text)
            Issue.record("accepted: \(text)")
        } catch let error as PublishConfigError {
            #expect(error.key == key, "\(error)")
            #expect(error.description.contains(says), "\(error)")
            #expect(!error.description.contains("\n") && !error.description.contains("s3cr3t"))
        }
    }
}
