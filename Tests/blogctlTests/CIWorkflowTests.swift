import DNS
import Foundation
import Testing
import TestSupport
import Yams

/// `blogctl init --ci github` and `blogctl ci github`: the workflow is valid YAML of the expected
/// shape, and its `run:` steps, run in a clean checkout with a real Knot server standing in for
/// the DNS host, publish the site, point its DNSLink record and write the run's summary.
@Suite struct CIWorkflowTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-ci-\(name)-\(UUID().uuidString)")
    }

    @Test func initWritesAWorkflowForANewSite() throws {
        let site = scratch("init")
        defer { try? FileManager.default.removeItem(at: site) }
        let made = try BlogctlRunner.run(["init", site.path, "--ci", "github"])
        #expect(made.status == 0, "\(made.stderr)")
        let workflow = try String(contentsOf: site.appendingPathComponent(".github/workflows/publish.yml"), encoding: .utf8)
        let parsed = try #require(try Yams.load(yaml: workflow) as? [String: Any])
        #expect(parsed["name"] as? String == "Publish")
        let again = try BlogctlRunner.run(["ci", "github", site.path])
        #expect(again.status == 1 && again.stderr.contains("exists; pass --force"), "\(again.stderr)")
        #expect(try BlogctlRunner.run(["init", scratch("bad").path, "--ci", "gitlab"]).status != 0)
    }

    @Test func theWorkflowsStepsPublishTheSiteInACleanCheckout() async throws {
        guard let knot = try KnotServer() else { return }
        defer { knot.stop() }
        let checkout = scratch("checkout")
        defer { try? FileManager.default.removeItem(at: checkout) }
        let site = checkout.appendingPathComponent("blog")
        try FileManager.default.createDirectory(at: checkout.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "ref: refs/heads/trunk\n".write(to: checkout.appendingPathComponent(".git/HEAD"), atomically: true, encoding: .utf8)
        try SampleSiteCopy.make(at: site)
        for leftover in ["public", ".blogctl-cache", ".blogctl", "site.car"] { try? FileManager.default.removeItem(at: site.appendingPathComponent(leftover)) }
        let yaml = """

            publish:
              targets:
                - {name: archive, type: car, path: site.car}
            dnslink:
              domain: blog.\(knot.zone)
              provider: {type: rfc2136, server: 127.0.0.1, port: \(knot.port), zone: \(knot.zone), key_name: \(knot.keyName), secret_env: DNS_TSIG_SECRET}

            """
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent("site.yml"))
        handle.seekToEndOfFile()
        handle.write(Data(yaml.utf8))
        try handle.close()

        let wrote = try BlogctlRunner.run(["ci", "github", site.path])
        #expect(wrote.status == 0 && wrote.stderr.contains("DNS_TSIG_SECRET"), "\(wrote.stderr)")
        let text = try String(contentsOf: checkout.appendingPathComponent(".github/workflows/publish.yml"), encoding: .utf8)
        let workflow = try #require(try Yams.load(yaml: text) as? [String: Any])
        let on = try #require(workflow["on"] as? [String: Any])
        #expect((on["push"] as? [String: Any])?["branches"] as? [String] == ["trunk"])
        let job = try #require((workflow["jobs"] as? [String: Any])?["publish"] as? [String: Any])
        let steps = try #require(job["steps"] as? [[String: Any]])
        let folder = ((job["defaults"] as? [String: Any])?["run"] as? [String: Any])?["working-directory"] as? String
        #expect(folder == "blog")
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/checkout@") == true })
        let caches = steps.filter { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true }
        #expect(caches.contains { (($0["with"] as? [String: Any])?["path"] as? String)?.contains("blog/.blogctl-cache") == true })
        let publish = try #require(steps.first { ($0["run"] as? String)?.contains("blogctl publish --yes") == true })
        #expect((publish["env"] as? [String: String])?["DNS_TSIG_SECRET"] == "${{ secrets.DNS_TSIG_SECRET }}")

        // Every run step, as the runner would run it, with the secret from the repository's settings.
        let summary = checkout.appendingPathComponent("summary.md")
        let home = checkout.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let binaries = BlogctlRunner.executable.deletingLastPathComponent().path
        for step in steps {
            guard let run = step["run"] as? String else { continue }
            var environment = ProcessInfo.processInfo.environment
            environment["PATH"] = binaries + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment["HOME"] = home.path
            environment["CI"] = "true"
            environment["GITHUB_STEP_SUMMARY"] = summary.path
            environment["GITHUB_PATH"] = checkout.appendingPathComponent("github-path").path
            for (name, value) in step["env"] as? [String: String] ?? [:] {
                environment[name] = value == "${{ secrets.DNS_TSIG_SECRET }}" ? knot.secret : value
            }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-e", "-c", run]
            process.currentDirectoryURL = site
            process.environment = environment
            let output = Pipe()
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let log = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "step '\(step["name"] ?? run)' failed: \(log)")
            #expect(!log.contains(knot.secret))
        }
        let report = try String(contentsOf: summary, encoding: .utf8)
        let deployments = try String(contentsOf: site.appendingPathComponent(".blogctl/deployments.json"), encoding: .utf8)
        let cid = try #require(deployments.split(separator: "\"").first { $0.hasPrefix("bafy") }.map(String.init))
        #expect(report.contains("published") && report.contains(cid) && report.contains("_dnslink.blog.\(knot.zone)"), "\(report)")
        let values = try await DNSClient(host: "127.0.0.1", port: knot.port).txtValues(at: DNSName("_dnslink.blog.\(knot.zone)")!)
        #expect(values == ["dnslink=/ipfs/\(cid)"])
    }
}
