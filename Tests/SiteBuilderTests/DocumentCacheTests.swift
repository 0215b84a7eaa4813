import Foundation
import Testing
@testable import SiteBuilder

private func cachedSite() throws -> FixtureSite {
    var files: [String: String] = [:]
    for index in 0..<6 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-1\(index)", tags: ["t\(index % 2)"],
            body: "Body \(index) with a footnote.[^1]\n\n[^1]: Note \(index).\n\n## Part\n\nMore.\n\n## End\n\nDone.")
    }
    files["content/posts/toml.md"] = "+++\ntitle = \"Toml\"\ndate = 2026-02-01\nweight = 3\n[extra]\nratio = 1.5\n+++\nText.\n"
    files["content/about.md"] = "---\ntitle: About\nextra:\n  list: [1, two, {k: v}]\n  none: null\n---\nHi\n"
    return try FixtureSite(files: files)
}

private func options(cache: URL?) -> BuildOptions {
    BuildOptions(now: FixtureSite.now, cacheDirectory: cache)
}

/// A build that saves the document cache afterwards, as `SiteBuilder.build` does.
private func build(_ site: FixtureSite, cache: URL?) async throws -> BuildResult {
    let session = site.session(options(cache: cache))
    let result = try await session.build()
    await session.saveDocumentCache()
    return result
}

private func expectSameOutput(_ a: BuildResult, _ b: BuildResult) throws {
    #expect(a.output.paths == b.output.paths)
    for path in a.output.paths {
        #expect(try a.output.files[path]?.data() == b.output.files[path]?.data(), "\(path) differs")
    }
}

@Test func documentRecordRoundTripsEveryField() throws {
    let zone = TimeZone(identifier: "Asia/Kolkata")!
    var matter = FrontMatter(title: "Ünïcode “title” 🚀")
    matter.date = SiteDate(seconds: 1_700_000_000, timeZone: zone)
    matter.updated = SiteDate(seconds: -86_400, timeZone: zone)
    matter.draft = true
    matter.tags = ["C#", "", "naïve"]
    matter.summary = "sum"
    matter.description = ""
    matter.slug = "s"
    matter.path = "/x/y/"
    matter.aliases = ["/a/", "/b/"]
    matter.authors = []
    matter.template = "t"
    matter.image = "cover.png"
    matter.weight = -7
    matter.extra = ["n": .null, "d": .double(-0.25), "i": .int(Int.min), "b": .bool(false),
        "a": .array([.string("x"), .map(["k": .array([])])])]
    matter.locations = ["title": SourceLocation(file: "site/content/x.md", line: 2, column: 8)]
    let body = DocumentBody(contentHTML: "<p>a\u{0}b naïve words</p>", summaryHTML: "<p>a</p>",
        descriptionText: "a", tableOfContents: "<nav></nav>", wordCount: 12, readingMinutes: 1)
    let terms = DocumentTerms(title: matter.title, tags: matter.tags, body: body)
    #expect(!terms.heading.isEmpty && !terms.body.isEmpty)
    let source = DocumentRecord(frontMatter: matter, body: body, searchTerms: terms)
    let record = source.encoded()
    let decoded = try record.withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
    #expect(decoded == source)

    // Nothing optional left out is mistaken for something else.
    let bare = DocumentRecord(frontMatter: FrontMatter(title: ""), body: DocumentBody(contentHTML: "", summaryHTML: "", descriptionText: "",
        tableOfContents: nil, wordCount: 0, readingMinutes: 0))
    #expect(try bare.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) } == bare)
    // A document without a word to search has empty term lists, not none.
    var wordless = bare
    wordless.searchTerms = DocumentTerms(title: "", tags: [], body: bare.body)
    #expect(wordless.searchTerms?.heading == "" && wordless.searchTerms?.body == "")
    #expect(try wordless.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) } == wordless)

    // Every truncation and a trailing byte are refused, never misread.
    for length in 0..<record.count {
        #expect(throws: CacheBytesReader.Malformed.self) {
            try Array(record.prefix(length)).withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
        }
    }
    #expect(throws: CacheBytesReader.Malformed.self) {
        try (record + [0]).withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
    }
}

