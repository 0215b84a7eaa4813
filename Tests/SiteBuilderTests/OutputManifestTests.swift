import ContentAddressing
import Foundation
import Synchronization
import Testing
@testable import SiteBuilder

/// Strict `OutputSink`: a file's note is the SHA-256 of its real bytes (observed, or read from a
/// copy's source), and a note is taken back only when it is a digest. After a build, every file on
/// disk must have as its note the digest of the bytes it holds: a page or copy kept from a
/// recycled folder with a stale note shows up as a mismatch.
private final class DigestNotes: OutputSink {
    private struct State {
        var notes: [String: [UInt8]] = [:]
        var observed: Set<String> = []
        var reused: Set<String> = []
        var refused: Set<String> = []
    }

    private let state = Mutex(State())
    private let refuses: @Sendable (String) -> Bool

    init(refusing refuses: @escaping @Sendable (String) -> Bool = { _ in false }) {
        self.refuses = refuses
    }

    func made(_ path: String, _ bytes: Data) {
        let digest = SHA256.digest(bytes)
        state.withLock {
            $0.notes[path] = digest
            $0.observed.insert(path)
        }
    }

    /// Notes each copied file of `output` from its source, as a packer streaming it would.
    func noteCopies(of output: SiteOutput) throws {
        for (path, content) in output.files {
            guard case .copy(let source) = content else { continue }
            let digest = SHA256.digest(try Data(contentsOf: URL(fileURLWithPath: source)))
            state.withLock { $0.notes[path] = digest }
        }
    }

    func note(for path: String) -> [UInt8]? { state.withLock { $0.notes[path] } }

    func reuse(_ path: String, note: [UInt8]) -> Bool {
        if refuses(path) {
            state.withLock { _ = $0.refused.insert(path) }
            return false
        }
        guard note.count == 32 else { return false }
        state.withLock {
            $0.notes[path] = note
            $0.reused.insert(path)
        }
        return true
    }

    var observed: Set<String> { state.withLock { $0.observed } }
    var reused: Set<String> { state.withLock { $0.reused } }
    var refused: Set<String> { state.withLock { $0.refused } }
}

/// Every regular file under `root`, by relative path.
private func files(under root: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
    for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
        result[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
    }
    return result
}

/// One build with notes and a cache into `<site>/public`, as `blogctl build` makes it.
private struct ManifestBuild {
    var report: BuildReport
    var output: SiteOutput
    var notes: DigestNotes
    var stats: BuildStats { report.stats }
    var kept: Set<String> { Set(output.files.filter { $0.value == .kept }.keys) }
}

/// A site built again and again into the same output folder, each build checked against a fresh
/// build of the same sources (no cache, no notes, a new folder) and its notes against the disk.
private struct ManifestHarness {
    let site: FixtureSite
    var output: URL { site.root.appendingPathComponent("public") }
    var recycled: URL { site.root.appendingPathComponent(SiteWriter.recycleName(forOutputNamed: "public")) }
    var manifests: URL { SiteBuilder.cacheDirectory(for: site.root).appendingPathComponent("outputs") }

    @discardableResult
    func build(_ options: BuildOptions = BuildOptions(now: FixtureSite.now), notes: DigestNotes = DigestNotes(), check: Bool = true,
        sourceLocation: Testing.SourceLocation = #_sourceLocation) async throws -> ManifestBuild
    {
        var cached = options
        cached.cacheDirectory = SiteBuilder.cacheDirectory(for: site.root)
        let (report, output) = try await SiteBuilder.build(siteDirectory: site.root, options: cached,
            sink: notes) { output in
            try notes.noteCopies(of: output)
            return output
        }
        let result = ManifestBuild(report: report, output: output, notes: notes)
        if check { try await self.check(result, options, sourceLocation: sourceLocation) }
        return result
    }

    /// What a fresh build of the same sources writes.
    func fresh(_ options: BuildOptions) async throws -> [String: Data] {
        var plain = options
        plain.cacheDirectory = nil
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: folder.appendingPathComponent("out"), options: plain)
        return try files(under: folder.appendingPathComponent("out"))
    }

