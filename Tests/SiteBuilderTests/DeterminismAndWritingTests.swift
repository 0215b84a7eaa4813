import Foundation
import Testing
@testable import SiteBuilder

private func manyPostsSite() throws -> FixtureSite {
    var files: [String: String] = [:]
    for index in 0..<30 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: String(format: "2026-01-%02dT0%d:00:00", index % 28 + 1, index % 10),
            tags: ["t\(index % 4)", "Common"], body: "Body \(index) with [link](/posts/p\((index + 1) % 30)/) and ![i](/img/i.png).")
    }
    files["content/posts/b/index.md"] = post("Bundle", date: "2026-02-01", body: "![x](x.png)")
    files["content/posts/b/x.png"] = "PNG"
    files["static/img/i.png"] = "PNG"
    files["content/about.md"] = "---\ntitle: About\n---\nHi\n"
    return try FixtureSite(files: files)
}

/// Reads every file below `directory`: relative path -> bytes.
private func snapshot(_ directory: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in try FileManager.default.subpathsOfDirectory(atPath: directory.path) {
        var isDirectory: ObjCBool = false
        let url = directory.appendingPathComponent(path)
        FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result[path] = try Data(contentsOf: url) }
    }
    return result
}

@Test func outputIsByteIdenticalAcrossTimeZonesAndMtimes() async throws {
    let site = try manyPostsSite()
    defer { site.cleanUp() }
    let first = site.root.appendingPathComponent("out1")
    let second = site.root.appendingPathComponent("out2")
    let originalTZ = ProcessInfo.processInfo.environment["TZ"]
    setenv("TZ", "Pacific/Kiritimati", 1)
    tzset()
    _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: first, options: BuildOptions(now: FixtureSite.now))
    // Shuffle modification times and change the zone before the second build.
    var generator = SystemRandomNumberGenerator()
    for path in try FileManager.default.subpathsOfDirectory(atPath: site.root.appendingPathComponent("content").path) {
        let date = Date(timeIntervalSince1970: Double.random(in: 0...2_000_000_000, using: &generator))
        try? FileManager.default.setAttributes([.modificationDate: date], ofItemAtPath: site.root.appendingPathComponent("content/" + path).path)
    }
    setenv("TZ", "America/Los_Angeles", 1)
    tzset()
    _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: second, options: BuildOptions(now: FixtureSite.now))
    if let originalTZ { setenv("TZ", originalTZ, 1) } else { unsetenv("TZ") }
    tzset()
    let a = try snapshot(first)
    let b = try snapshot(second)
    #expect(a.count > 40)
    #expect(a.keys.sorted() == b.keys.sorted())
    for (path, data) in a { #expect(b[path] == data, "\(path) differs") }
}

@Test func sessionOutputIsDeterministicAcrossRuns() async throws {
    let site = try manyPostsSite()
    defer { site.cleanUp() }
    let one = try await site.build()
    let two = try await site.build()
    #expect(one.output == two.output)
}

@Test func failedBuildLeavesPreviousOutputIntact() async throws {
    let site = try manyPostsSite()
    defer { site.cleanUp() }
    let output = site.root.appendingPathComponent("public")
    _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    let before = try snapshot(output)
    #expect(before["posts/p1/index.html"] != nil)

    try site.write("content/posts/p1.md", "---\ntitle: Broken\ndate: not-a-date\n---\n")
    await #expect(throws: SiteBuildError.self) {
        _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    }
    #expect(try snapshot(output) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") }
    #expect(leftovers.isEmpty)

    // A successful build replaces the output completely (a removed post's page disappears).
    try site.remove("content/posts/p1.md")
    _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    let after = try snapshot(output)
    #expect(after["posts/p1/index.html"] == nil && after["posts/p2/index.html"] != nil)
    #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.") }.isEmpty)
}

@Test func writerFailureLeavesPreviousOutputAndNoTemporaryFolder() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-writer-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("public")
    try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("old".utf8))]), to: output)
    // A copy from a missing source fails halfway through writing.
    let failing = SiteOutput(files: ["index.html": .bytes(Data("new".utf8)), "z.png": .copy(of: "/nonexistent/\(UUID().uuidString)")])
    #expect(throws: SiteBuildError.self) { try SiteWriter.write(failing, to: output) }
    #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["public"])
}

@Test func writerRefusesToReplaceASiteFolder() throws {
    let site = try FixtureSite(files: [:])
    defer { site.cleanUp() }
    #expect(throws: SiteBuildError.self) { try SiteWriter.write(SiteOutput(), to: site.root) }
    #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("site.yml").path))
}
