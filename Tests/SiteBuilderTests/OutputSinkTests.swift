import Foundation
import Synchronization
import Testing
@testable import SiteBuilder

/// Everything an `OutputSink` was shown, with how often each path came.
private final class Observations: OutputSink {
    private let state = Mutex<(bytes: [String: Data], calls: [String: Int])>(([:], [:]))

    func made(_ path: String, _ bytes: Data) {
        state.withLock {
            $0.bytes[path] = bytes
            $0.calls[path, default: 0] += 1
        }
    }

    var bytes: [String: Data] { state.withLock { $0.bytes } }
    var calls: [String: Int] { state.withLock { $0.calls } }
}

/// The sink sees each generated file once, with the bytes that are written; copied files are
/// never read into memory, neither for the sink nor for the work beside the write.
@Suite struct OutputSinkTests {
    func writtenFiles(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            result[String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Posts, a bundle with assets, tags, static files of every kind the build treats differently.
    func richSite() throws -> FixtureSite {
        let site = try FixtureSite(files: [
            "content/posts/2026-01-02-a.md": post("A", date: "2026-01-02", tags: ["t", "u"]),
            "content/posts/2026-01-03-b/index.md": post("B", date: "2026-01-03", tags: ["t"], body: "![p](photo.png)"),
            "content/posts/2026-01-04-c.md": post("C", date: "2026-01-04"),
            "content/about.md": "---\ntitle: About\n---\n\nHi.\n",
            "static/css/site.css": "body { background: url(/img/bg.png); }\n",
            "static/.well-known/security.txt": "Contact: mailto:a@example.com\n",
            "static/robots.txt": "User-agent: *\n",
        ])
        try site.write("content/posts/2026-01-03-b/photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
        try site.write("content/posts/2026-01-03-b/sub/data.bin", Data(repeating: 7, count: 3000))
        try site.write("static/img/bg.png", Data(repeating: 1, count: 2_500_000))
        return site
    }

    @Test func everyGeneratedFileIsObservedOnceWithItsWrittenBytesAndCopiesAreNot() async throws {
        let site = try richSite()
        defer { site.cleanUp() }
        let seen = Observations()
        let (report, output) = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now),
            sink: seen) { output in output }
        let written = try writtenFiles(under: report.outputDirectory)
        #expect(Set(output.files.keys) == Set(written.keys))

        let generated = output.files.compactMap { path, content -> String? in
            if case .bytes = content { return path }
            return nil
        }
        #expect(Set(seen.bytes.keys) == Set(generated))
        #expect(seen.calls.values.allSatisfy { $0 == 1 })
        for (path, bytes) in seen.bytes { #expect(written[path] == bytes, "observed bytes of \(path) differ from the written file") }
        // Pages, feeds, sitemap, redirects and the rewritten stylesheet are all generated.
        for path in ["index.html", "posts/a/index.html", "tags/t/index.html", "about/index.html", "404.html", "rss.xml",
            "sitemap.xml", "_redirects", "css/site.css"]
        {
            #expect(seen.bytes[path] != nil, "\(path) was not observed")
        }

        // Copies stay copies for the work, and are written byte for byte from their sources.
        let copies = ["posts/b/photo.png", "posts/b/sub/data.bin", "img/bg.png", ".well-known/security.txt", "robots.txt"]
        for path in copies {
            guard case .copy(let source) = output.files[path] else {
                Issue.record("\(path) is not a copy: \(String(describing: output.files[path]))")
                continue
            }
            #expect(seen.bytes[path] == nil)
            #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == written[path])
        }
    }

    @Test func aSessionObservesTheFilesItRendersInEachBuild() async throws {
        let site = try richSite()
        defer { site.cleanUp() }
        let seen = Observations()
        let session = SiteBuildSession(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now),
            sink: seen)
        let first = try await session.build()
        // Every file the build holds in memory (pages, feeds, sitemap, stylesheets) is rendered by a worker, which shows it.
        let generated = first.output.files.filter { if case .bytes = $0.value { true } else { false } }
        #expect(first.stats.pagesRendered == first.stats.htmlPages)
        #expect(Set(seen.bytes.keys) == Set(generated.keys))
        #expect(generated.keys.contains("rss.xml") && generated.keys.contains("css/site.css") && generated.keys.contains("index.html"))
        for (path, bytes) in seen.bytes { #expect(first.output.files[path] == .bytes(bytes)) }

        // A content-only edit renders only the pages showing that post, and the feeds that carry
        // it: those are observed again.
        try site.write("content/posts/2026-01-02-a.md", post("A", date: "2026-01-02", tags: ["t", "u"], body: "New text."))
        let second = try await session.rebuild(changedPaths: ["content/posts/2026-01-02-a.md"])
        let again = seen.calls.filter { $0.value == 2 }.keys
        #expect(second.stats.pagesRendered > 0 && second.stats.pagesRendered < second.stats.htmlPages)
        #expect(again.count { $0.hasSuffix(".html") } == second.stats.pagesRendered)
        #expect(Set(again.filter { !$0.hasSuffix(".html") && !$0.hasPrefix("search/") }) == ["rss.xml", "atom.xml", "feed.json"])
        // And the search index files its text is in: its summary's document list, the shard that
        // loses "some", and the manifest, which lists the new shard of "new" (observed once: it is new).
        #expect(Set(again.filter { $0.hasPrefix("search/") }) == ["search/docs/0.json", "search/index.json", "search/terms/s.json"])
        #expect(seen.calls["search/terms/n.json"] == 1)
        #expect(again.contains("posts/a/index.html"))
        for path in again { #expect(second.output.files[path] == .bytes(seen.bytes[path]!)) }
    }
}