    func check(_ build: ManifestBuild, _ options: BuildOptions, sourceLocation: Testing.SourceLocation) async throws {
        let written = try files(under: output)
        let expected = try await fresh(options)
        #expect(Set(written.keys) == Set(expected.keys), "files differ from a fresh build", sourceLocation: sourceLocation)
        let differing = written.keys.filter { expected[$0] != nil && expected[$0] != written[$0] }.sorted()
        #expect(differing.isEmpty, "bytes differ from a fresh build: \(differing)", sourceLocation: sourceLocation)
        #expect(Set(build.output.files.keys) == Set(written.keys), sourceLocation: sourceLocation)
        for (path, data) in written where build.notes.note(for: path) != SHA256.digest(data) {
            Issue.record("the note of \(path) is not the digest of the file on disk", sourceLocation: sourceLocation)
        }
        // Kept files were vouched for by a note, and a kept page was never rendered.
        for path in build.kept {
            #expect(build.notes.reused.contains(path), "\(path) kept without its note", sourceLocation: sourceLocation)
            #expect(!build.notes.observed.contains(path), "\(path) both kept and observed", sourceLocation: sourceLocation)
        }
    }

    /// Rewrites `path` under `root` with other bytes of the same size and puts its modification
    /// time back, as an editor or a tool might; only the change time tells.
    func tamper(_ path: String, in root: URL) throws {
        let file = root.appendingPathComponent(path).path
        var before = stat()
        #expect(lstat(file, &before) == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        let index = bytes.count / 2
        bytes[index] = bytes[index] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: file))
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: bytes)
        try handle.close()
        try restoreModificationTime(file, before)
    }

    func restoreModificationTime(_ file: String, _ before: stat) throws {
        var times = [timespec(tv_sec: before.st_atim.tv_sec, tv_nsec: before.st_atim.tv_nsec),
            timespec(tv_sec: before.st_mtim.tv_sec, tv_nsec: before.st_mtim.tv_nsec)]
        #expect(utimensat(AT_FDCWD, file, &times, AT_SYMLINK_NOFOLLOW) == 0)
        var after = stat()
        #expect(lstat(file, &after) == 0)
        #expect(after.st_size == before.st_size && after.st_mtim.tv_sec == before.st_mtim.tv_sec
            && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec, "the tampering must keep size and modification time")
    }
}

/// A site with something of everything a page's bytes depend on: neighbours, pagination
/// (two posts a page), tag display names, a menu page, aliases, a favicon, bundle assets and static files.
private func richSite() throws -> ManifestHarness {
    let site = try FixtureSite(files: [
        "content/posts/2026-01-02-a.md": post("A", date: "2026-01-02", tags: ["Swift", "u"], extra: "aliases: [/old/a/]\n"),
        "content/posts/2026-01-03-b/index.md": post("B", date: "2026-01-03", tags: ["swift"], body: "![p](photo.png) [a](../a/)"),
        "content/posts/2026-01-04-c.md": post("C", date: "2026-01-04", tags: ["Swift"]),
        "content/posts/2026-01-05-d.md": post("D", date: "2026-01-05T23:30:00", tags: ["u"], body: "Text with a footnote[^1].\n\n[^1]: Note."),
        "content/posts/2025-12-30-e.md": post("E", date: "2025-12-30", extra: "updated: 2026-01-06\n"),
        "content/about.md": "---\ntitle: About\nweight: 1\n---\n\nHi.\n",
        "static/css/site.css": "body { background: url(/img/bg.png); }\n",
        "static/favicon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        "static/robots.txt": "User-agent: *\n",
    ])
    try site.write("content/posts/2026-01-03-b/photo.png", Data([0x89, 0x50, 0x4E, 0x47, 0, 1, 2]))
    try site.write("content/posts/2026-01-03-b/sub/data.bin", Data(repeating: 7, count: 3000))
    try site.write("static/img/bg.png", Data(repeating: 1, count: 200_000))
    return ManifestHarness(site: site)
}

