import Foundation
import Testing
import TestSupport

/// The whole flow a user runs: build a site, get its CID, write a CAR, take it apart again.
@Suite struct BuildAndPublishFlowTests {
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-flow-\(name)-\(UUID().uuidString)")
    }

    /// A copy of SampleSite, so tests can touch its files without changing the repository.
    func copyOfSampleSite() throws -> URL {
        let copy = scratch("site")
        try SampleSiteCopy.make(at: copy)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent("public"))
        return copy
    }

    @Test func buildPrintsTheCIDOfItsOutput() throws {
        let site = try copyOfSampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let built = try BlogctlRunner.run(["build", site.path])
        #expect(built.status == 0, "\(built.stderr)")
        let cid = built.stdout.trimmingCharacters(in: .newlines)
        #expect(cid.hasPrefix("bafybei") && cid.count == 59, "stdout: \(built.stdout)")
        #expect(built.stdout == cid + "\n")
        let packed = try BlogctlRunner.run(["pack", site.appendingPathComponent("public").path])
        #expect(packed.stdout == built.stdout)
        let checked = try BlogctlRunner.run(["check", site.path])
        #expect(checked.status == 0, "\(checked.stderr)")
    }

    @Test func sameSourcesGiveTheSameCIDInAnyTimeZoneAndAfterTouchingFiles() throws {
        let site = try copyOfSampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let first = try BlogctlRunner.run(["build", site.path], environment: ["TZ": "UTC", "LC_ALL": "C"])
        // Touch every source with a different mtime, then build where the clock reads half a day off.
        let walker = FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)!
        var n = 0.0
        for case let url as URL in walker where !url.path.contains("/public") {
            n += 1
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000 * n)], ofItemAtPath: url.path)
        }
        let second = try BlogctlRunner.run(["build", site.path], environment: ["TZ": "Pacific/Kiritimati", "LC_ALL": "de_DE.UTF-8"])
        #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    @Test func packCarExtractPackGivesTheSameCID() throws {
        let site = try copyOfSampleSite()
        let car = scratch("car").appendingPathExtension("car")
        let extracted = scratch("extracted")
        defer { for url in [site, car, extracted] { try? FileManager.default.removeItem(at: url) } }
        #expect(try BlogctlRunner.run(["build", site.path]).status == 0)
        for profile in ["unixfs-v1-2025", "unixfs-v0-2015"] {
            try? FileManager.default.removeItem(at: extracted)
            let packed = try BlogctlRunner.run(["pack", site.appendingPathComponent("public").path, "--profile", profile, "--car", car.path])
            #expect(packed.status == 0, "\(packed.stderr)")
            let verified = try BlogctlRunner.run(["car", "verify", car.path])
            #expect(verified.status == 0, "\(verified.stderr)")
            #expect((verified.stdout + verified.stderr).contains(packed.stdout.trimmingCharacters(in: .newlines)))
            let listed = try BlogctlRunner.run(["car", "ls", car.path])
            #expect(listed.stdout.contains("index.html\n") && listed.stdout.contains("posts/"))
            #expect(try BlogctlRunner.run(["car", "extract", car.path, extracted.path]).status == 0)
            let repacked = try BlogctlRunner.run(["pack", extracted.path, "--profile", profile])
            #expect(repacked.stdout == packed.stdout)
        }
    }

    @Test func aBrokenSourceLeavesThePreviousOutputAndCIDAlone() throws {
        let site = try copyOfSampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let good = try BlogctlRunner.run(["build", site.path])
        #expect(good.status == 0)
        let post = site.appendingPathComponent("content/posts/zz-broken.md")
        try Data("---\ntitle: [unclosed\n---\nbody\n".utf8).write(to: post)
        let bad = try BlogctlRunner.run(["build", site.path])
        #expect(bad.status != 0)
        #expect(bad.stdout.isEmpty)
        #expect(bad.stderr.contains(#/^blogctl: error: .*zz-broken\.md:\d+:\d+: /#), "\(bad.stderr)")
        #expect(bad.stderr.split(separator: "\n").count == 1)
        try FileManager.default.removeItem(at: post)
        #expect(try BlogctlRunner.run(["pack", site.appendingPathComponent("public").path]).stdout == good.stdout)
    }
}