@Test func cacheRecordCoversEveryFrontMatterField() {
    // A new front matter key must be added to DocumentRecord.encoded() and init(encoded:) too;
    // this count changes with it, as a reminder.
    #expect(Mirror(reflecting: FrontMatter(title: "")).children.count == 16)
}

@Test func secondBuildTakesEveryDocumentFromTheCacheWithTheSameOutput() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let uncached = try await build(site, cache: nil)
    let first = try await build(site, cache: cache)
    #expect(first.stats.documentsParsed == 8)
    #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("documents").path))
    let second = try await build(site, cache: cache)
    #expect(second.stats.documentsParsed == 0)
    // The search index too, from the terms the records keep.
    #expect(second.output.paths.contains(SearchIndexFile.manifestFile) && second.output.paths.count { $0.hasPrefix("search/terms/") } > 3)
    try expectSameOutput(uncached, first)
    try expectSameOutput(uncached, second)
}

@Test func editedSourceIsParsedAgainAndItsOldRecordDropped() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    _ = try await build(site, cache: cache)
    let sizeBefore = try Data(contentsOf: cache.appendingPathComponent("documents")).count
    try site.write("content/posts/p2.md", post("Post 2 renamed", date: "2026-01-12", body: "New body."))
    try site.remove("content/posts/p3.md")
    let edited = try await build(site, cache: cache)
    #expect(edited.stats.documentsParsed == 1)
    #expect(edited.text("posts/p2/index.html").contains("Post 2 renamed"))
    try expectSameOutput(edited, try await build(site, cache: nil))
    // The removed post's and the old p2's records are gone, not kept forever.
    let sizeAfter = try Data(contentsOf: cache.appendingPathComponent("documents")).count
    #expect(sizeAfter < sizeBefore)
    let again = try await build(site, cache: cache)
    #expect(again.stats.documentsParsed == 0)
}

@Test func siteSettingsChangeInvalidatesEveryRecord() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    _ = try await build(site, cache: cache)
    // Dates are shown in the site's time zone, and Markdown options shape the HTML.
    try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "Europe/Berlin", with: "America/Denver")
        + "markdown:\n  smart_punctuation: false\n")
    let changed = try await build(site, cache: cache)
    #expect(changed.stats.documentsParsed == 8)
    try expectSameOutput(changed, try await build(site, cache: nil))
}

@Test func damagedCacheFileIsIgnoredAndReplaced() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let file = cache.appendingPathComponent("documents")
    let reference = try await build(site, cache: nil)
    _ = try await build(site, cache: cache)
    let good = try Data(contentsOf: file)
    // Truncated, garbage, and a flipped length field: none may fail the build or change output.
    var flipped = good
    flipped[flipped.count / 2] ^= 0xFF
    // A bit flip inside a record's text that still leaves valid UTF-8 ("Body 3" -> "Body 2").
    var quietlyWrong = good
    let body = try #require(quietlyWrong.firstRange(of: Data("Body 3".utf8)))
    quietlyWrong[body.upperBound - 1] ^= 0x01
    for damaged in [good.prefix(good.count - 3), Data("not a cache".utf8), flipped, quietlyWrong, Data()] {
        try damaged.write(to: file)
        let result = try await build(site, cache: cache)
        try expectSameOutput(reference, result)
    }
    // The last build wrote a good cache again.
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}

@Test func cachedDocumentsStillTakePartInSiteWideChecks() async throws {
    // A cached post and a new one claiming its URL: the error must name both files.
    let site = try FixtureSite(files: ["content/posts/first.md": post("First", date: "2026-01-01", extra: "slug: same\n")])
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    _ = try await build(site, cache: cache)
    try site.write("content/posts/second.md", post("Second", date: "2026-01-02", extra: "slug: same\n"))
    let error = await site.buildError(options(cache: cache))
    #expect(error?.contains("first.md") == true)
    #expect(error?.contains("second.md") == true)
}

@Test func longLivedSessionKeepsRecordsOfDocumentsItHoldsInMemory() async throws {
    // A second build() of the same session reuses its in-memory documents; saving after it must
    // not drop their records from the cache.
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let session = site.session(options(cache: cache))
    _ = try await session.build()
    await session.saveDocumentCache()
    try site.write("content/posts/p1.md", post("Post 1 edited", date: "2026-01-11", body: "Edited."))
    #expect(try await session.build().stats.documentsParsed == 1)
    await session.saveDocumentCache()
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}