@Suite struct OutputManifestTests {
    @Test func theThirdBuildKeepsEveryFileAndEqualsAFreshBuild() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        let first = try await harness.build()
        #expect(first.stats.pagesRendered == first.stats.htmlPages && first.kept.isEmpty)
        // No recycled folder yet: the second build writes a new one.
        let second = try await harness.build()
        #expect(second.stats.pagesRendered == second.stats.htmlPages && second.kept.isEmpty)
        for round in 3...5 {
            let build = try await harness.build()
            #expect(build.stats.pagesRendered == 0, "round \(round)")
            let pages = Set(build.output.files.keys.filter { $0.hasSuffix(".html") })
            let copies: Set<String> = ["posts/b/photo.png", "posts/b/sub/data.bin", "img/bg.png", "favicon.svg", "js/embeds.js", "robots.txt"]
            var generated: Set<String> = ["rss.xml", "atom.xml", "feed.json", "sitemap.xml", "_redirects", "css/site.css", "css/style.css", "css/highlight.css"]
            let search = build.output.files.keys.filter { $0.hasPrefix("search/") && !$0.hasSuffix(".html") }
            #expect(search.count > 3 && search.contains("search/index.json"))
            generated.formUnion(search + ["js/search.js"])
            // Every output kind takes the same path: pages, copies and the other generated files are all kept.
            #expect(build.kept == pages.union(copies).union(generated), "round \(round)")
            #expect(build.kept == Set(build.output.files.keys), "round \(round)")
            #expect(build.notes.observed.isEmpty, "round \(round): \(build.notes.observed.sorted())")
        }
    }

    @Test func editsRenderOnlyWhatTheyChangeAndEveryRebuildEqualsAFreshBuild() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        let site = harness.site
        for _ in 1...3 { try await harness.build() }

        // A text edit: the post, the list pages showing it, its tags' pages.
        try site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["Swift"], body: "Other text."))
        for round in 1...3 {
            let build = try await harness.build()
            if round < 3 {
                // The post, and the first pages of home, the posts list and its tag, which show its summary.
                let pages = build.notes.observed.filter { $0.hasSuffix(".html") }
                #expect(pages == ["posts/c/index.html", "index.html", "posts/index.html", "tags/swift/index.html"], "\(pages.sorted())")
                #expect(build.stats.pagesRendered == 4)
            } else {
                #expect(build.stats.pagesRendered == 0)
            }
        }

        let edits: [(String, () throws -> Void)] = [
            ("title", { try site.write("content/posts/2026-01-04-c.md", post("C renamed", date: "2026-01-04", tags: ["Swift"], body: "Other text.")) }),
            // Two of three posts spell the tag `swift` now: its display name changes on every page showing it.
            ("tag spelling", { try site.write("content/posts/2026-01-04-c.md", post("C renamed", date: "2026-01-04", tags: ["swift"])) }),
            ("new post", { try site.write("content/posts/2026-01-06-f.md", post("F", date: "2026-01-06", tags: ["new"])) }),
            ("removed post", { try site.remove("content/posts/2026-01-02-a.md") }),
            ("site.yml", { try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "motto: hello", with: "motto: bye")) }),
            ("template", { try site.write("templates/404.mustache", "{{<base}}{{$main}}<h1>Gone</h1>{{/main}}{{/base}}") }),
            ("page title", { try site.write("content/about.md", "---\ntitle: About me\nweight: 1\n---\n\nHi.\n") }),
            ("bundle renamed", {
                try FileManager.default.moveItem(at: site.root.appendingPathComponent("content/posts/2026-01-03-b"),
                    to: site.root.appendingPathComponent("content/posts/2026-01-03-bee"))
            }),
            ("newest post removed (copyright year)", { try site.remove("content/posts/2026-01-06-f.md") }),
            ("favicon removed", { try site.remove("static/favicon.svg") }),
        ]
        for (name, edit) in edits {
            try edit()
            for round in 1...3 {
                let build = try await harness.build()
                if round == 3 { #expect(build.stats.pagesRendered == 0, "\(name): the third build after it keeps every page") }
            }
        }
    }

    @Test func filesChangedInTheRecycledFolderAreMadeAgain() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...2 { try await harness.build() }
        // The recycled folder now holds the first build, which its manifest vouches for.
        try harness.tamper("posts/a/index.html", in: harness.recycled)
        try harness.tamper("img/bg.png", in: harness.recycled)
        try FileManager.default.removeItem(at: harness.recycled.appendingPathComponent("posts/c/index.html"))
        try Data("stray".utf8).write(to: harness.recycled.appendingPathComponent("stray.html"))
        try Data("stray".utf8).write(to: harness.recycled.appendingPathComponent("posts/a/notes.txt"))
        try FileManager.default.createDirectory(at: harness.recycled.appendingPathComponent("junk/deep"), withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: harness.recycled.appendingPathComponent("junk/deep/x.html"))
        try FileManager.default.removeItem(at: harness.recycled.appendingPathComponent("posts/b/sub/data.bin"))
        let third = try await harness.build()
        #expect(third.stats.pagesRendered == 2)
        #expect(third.notes.observed.isSuperset(of: ["posts/a/index.html", "posts/c/index.html"]))
        #expect(!third.kept.contains("img/bg.png") && !third.kept.contains("posts/b/sub/data.bin") && third.kept.contains("posts/b/photo.png"))
        try await harness.build()
        #expect(try await harness.build().stats.pagesRendered == 0)
    }

    @Test func aRecycledFolderReachedThroughASymbolicLinkIsNeverTrusted() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...2 { try await harness.build() }
        // The same files (same identities), but through a link to a folder outside the output.
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-elsewhere-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.moveItem(at: harness.recycled.appendingPathComponent("tags"), to: outside)
        try FileManager.default.createSymbolicLink(at: harness.recycled.appendingPathComponent("tags"), withDestinationURL: outside)
        let before = try files(under: outside)
        // The writer finds the link in the way of kept files: the build starts over in a new folder.
        let third = try await harness.build()
        #expect(third.stats.pagesRendered == third.stats.htmlPages && third.kept.isEmpty)
        #expect(try files(under: outside) == before, "nothing is written through the link")
        // The build that started over still remembers its new folder: both folders are kept from next.
        for round in 4...5 {
            let build = try await harness.build()
            #expect(build.stats.pagesRendered == 0, "round \(round): \(build.stats.pagesRendered) rendered")
        }
    }

    @Test func aDamagedManifestIsIgnored() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...2 { try await harness.build() }
        func manifest(of folder: URL) throws -> URL {
            var info = stat()
            #expect(lstat(folder.path, &info) == 0)
            let file = harness.manifests.appendingPathComponent("\(info.st_dev)-\(info.st_ino)")
            #expect(FileManager.default.fileExists(atPath: file.path))
            return file
        }
        let damages: [(String, (inout Data) -> Void)] = [
            ("a flipped byte", { $0[$0.count / 2] ^= 0x01 }),
            ("truncated", { $0 = $0.prefix($0.count / 2) }),
            ("empty", { $0 = Data() }),
            ("the digest cut off", { $0 = $0.dropLast(32) }),
            ("junk after it", { $0.append(contentsOf: [1, 2, 3]) }),
        ]
        for (name, damage) in damages {
            let file = try manifest(of: harness.recycled)
            var bytes = try Data(contentsOf: file)
            damage(&bytes)
            try bytes.write(to: file)
            let build = try await harness.build()
            #expect(build.stats.pagesRendered == build.stats.htmlPages && build.kept.isEmpty, "\(name)")
        }
        try await harness.build()
        #expect(try await harness.build().stats.pagesRendered == 0)
    }

    @Test func notesThatRefuseMakeThePageRenderedAndObserved() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...2 { try await harness.build() }
        let one = try await harness.build(notes: DigestNotes(refusing: { $0 == "posts/a/index.html" || $0 == "img/bg.png" }))
        #expect(one.stats.pagesRendered == 1)
        #expect(one.notes.refused == ["posts/a/index.html", "img/bg.png"])
        #expect(one.notes.observed.contains("posts/a/index.html") && !one.kept.contains("img/bg.png"))
        let all = try await harness.build(notes: DigestNotes(refusing: { _ in true }))
        #expect(all.stats.pagesRendered == all.stats.htmlPages && all.kept.isEmpty)
        let pages = all.output.files.keys.filter { $0.hasSuffix(".html") }
        #expect(all.notes.observed.isSuperset(of: pages))
        try await harness.build()
    }

    @Test func aStaticFileReplacedWithTheSameSizeAndModificationTimeIsCopiedAgain() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...3 { try await harness.build() }
        // Edited in place.
        try harness.tamper("static/img/bg.png", in: harness.site.root)
        for _ in 1...3 { try await harness.build() }
        // Replaced by another file (a rename over it), same size and times.
        for path in ["static/img/bg.png", "content/posts/2026-01-03-b/photo.png"] {
            let file = harness.site.root.appendingPathComponent(path).path
            var before = stat()
            #expect(lstat(file, &before) == 0)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file))
            bytes[0] ^= 0xFF
            let replacement = file + ".new"
            try bytes.write(to: URL(fileURLWithPath: replacement))
            try harness.restoreModificationTime(replacement, before)
            #expect(rename(replacement, file) == 0)
        }
        for _ in 1...3 { try await harness.build() }
    }

    @Test func buildsWithoutNotesOrCacheAndOtherOutputsInBetween() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        let site = harness.site
        let other = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-other-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: other) }
        func plainBuild(cache: Bool, into folder: URL? = nil) async throws {
            var options = BuildOptions(now: FixtureSite.now)
            if cache { options.cacheDirectory = SiteBuilder.cacheDirectory(for: site.root) }
            _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: folder, options: options)
        }
        for _ in 1...2 { try await harness.build() }
        let original = post("C", date: "2026-01-04", tags: ["Swift"])
        // Another build rewrites the recycled folder without telling its manifest, then the edit goes away again.
        try site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["Swift"], body: "Changed."))
        try await plainBuild(cache: false)
        try site.write("content/posts/2026-01-04-c.md", original)
        for _ in 1...3 { try await harness.build() }
        try site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["Swift"], body: "Changed again."))
        try await plainBuild(cache: true)
        try site.write("content/posts/2026-01-04-c.md", original)
        for _ in 1...3 { try await harness.build() }
        // Builds of the same site into another folder (whose saves drop this folder's manifests).
        try site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["Swift"], body: "Third."))
        try await plainBuild(cache: true, into: other)
        try await harness.build()
        try await plainBuild(cache: true, into: other)
        try site.write("content/posts/2026-01-04-c.md", original)
        for _ in 1...3 { try await harness.build() }
    }

    @Test func pageTagsAliasesTemplatesAndPaginationChanging() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        let site = harness.site
        try site.write("content/about.md", "---\ntitle: About\nweight: 1\ntags: [swift]\naliases: [/me/]\n---\n\nHi.\n")
        for _ in 1...3 { try await harness.build() }
        let edits: [(String, () throws -> Void)] = [
            ("page tag display name", { try site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["swift"])) }),
            ("alias added", { try site.write("content/posts/2026-01-05-d.md", post("D", date: "2026-01-05T23:30:00", tags: ["u"], extra: "aliases: [/me2/, /old/d.html]\n")) }),
            ("alias target moved", { try site.write("content/about.md", "---\ntitle: About\nweight: 1\nslug: who\ntags: [swift]\naliases: [/me/]\n---\n\nHi.\n") }),
            ("post template", { try site.write("content/posts/2026-01-02-a.md", post("A", date: "2026-01-02", tags: ["Swift", "u"], extra: "template: page\n")) }),
            ("posts per page", { try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: 3")) }),
            ("dates swap order", { try site.write("content/posts/2026-01-04-c.md", post("C", date: "2025-01-04", tags: ["swift"])) }),
            // Every post in 2025 now: the copyright year on pages that show no post (tags, 404) changes too.
            ("copyright year", {
                for (path, title, date, tags) in [("content/posts/2026-01-02-a.md", "A", "2025-01-02", "[Swift, u]"),
                    ("content/posts/2026-01-03-b/index.md", "B", "2025-01-03", "[swift]"), ("content/posts/2026-01-05-d.md", "D", "2025-01-05", "[u]")]
                {
                    try site.write(path, "---\ntitle: \(title)\ndate: \(date)\ntags: \(tags)\n---\n\nSome text.\n")
                }
            }),
            ("static file replaces nothing, then goes", { try site.write("static/css/style.css", "body { color: red }\n") }),
            ("theme file back", { try site.remove("static/css/style.css") }),
        ]
        for (name, edit) in edits {
            try edit()
            for round in 1...3 {
                let build = try await harness.build()
                if round == 3 { #expect(build.stats.pagesRendered == 0, "\(name)") }
            }
        }
    }

    @Test func concurrentBuildsIntoOneFolderNeverLeaveAStaleFile() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        for _ in 1...3 { try await harness.build() }
        for round in 1...3 {
            try harness.site.write("content/posts/2026-01-04-c.md", post("C", date: "2026-01-04", tags: ["Swift"], body: "Round \(round)."))
            // Two builds at once: either may win the swap and either may save its manifest last.
            async let first = harness.build(BuildOptions(now: FixtureSite.now), notes: DigestNotes(), check: false)
            async let second = harness.build(BuildOptions(now: FixtureSite.now), notes: DigestNotes(), check: false)
            _ = try await (first, second)
            for _ in 1...3 { try await harness.build() }
        }
    }

    @Test func theSampleSiteWithTheBuiltInTheme() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-sample-\(UUID().uuidString)")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: repository.appendingPathComponent("SampleSite"), to: root)
        let harness = ManifestHarness(site: FixtureSite(existing: root))
        defer { harness.site.cleanUp() }
        for _ in 1...3 { try await harness.build() }
        #expect(try await harness.build().stats.pagesRendered == 0)
        let posts = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/posts").path)
            .filter { $0.hasSuffix(".md") }.sorted()
        for name in posts.prefix(3) {
            let path = "content/posts/" + name
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            try harness.site.write(path, text + "\nOne more line.\n")
            for _ in 1...2 {
                let build = try await harness.build()
                #expect(build.stats.pagesRendered > 0 && build.stats.pagesRendered < build.stats.htmlPages / 2, "\(name)")
            }
        }
        for options in [BuildOptions(includeDrafts: true, includeFuture: true, now: FixtureSite.now), BuildOptions(now: FixtureSite.now)] {
            for _ in 1...3 { try await harness.build(options) }
        }
    }

    @Test func draftsAndFuturePostsComingAndGoing() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        try harness.site.write("content/posts/2026-01-07-draft.md", post("Draft", date: "2026-01-07", tags: ["u"], extra: "draft: true\n"))
        try harness.site.write("content/posts/2027-01-01-future.md", post("Future", date: "2027-01-01", tags: ["Swift"]))
        try harness.site.write("content/hidden.md", "---\ntitle: Hidden page\ndraft: true\n---\n\nSoon.\n")
        let now = FixtureSite.now
        let sequence = [
            BuildOptions(now: now), BuildOptions(now: now), BuildOptions(includeDrafts: true, now: now),
            BuildOptions(includeDrafts: true, includeFuture: true, now: now), BuildOptions(now: now),
            BuildOptions(includeFuture: true, now: now), BuildOptions(now: now), BuildOptions(includeDrafts: true, now: now),
            BuildOptions(includeDrafts: true, now: now), BuildOptions(includeDrafts: true, now: now),
        ]
        var last: ManifestBuild?
        for options in sequence { last = try await harness.build(options) }
        #expect(last?.stats.pagesRendered == 0)
    }

    @Test func theClockAndTheTimeZoneComingAndGoing() async throws {
        let harness = try richSite()
        defer { harness.site.cleanUp() }
        try harness.site.write("content/posts/2026-07-01-summer.md", post("Summer", date: "2026-07-01T00:30:00", tags: ["u"]))
        let before = BuildOptions(now: FixtureSite.now)
        let after = BuildOptions(now: Date(timeIntervalSince1970: 1_790_000_000))
        for options in [before, before, after, after, before, after, after, after] { try await harness.build(options) }
        // D is dated 23:30 local time: another time zone shows it on another day, in another order.
        for zone in ["UTC", "America/Los_Angeles", "Europe/Berlin"] {
            try harness.site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "Europe/Berlin", with: zone))
            for _ in 1...3 { try await harness.build(after) }
        }
    }
}

