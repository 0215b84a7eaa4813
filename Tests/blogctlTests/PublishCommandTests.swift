import Foundation
import Testing
import TestSupport

/// `blogctl publish` without any service: the default CAR, dry runs, and every failure before
/// anything is sent (configuration, build, check), each with its exit status and one line.
@Suite struct PublishCommandTests {

    func sampleSite(_ name: String) throws -> URL {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-publish-\(name)-\(UUID().uuidString)")
        try SampleSiteCopy.make(at: site)
        for leftover in ["public", ".blogctl-cache", ".blogctl", "site.car"] { try? FileManager.default.removeItem(at: site.appendingPathComponent(leftover)) }
        return site
    }

    func append(_ text: String, to path: String, in site: URL) throws {
        let url = site.appendingPathComponent(path)
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    func exists(_ path: String, in site: URL) -> Bool { FileManager.default.fileExists(atPath: site.appendingPathComponent(path).path) }

    @Test func withNoTargetTheSitesCARIsWrittenAndRecorded() throws {
        let site = try sampleSite("car")
        defer { try? FileManager.default.removeItem(at: site) }
        let published = try BlogctlRunner.run(["publish", site.path])
        #expect(published.status == 0, "\(published.stderr)")
        let cid = published.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = site.appendingPathComponent("public-check")
        let built = try BlogctlRunner.run(["build", site.path, "--output", out.path])
        #expect(built.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == cid)
        let verified = try BlogctlRunner.run(["car", "verify", site.appendingPathComponent("site.car").path])
        #expect(verified.status == 0 && verified.stdout.contains(cid), "\(verified.stdout)\(verified.stderr)")
        #expect(published.stderr.contains("docs/publish.md"))
        // Nothing was written to the output folder by publish: it builds in memory.
        let log = try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent(".blogctl/deployments.json"))) as? [String: Any]
        let deployments = try #require(log?["deployments"] as? [[String: Any]])
        #expect(deployments.count == 1 && deployments[0]["cid"] as? String == cid && deployments[0]["complete"] as? Bool == true)
        let listed = try BlogctlRunner.run(["deployments", site.path])
        #expect(listed.status == 0 && listed.stdout.contains(cid) && listed.stdout.contains("complete"))
        let json = try BlogctlRunner.run(["deployments", site.path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [Any])?.count == 1)
    }

    @Test func aDryRunBuildsChecksAndPacksButSendsAndRecordsNothing() throws {
        let site = try sampleSite("dry")
        defer { try? FileManager.default.removeItem(at: site) }
        let dry = try BlogctlRunner.run(["publish", site.path, "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect(result["dry_run"] as? Bool == true && (result["cid"] as? String)?.hasPrefix("bafy") == true)
        #expect(!exists("site.car", in: site) && !exists(".blogctl", in: site) && !exists("public", in: site))
    }

    @Test func aBrokenLinkStopsThePublishBeforeAnythingIsSent() throws {
        let site = try sampleSite("check")
        defer { try? FileManager.default.removeItem(at: site) }
        try "---\ntitle: Broken\n---\n\nSee [this](./nowhere/).\n".write(to: site.appendingPathComponent("content/broken.md"), atomically: true, encoding: .utf8)
        let result = try BlogctlRunner.run(["publish", site.path])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("blogctl: error: check:") && result.stderr.contains("nowhere"))
        #expect(!exists("site.car", in: site) && !exists(".blogctl", in: site))
    }

    @Test func aBuildErrorStopsThePublishWithItsOwnStatus() throws {
        let site = try sampleSite("build")
        defer { try? FileManager.default.removeItem(at: site) }
        try "---\ntitle: [oops\n---\n".write(to: site.appendingPathComponent("content/bad.md"), atomically: true, encoding: .utf8)
        let result = try BlogctlRunner.run(["publish", site.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("bad.md:"))
        #expect(!exists("site.car", in: site))
    }

    @Test func configurationMistakesAreOneLineWithStatusTwoAndSendNothing() throws {
        let site = try sampleSite("config")
        defer { try? FileManager.default.removeItem(at: site) }
        let token = "tok-\(UUID().uuidString)"
        let cases: [(yaml: String, says: String, environment: [String: String])] = [
            ("publish:\n  targets:\n    - {name: pins, type: pinning_service, endpoint: 'https://p.example', token: '\(token)'}\n",
                "publish.targets[0].token: secrets are never read from site.yml", [:]),
            ("publish:\n  targets:\n    - {name: pins, type: pinning_service, endpoint: 'https://p.example', token_env: BLOGCTL_TEST_UNSET}\n",
                "environment variable BLOGCTL_TEST_UNSET is not set", [:]),
            ("publish:\n  targets:\n    - {name: n, type: kubu, api: 'http://127.0.0.1:1'}\n", "unknown target type 'kubu'", [:]),
            ("publish:\n  targets:\n    - {name: n, type: kubo, api: 'not a url'}\n", "publish.targets[0].api", [:]),
            ("publish:\n  targets:\n    - {name: n, type: car, path: a.car}\n    - {name: n, type: car, path: b.car}\n", "already the name", [:]),
        ]
        let original = try String(contentsOf: site.appendingPathComponent("site.yml"), encoding: .utf8)
        for (yaml, says, environment) in cases {
            try (original + yaml).write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
            let result = try BlogctlRunner.run(["publish", site.path], environment: environment)
            #expect(result.status == 2, "\(yaml): \(result.stderr)")
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("blogctl: error:") }
            #expect(errors.count == 1 && errors[0].contains(says), "\(result.stderr)")
            #expect(!result.stderr.contains(token) && !result.stdout.contains(token))
            #expect(!exists(".blogctl", in: site) && !exists("site.car", in: site) && !exists("a.car", in: site))
        }
        try (original + "publish:\n  targets:\n    - {name: a, type: car, path: a.car}\n").write(to: site.appendingPathComponent("site.yml"),
            atomically: true, encoding: .utf8)
        let unknown = try BlogctlRunner.run(["publish", site.path, "--target", "b"])
        #expect(unknown.status == 2 && unknown.stderr.contains("no target named 'b' (configured: a)"), "\(unknown.stderr)")
        let chosen = try BlogctlRunner.run(["publish", site.path, "--target", "a"])
        #expect(chosen.status == 0 && exists("a.car", in: site), "\(chosen.stderr)")
    }
}