@Test func refusedOutputLeavesNoCacheBehind() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = SiteBuilder.cacheDirectory(for: site.root)
    await #expect(throws: SiteBuildError.self) {
        _ = try await SiteBuilder.build(siteDirectory: site.root, outputDirectory: site.root.appendingPathComponent("content"),
            options: options(cache: cache))
    }
    #expect(!FileManager.default.fileExists(atPath: cache.path))
}

/// A site with more posts than one edit makes stale records in eight: edits are appended.
private func biggerSite() throws -> FixtureSite {
    var files: [String: String] = [:]
    for index in 0..<30 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-\(10 + index % 18)", body: "Body \(index).")
    }
    return try FixtureSite(files: files)
}

@Test func anEditIsAppendedAndTheFileRewrittenOnceStaleRecordsPileUp() async throws {
    let site = try biggerSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let file = cache.appendingPathComponent("documents")
    _ = try await build(site, cache: cache)
    let first = try Data(contentsOf: file)
    try site.write("content/posts/p3.md", post("Post 3", date: "2026-01-13", body: "Body 3, edited."))
    let edited = try await build(site, cache: cache)
    #expect(edited.stats.documentsParsed == 1)
    // The new record went after the old ones, which stay byte for byte.
    let appended = try Data(contentsOf: file)
    #expect(appended.count > first.count)
    #expect(appended.prefix(first.count) == first)
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
    try expectSameOutput(try await build(site, cache: cache), try await build(site, cache: nil))

    // More stale records than one in eight: the next save keeps only what is used.
    for index in 4..<9 { try site.write("content/posts/p\(index).md", post("Post \(index)", date: "2026-01-14", body: "Again \(index).")) }
    #expect(try await build(site, cache: cache).stats.documentsParsed == 5)
    let rewritten = try Data(contentsOf: file)
    #expect(rewritten.count < appended.count)
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}

@Test func aRecordTornByAKilledBuildCostsOnlyItself() async throws {
    let site = try biggerSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let file = cache.appendingPathComponent("documents")
    _ = try await build(site, cache: cache)
    try site.write("content/posts/p3.md", post("Post 3", date: "2026-01-13", body: "Body 3, edited."))
    _ = try await build(site, cache: cache)
    // Cut the appended record short, as a build killed while appending would leave it.
    let whole = try Data(contentsOf: file)
    try whole.prefix(whole.count - 10).write(to: file)
    let after = try await build(site, cache: cache)
    #expect(after.stats.documentsParsed == 1)
    try expectSameOutput(after, try await build(site, cache: nil))
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}

@Test func aDamagedRecordIsWrittenAgainByTheBuildThatParsedItsDocument() async throws {
    let site = try cachedSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let file = cache.appendingPathComponent("documents")
    _ = try await build(site, cache: cache)
    // One record's text changed in place: the file is still whole, the record fails its checksum.
    var damaged = try Data(contentsOf: file)
    let body = try #require(damaged.firstRange(of: Data("Body 3".utf8)))
    damaged[body.upperBound - 1] ^= 0x01
    try damaged.write(to: file)
    #expect(try await build(site, cache: cache).stats.documentsParsed == 1)
    // That build parsed the document again and kept its record: nothing is parsed now.
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}

@Test func oneHugeStaleRecordIsDroppedAtTheNextSave() async throws {
    let site = try biggerSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let file = cache.appendingPathComponent("documents")
    let huge = String(repeating: "A long paragraph of words. ", count: 40_000)
    try site.write("content/posts/huge.md", post("Huge", date: "2026-01-20", body: huge))
    _ = try await build(site, cache: cache)
    let withHuge = try Data(contentsOf: file).count
    #expect(withHuge > huge.utf8.count, "the record holds the rendered post")
    // One stale record of many: few by count, but most of the bytes.
    try site.remove("content/posts/huge.md")
    _ = try await build(site, cache: cache)
    let after = try Data(contentsOf: file).count
    #expect(after * 4 < withHuge, "\(after) bytes left of \(withHuge)")
    #expect(try await build(site, cache: cache).stats.documentsParsed == 0)
}