private let spellings = ["Swift", "swift", "Go", "go", "IPFS", "Crème", "creme", "Self Hosting", "self-hosting"]

private func randomPost(_ random: inout SeededRandom, title: String) -> String {
    let day = Int.random(in: 1...9, using: &random)
    let tags = (0..<Int.random(in: 0...3, using: &random)).map { _ in "\"\(spellings.randomElement(using: &random)!)\"" }
    var extra = ""
    if Int.random(in: 0..<6, using: &random) == 0 { extra += "draft: true\n" }
    if Int.random(in: 0..<5, using: &random) == 0 { extra += "updated: 2026-02-0\(day)\n" }
    if Int.random(in: 0..<6, using: &random) == 0 { extra += "aliases: [/old/\(day)/]\n" }
    let body = Int.random(in: 0..<3, using: &random) == 0
        ? "Intro [link](/posts/) and more.\n\n<!--more-->\n\n## A\n\n## B\n\nText\(day)[^1].\n\n[^1]: note"
        : "Body \(Int.random(in: 0..<4, using: &random)) with a [link](#x)."
    return post(title, date: "2026-01-0\(day)T0\(Int.random(in: 0...2, using: &random)):00:00", tags: tags, extra: extra, body: body)
}

/// Seeded random edits with the built-in theme, drafts switched on and off, and the recycled
/// folder tampered with now and then: every build, kept files and all, equals a fresh build.
@Test(arguments: Array(1...4))
func randomEditsNeverKeepAStaleFile(_ seed: Int) async throws {
    var random = SeededRandom(state: UInt64(seed) &* 7919)
    var sources: [String: String] = [:]
    for index in 0..<6 { sources["content/posts/p\(index).md"] = randomPost(&random, title: "Post \(index)") }
    sources["content/about.md"] = "---\ntitle: About\ntags: [swift]\n---\nHi\n"
    let harness = ManifestHarness(site: try FixtureSite(files: sources, themeOnly: true))
    let site = harness.site
    defer { site.cleanUp() }
    var names = (0..<6).map { "content/posts/p\($0).md" }
    var counter = 100
    for step in 0..<36 {
        var what = ""
        switch Int.random(in: 0..<14, using: &random) {
        case 0...3:
            let name = names.randomElement(using: &random)!
            try site.write(name, randomPost(&random, title: ["Post A", "Post B", "Zed", "Post \(step)"].randomElement(using: &random)!))
            what = "edit \(name)"
        case 4:
            counter += 1
            let name = Int.random(in: 0..<2, using: &random) == 0 ? "content/posts/n\(counter).md" : "content/posts/n\(counter)/index.md"
            try site.write(name, randomPost(&random, title: "New \(counter)"))
            names.append(name)
            what = "add \(name)"
        case 5 where names.count > 1:
            let name = names.remove(at: Int.random(in: 0..<names.count, using: &random))
            try site.remove(name)
            what = "delete \(name)"
        case 6:
            let perPage = Int.random(in: 1...3, using: &random)
            try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: \(perPage)"))
            what = "site.yml"
        case 7:
            try site.write("static/s\(step % 3).txt", "static \(step % 2)")
            what = "static"
        case 8:
            if Int.random(in: 0..<2, using: &random) == 0 {
                try site.write("templates/partials/footer.mustache", "<footer>{{site.title}} {{#menu}}{{title}}{{/menu}} \(step % 2)</footer>\n")
            } else {
                try? site.remove("templates/partials/footer.mustache")
            }
            what = "template"
        case 9:
            // Something edits the recycled folder by hand.
            let recycled = try files(under: harness.recycled).keys.filter { !$0.isEmpty }.sorted()
            guard let victim = recycled.randomElement(using: &random) else { continue }
            if Int.random(in: 0..<2, using: &random) == 0 {
                try harness.tamper(victim, in: harness.recycled)
            } else {
                try FileManager.default.removeItem(at: harness.recycled.appendingPathComponent(victim))
            }
            what = "recycled \(victim)"
        case 10:
            guard let name = names.first(where: { $0.hasSuffix("/index.md") }) else { continue }
            let folder = String(name.dropLast("/index.md".count))
            counter += 1
            let newFolder = "content/posts/r\(counter)"
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(folder), to: site.root.appendingPathComponent(newFolder))
            names.removeAll { $0 == name }
            names.append(newFolder + "/index.md")
            what = "rename \(folder)"
        case 11:
            guard let name = names.first(where: { $0.hasSuffix("/index.md") }) else { continue }
            let folder = String(name.dropLast("/index.md".count))
            try site.write(folder + "/pic\(step % 2).png", "PNG \(step % 3)")
            what = "asset in \(folder)"
        case 12:
            let zone = ["Europe/Berlin", "UTC", "Pacific/Kiritimati"].randomElement(using: &random)!
            try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "Europe/Berlin", with: zone))
            what = "timezone \(zone)"
        default:
            let name = names.randomElement(using: &random)!
            let text = try String(contentsOf: site.root.appendingPathComponent(name), encoding: .utf8)
            try site.write(name, text + "\nMore text \(step).\n")
            what = "text edit \(name)"
        }
        let drafts = Int.random(in: 0..<4, using: &random) == 0
        let options = BuildOptions(includeDrafts: drafts, now: FixtureSite.now)
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            do {
                try await harness.build(options)
            } catch {
                // An edit that breaks the site (two posts on one URL) fails a fresh build too.
                await #expect(throws: (any Error).self, "seed \(seed) step \(step) \(what): \(error)") { try await harness.fresh(options) }
            }
        }
    }
}

extension FixtureSite {
    /// A site folder made elsewhere (a copy of SampleSite), cleaned up like a fixture.
    fileprivate init(existing root: URL) { self.root = root }
}
