import DNS
import Foundation
import Testing
import TestSupport

/// `blogctl dnslink plan|apply`, `publish` and `rollback` against a real Knot server with a TSIG
/// key: the record created, updated, its duplicates removed, other TXT records kept, a concurrent
/// change detected, a wrong key refused in words, and the secret never in any output or file.
@Suite struct DNSLinkCommandTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Site {
        let root: URL
        let knot: KnotServer
        var environment: [String: String] { ["BLOGCTL_TEST_TSIG": knot.secret] }
        var client: DNSClient { DNSClient(host: "127.0.0.1", port: knot.port) }
        var record: DNSName { DNSName("_dnslink.blog.\(knot.zone)")! }
    }

    /// SampleSite with a dnslink section pointing at `knot` (its CAR target not required, so an
    /// older deployment can be rolled back to) and `records` already in the zone.
    func site(records: [String] = [], secretVariable: String = "BLOGCTL_TEST_TSIG") throws -> Site? {
        guard let knot = try KnotServer(records: records) else { return nil }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-dnslink-\(UUID().uuidString)")
        try SampleSiteCopy.make(at: root)
        for leftover in ["public", ".blogctl-cache", ".blogctl", "site.car"] { try? FileManager.default.removeItem(at: root.appendingPathComponent(leftover)) }
        let yaml = """
            publish:
              targets:
                - {name: archive, type: car, path: site.car, required: false}
            dnslink:
              domain: blog.\(knot.zone)
              ttl: 120
              provider:
                type: rfc2136
                server: 127.0.0.1
                port: \(knot.port)
                zone: \(knot.zone)
                key_name: \(knot.keyName)
                secret_env: \(secretVariable)

            """
        let handle = try FileHandle(forWritingTo: root.appendingPathComponent("site.yml"))
        handle.seekToEndOfFile()
        handle.write(Data(("\n" + yaml).utf8))
        try handle.close()
        return Site(root: root, knot: knot)
    }

    func run(_ arguments: [String], _ site: Site) throws -> BlogctlRunner.Result {
        let result = try BlogctlRunner.run(arguments, environment: site.environment)
        // The TSIG secret is never printed.
        #expect(!result.stdout.contains(site.knot.secret) && !result.stderr.contains(site.knot.secret))
        return result
    }

    @Test func publishCreatesTheRecordKeepsOtherTXTAndRemovesDuplicates() async throws {
        guard let site = try site(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafystale1\"", "_dnslink.blog TXT \"dnslink=/ipfs/bafystale2\"",
            "_dnslink.blog TXT \"google-site-verification=keep\""]) else { return }
        defer { site.knot.stop(); try? FileManager.default.removeItem(at: site.root) }
        let published = try run(["publish", site.root.path, "--yes"], site)
        #expect(published.status == 0, "\(published.stderr)")
        let cid = published.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(published.stderr.contains("- \"dnslink=/ipfs/bafystale1\"") && published.stderr.contains("+ \"dnslink=/ipfs/\(cid)\""),
            "\(published.stderr)")
        let values = try await site.client.txtValues(at: site.record)
        #expect(Set(values) == ["dnslink=/ipfs/\(cid)", "google-site-verification=keep"])
        // The deployment notes the change, and its previous value (for rollback), never the secret.
        let log = try String(contentsOf: site.root.appendingPathComponent(".blogctl/deployments.json"), encoding: .utf8)
        #expect(log.contains("\"value\" : \"dnslink=/ipfs/\(cid)\"") && log.contains("bafystale1") && !log.contains(site.knot.secret))
        // Planning again: nothing to change.
        let plan = try run(["dnslink", "plan", site.root.path, "--json"], site)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        #expect(json["action"] as? String == "no_change", "\(plan.stdout)\(plan.stderr)")
    }

    @Test func applyRefusesACIDThatIsNotACompleteDeploymentAndAWrongKey() async throws {
        guard let site = try site(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { site.knot.stop(); try? FileManager.default.removeItem(at: site.root) }
        let unknown = try run(["dnslink", "apply", site.root.path, "--cid", "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "--yes"], site)
        #expect(unknown.status == 8 && unknown.stderr.contains("not a complete deployment"), "\(unknown.stderr)")
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/bafyold"])

        let published = try run(["publish", site.root.path, "--target", "archive", "--yes"], site)
        #expect(published.status == 0, "\(published.stderr)")
        let cid = published.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/\(cid)"])
        // Someone points it elsewhere; an apply with a wrong secret must not undo that.
        let key = try #require(TSIGKey(name: DNSName(site.knot.keyName)!, algorithm: .hmacSHA256, base64: site.knot.secret))
        try await site.client.apply(TXTUpdate(zone: DNSName(site.knot.zone)!, name: site.record, expected: ["dnslink=/ipfs/\(cid)"],
            remove: ["dnslink=/ipfs/\(cid)"], add: ["dnslink=/ipfs/bafyold"], ttl: 60), signer: TSIGSigner(key: key))
        var wrong = site.environment
        wrong["BLOGCTL_TEST_TSIG"] = Data(repeating: 9, count: 32).base64EncodedString()
        let refused = try BlogctlRunner.run(["dnslink", "apply", site.root.path, "--yes"], environment: wrong)
        #expect(refused.status == 8, "\(refused.stderr)")
        #expect(refused.stderr.contains("BADSIG") || refused.stderr.contains("NOTAUTH"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").filter { $0.hasPrefix("blogctl: error:") }.count == 1)
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/bafyold"])
        let missing = try BlogctlRunner.run(["dnslink", "plan", site.root.path], environment: [:])
        #expect(missing.status == 2 && missing.stderr.contains("BLOGCTL_TEST_TSIG is not set"), "\(missing.stderr)")
    }

    @Test func aDNSServerThatIsDownLeavesACompleteDeploymentToPointLater() async throws {
        guard let site = try site(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { site.knot.stop(); try? FileManager.default.removeItem(at: site.root) }
        let settings = site.root.appendingPathComponent("site.yml")
        let yaml = try String(contentsOf: settings, encoding: .utf8)
        try yaml.replacingOccurrences(of: "port: \(site.knot.port)", with: "port: \(try KnotServer.freePort())")
            .write(to: settings, atomically: true, encoding: .utf8)

        let failed = try run(["publish", site.root.path, "--yes", "--json"], site)
        #expect(failed.status == 8, "\(failed.stderr)")
        #expect(failed.stderr.split(separator: "\n").filter { $0.hasPrefix("blogctl: error: dnslink:") }.count == 1, "\(failed.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(failed.stdout.utf8)) as? [String: Any])
        #expect(json["failed_step"] as? String == "dnslink" && json["exit_code"] as? Int == 8 && json["dnslink"] == nil)
        let cid = try #require(json["cid"] as? String)
        // The content is held and recorded; only the domain is not pointed yet.
        #expect(json["complete"] as? Bool == true)
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/bafyold"])

        try yaml.write(to: settings, atomically: true, encoding: .utf8)
        let applied = try run(["dnslink", "apply", site.root.path, "--yes"], site)
        #expect(applied.status == 0, "\(applied.stderr)")
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/\(cid)"])
        let again = try run(["publish", site.root.path, "--yes", "--json"], site)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(again.status == 0 && second["cid"] as? String == cid, "\(again.stderr)")
        #expect((second["dnslink"] as? [String: Any])?["value"] as? String == "dnslink=/ipfs/\(cid)")
    }

    @Test func aMissingSecretStopsPublishBeforeAnythingIsWritten() throws {
        guard let site = try site() else { return }
        defer { site.knot.stop(); try? FileManager.default.removeItem(at: site.root) }
        let result = try BlogctlRunner.run(["publish", site.root.path, "--yes"], environment: [:])
        #expect(result.status == 2 && result.stderr.contains("BLOGCTL_TEST_TSIG is not set"), "\(result.stderr)")
        for written in ["site.car", ".blogctl/deployments.json"] {
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(written).path), "\(written)")
        }
    }

    @Test func rollbackPointsTheDomainBackAtTheEarlierDeployment() async throws {
        guard let site = try site() else { return }
        defer { site.knot.stop(); try? FileManager.default.removeItem(at: site.root) }
        let first = try run(["publish", site.root.path, "--yes"], site)
        #expect(first.status == 0, "\(first.stderr)")
        let v1 = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try "---\ntitle: New page\n---\n\nNew.\n".write(to: site.root.appendingPathComponent("content/new.md"), atomically: true, encoding: .utf8)
        let second = try run(["publish", site.root.path, "--yes"], site)
        let v2 = second.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(second.status == 0 && v1 != v2, "\(second.stderr)")
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/\(v2)"])
        let back = try run(["rollback", site.root.path, "--yes"], site)
        #expect(back.status == 0, "\(back.stderr)")
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/\(v1)"])
        let forward = try run(["rollback", site.root.path, "--to", v2, "--yes"], site)
        #expect(forward.status == 0, "\(forward.stderr)")
        #expect(try await site.client.txtValues(at: site.record) == ["dnslink=/ipfs/\(v2)"])
        let nowhere = try run(["rollback", site.root.path, "--to", "bafynotadeployment", "--yes"], site)
        #expect(nowhere.status == 10 && nowhere.stderr.contains("not a complete deployment"), "\(nowhere.stderr)")
    }
}

/// The manual provider: publish prints the record to set and waits until the servers answer it.
@Suite struct ManualDNSLinkTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func publishWaitsUntilTheServersAnswerTheRecordSetByHand() async throws {
        guard let knot = try KnotServer() else { return }
        defer { knot.stop() }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-manual-\(UUID().uuidString)")
        try SampleSiteCopy.make(at: site)
        defer { try? FileManager.default.removeItem(at: site) }
        for leftover in ["public", ".blogctl-cache", ".blogctl", "site.car"] { try? FileManager.default.removeItem(at: site.appendingPathComponent(leftover)) }
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent("site.yml"))
        handle.seekToEndOfFile()
        handle.write(Data("\ndnslink:\n  domain: blog.\(knot.zone)\n  provider: {type: manual, servers: ['127.0.0.1:\(knot.port)']}\n".utf8))
        try handle.close()

        // --no-wait: the record is printed, nothing waits, and the deployment is not marked pointed.
        let quick = try BlogctlRunner.run(["publish", site.path, "--no-wait"])
        #expect(quick.status == 0 && quick.stderr.contains("_dnslink.blog.\(knot.zone) TXT \"dnslink=/ipfs/"), "\(quick.stderr)")
        let cid = quick.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

        // Waiting: the author sets the record while publish polls; publish then finishes.
        let process = Process()
        process.executableURL = BlogctlRunner.executable
        process.arguments = ["dnslink", "apply", site.path, "--yes"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        try await Task.sleep(for: .seconds(1))
        #expect(process.isRunning)
        let key = TSIGKey(name: DNSName(knot.keyName)!, algorithm: .hmacSHA256, base64: knot.secret)!
        try await DNSClient(host: "127.0.0.1", port: knot.port).apply(TXTUpdate(zone: DNSName(knot.zone)!, name: DNSName("_dnslink.blog.\(knot.zone)")!,
            expected: [], remove: [], add: ["dnslink=/ipfs/\(cid)"], ttl: 60), signer: TSIGSigner(key: key))
        process.waitUntilExit()
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(log)")
        #expect(log.contains("waiting until the authoritative servers answer it"), "\(log)")
        let deployments = try String(contentsOf: site.appendingPathComponent(".blogctl/deployments.json"), encoding: .utf8)
        #expect(deployments.contains("\"provider\" : \"manual\""))
    }
}
