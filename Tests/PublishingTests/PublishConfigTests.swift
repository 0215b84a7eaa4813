import Foundation
import TemplateEngine
import Testing
@testable import Publishing
import SiteBuilder

/// `publish:` in site.yml: every target type, and every mistake refused with one line naming the key.
@Suite struct PublishConfigTests {
    func parse(_ publish: [String: DataValue]) throws(PublishConfigError) -> PublishConfig {
        try PublishConfig.parse(publish, file: "site.yml")
    }

    func failure(_ publish: [String: DataValue]) -> PublishConfigError? {
        do {
            _ = try parse(publish)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyTargetType() throws {
        let config = try parse([
            "targets": [
                ["name": "node", "type": "kubo", "api": "http://127.0.0.1:5001", "auth_env": "KUBO_AUTH", "gateway": "http://127.0.0.1:8080"],
                ["name": "pins", "type": "pinning_service", "endpoint": "https://pins.example/psa", "token_file": "secrets/pins",
                    "origins": ["/ip4/1.2.3.4/tcp/4001/p2p/12D3KooW"]],
                ["name": "cluster", "type": "cluster", "api": "http://127.0.0.1:9094", "replication_min": 2, "replication_max": 3],
                ["name": "archive", "type": "car", "path": "out/site.car", "required": false],
            ],
            "verify": ["gateways": ["http://127.0.0.1:8080"]],
            "timeout": 30,
        ])
        #expect(config.targets.map(\.name) == ["node", "pins", "cluster", "archive"])
        #expect(config.targets[0].kind == .kubo(api: URL(string: "http://127.0.0.1:5001")!, auth: .environment("KUBO_AUTH"),
            gateway: URL(string: "http://127.0.0.1:8080")!))
        #expect(config.targets[1].kind == .pinningService(endpoint: URL(string: "https://pins.example/psa")!, token: .file("secrets/pins"),
            origins: ["/ip4/1.2.3.4/tcp/4001/p2p/12D3KooW"]))
        #expect(config.targets[2].kind == .cluster(api: URL(string: "http://127.0.0.1:9094")!, auth: nil, replicationMin: 2, replicationMax: 3))
        #expect(config.targets[3].required == false && config.targets[0].required)
        #expect(config.verifyGateways == [URL(string: "http://127.0.0.1:8080")!])
        #expect(config.timeout == .seconds(30))
        #expect(try parse([:]) == .empty)
    }

    /// `publish:` written as YAML, as an author writes it.
    func yaml(_ text: String) throws -> [String: DataValue] {
        let site = "title: T\nbase_url: https://example.com\npublish:\n" + text.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n"
        return try SiteConfig.parse(site, file: "site.yml").publish
    }

    static let mistakes: [(String, String, String)] = [
        ("targets:\n  - {name: x, type: ipfs}", "publish.targets[0].type", "unknown target type 'ipfs'"),
        ("targets:\n  - {name: x, type: kubo}", "publish.targets[0].api", "missing"),
        ("targets:\n  - {name: x, type: kubo, api: 'ftp://host'}", "publish.targets[0].api", "not an http:// or https:// URL"),
        ("targets:\n  - {name: x, type: kubo, api: 'http://user:pw@host'}", "publish.targets[0].api", "no user or password"),
        ("targets:\n  - {name: x, type: pinning_service, endpoint: 'https://p'}", "publish.targets[0].token_env", "missing"),
        ("targets:\n  - {name: x, type: pinning_service, endpoint: 'https://p', token: s3cr3t}", "publish.targets[0].token",
            "secrets are never read from site.yml"),
        ("targets:\n  - {name: x, type: kubo, api: 'http://h', auth: 'Bearer s3cr3t'}", "publish.targets[0].auth", "auth_env"),
        ("targets:\n  - {name: x, type: kubo, api: 'http://h', auth_env: A, auth_file: f}", "publish.targets[0].auth_file", "not both"),
        ("targets:\n  - {name: x, type: kubo, api: 'http://h'}\n  - {name: x, type: car, path: a.car}", "publish.targets[1].name",
            "already the name of publish.targets[0]"),
        ("targets:\n  - {name: x, type: kubo, api: 'http://h', gatway: 'http://g'}", "publish.targets[0].gatway", "did you mean 'gateway'"),
        ("targets:\n  - {name: x, type: cluster, api: 'http://h', replication_min: 3, replication_max: 2}", "publish.targets[0].replication_max",
            "below replication_min"),
        ("targets:\n  - {name: x, type: pinning_service, endpoint: 'https://p', token_env: T, origins: ['1.2.3.4']}",
            "publish.targets[0].origins[0]", "not a multiaddr"),
        ("targets:\n  - {name: 'a b', type: car, path: x.car}", "publish.targets[0].name", "may hold only"),
        ("targets:\n  - {type: car, path: x.car}", "publish.targets[0].name", "missing"),
        ("targets: kubo", "publish.targets", "must be a list"),
        ("verify:\n  gateways: [nope]", "publish.verify.gateways[0]", "not an http"),
        ("timeout: -1", "publish.timeout", "positive"),
        ("target: []", "publish.target", "did you mean 'targets'"),
    ]

    @Test(arguments: mistakes)
    func mistakesNameTheirKey(_ text: String, key: String, says: String) throws {
        let error = try #require(failure(try yaml(text)))
        #expect(error.key == key)
        #expect(error.description.contains(says), "\(error)")
        #expect(!error.description.contains("\n"))
        // The value of an inline secret is never repeated.
        #expect(!error.description.contains("s3cr3t"))
    }

    @Test func targetsByName() throws {
        let config = try parse(["targets": [["name": "a", "type": "car", "path": "a.car"], ["name": "b", "type": "car", "path": "b.car"]]])
        #expect(try config.targets(named: ["b"], file: "site.yml").map(\.name) == ["b"])
        #expect(try config.targets(named: [], file: "site.yml").count == 2)
        #expect(throws: PublishConfigError.self) { try config.targets(named: ["c"], file: "site.yml") }
    }

    @Test func secretsComeFromTheEnvironmentOrAFileAndNeverPrint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-secret-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "  file-s3cr3t\n".write(to: folder.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let fromEnv = try SecretSource.environment("T").resolve(key: "k", file: "site.yml", environment: ["T": "env-s3cr3t"], siteDirectory: folder)
        let fromFile = try SecretSource.file("token").resolve(key: "k", file: "site.yml", environment: [:], siteDirectory: folder)
        #expect(fromEnv.value == "env-s3cr3t" && fromFile.value == "file-s3cr3t")
        for secret in [fromEnv, fromFile] {
            #expect("\(secret)" == "<secret>" && String(reflecting: secret) == "<secret>")
            var dumped = ""
            dump(secret, to: &dumped)
            #expect(!dumped.contains("s3cr3t"), "\(dumped)")
        }
        #expect(throws: PublishConfigError.self) {
            try SecretSource.environment("MISSING").resolve(key: "k", file: "site.yml", environment: [:], siteDirectory: folder)
        }
        #expect(throws: PublishConfigError.self) {
            try SecretSource.file("nope").resolve(key: "k", file: "site.yml", environment: [:], siteDirectory: folder)
        }
    }

    /// The example in SampleSite's site.yml, uncommented, is a configuration publish accepts.
    @Test func theSampleSitesExampleIsValid() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: repository.appendingPathComponent("SampleSite/site.yml"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "# publish:"))
        let example = lines[start...].prefix { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)) }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-sample-example-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try Data((lines[..<start] + example).joined(separator: "\n").utf8).write(to: site.appendingPathComponent("site.yml"))
        let (publish, dnslink) = try Publisher.settings(of: site)
        #expect(publish.targets.map(\.name) == ["my-node", "pinning"])
        #expect(dnslink?.domain == "blog.example.com")
    }
}
