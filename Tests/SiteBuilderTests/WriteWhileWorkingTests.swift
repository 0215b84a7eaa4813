import Foundation
import Testing
@testable import SiteBuilder

/// `SiteBuilder.build(...whileWriting:)`: the output in memory (what blogctl packs) matches the
/// written folder byte for byte; copied files stay copies of their sources, never read whole.
@Suite struct WriteWhileWorkingTests {
    func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func workSeesExactlyTheWrittenFilesWithCopiesAsSources() async throws {
        let site = try FixtureSite(files: [
            "content/posts/2026-01-02-a.md": post("A", date: "2026-01-02", tags: ["t"]),
            "content/posts/2026-01-03-b/index.md": post("B", date: "2026-01-03"),
        ])
        defer { site.cleanUp() }
        try site.write("content/posts/2026-01-03-b/photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
        try site.write("static/tool.sh", "#!/bin/sh\necho hi\n")
        let script = site.root.appendingPathComponent("static/tool.sh").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)

        let (report, seen) = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now)) { output in
            output.files
        }
        let written = try files(under: report.outputDirectory)
        #expect(try seen.mapValues { try $0.data() } == written)
        #expect(seen["tool.sh"] == .copy(of: script))
        #expect(written["tool.sh"] == Data("#!/bin/sh\necho hi\n".utf8))
        #expect(seen["posts/b/photo.png"] == .copy(of: site.root.appendingPathComponent("content/posts/2026-01-03-b/photo.png").path))
        #expect(written["posts/b/photo.png"] == Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
        // Streamed, a copied file keeps its source's permissions.
        let mode = try FileManager.default.attributesOfItem(atPath: report.outputDirectory.appendingPathComponent("tool.sh").path)[.posixPermissions] as? Int
        #expect(mode == 0o755)

        // The same as the plain build's folder.
        let plain = site.root.appendingPathComponent("plain")
        _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: plain, options: BuildOptions(now: FixtureSite.now))
        #expect(try files(under: plain) == written)
    }

    @Test func aWriteFailureWinsOverTheWorkAndAWorkFailureIsThrown() async throws {
        let site = try FixtureSite(files: ["content/posts/2026-01-02-a.md": post("A", date: "2026-01-02")])
        defer { site.cleanUp() }
        // A file where the output folder's parent must be: the write fails, the work does not.
        try site.write("blocker", "not a folder")
        let output = site.root.appendingPathComponent("blocker/public")
        await #expect(throws: SiteBuildError.self) {
            _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: output, options: BuildOptions(now: FixtureSite.now)) { _ in 42 }
        }
        struct WorkFailed: Error {}
        await #expect(throws: WorkFailed.self) {
            _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now)) { _ -> Int in throw WorkFailed() }
        }
    }
}
