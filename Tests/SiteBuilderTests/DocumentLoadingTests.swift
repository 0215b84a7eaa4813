import ContentAddressing
import Foundation
import Testing
@testable import SiteBuilder

// The fast paths of loading documents (ASCII byte paths, the record checksum, one-syscall
// reads) must give exactly what the general code gives.

/// Printable ASCII plus the characters the fast paths treat specially (CR LF, tabs, form feeds).
private let asciiAlphabet = Array("aZz09 -_#+./\t\r\n\u{0B}\u{0C}Ab.MD.markdownINDEX_index".utf8)

/// `count` strings from a fixed pseudo-random sequence over `alphabet` (the same on every run).
private func sampleStrings(_ count: Int, alphabet: [UInt8], maxLength: Int = 14) -> [String] {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(truncatingIfNeeded: state >> 33)
    }
    return (0..<count).map { _ in
        String(decoding: (0..<(next() % (maxLength + 1))).map { _ in alphabet[next() % alphabet.count] }, as: UTF8.self)
    }
}

@Test func recordChecksumIsXXH64() {
    func checksum(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { RecordChecksum.of($0) } }
    #expect(checksum("") == 0xEF46_DB37_51D8_E999)
    #expect(checksum("a") == 0xD24E_C4F1_A98C_6E5B)
    #expect(checksum("abc") == 0x44BC_2CF5_AD77_0999)
    // 39 bytes: a 32-byte stripe, then the 4-byte and single-byte tails.
    #expect(checksum("Nobody inspects the spammish repetition") == 0xFBCE_A83C_8A37_8BF1)
    // Any flipped bit changes it.
    let record = Array("<p>Body 3</p>".utf8) + Array(repeating: 0x41, count: 100)
    let good = record.withUnsafeBytes { RecordChecksum.of($0) }
    for index in record.indices {
        var damaged = record
        damaged[index] ^= 0x01
        #expect(damaged.withUnsafeBytes { RecordChecksum.of($0) } != good)
    }
}

@Test func asciiTagNamesMatchTheCharacterRules() {
    // The rules as TagName states them, character by character.
    func key(_ name: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in name.lowercased() {
            if character.isWhitespace || character == "-" || character == "_" {
                pendingSpace = true
            } else {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
    func slug(_ key: String) -> String {
        var spelled = ""
        var attached = false
        for character in key {
            if attached, character == "#" || character == "+" {
                spelled += character == "#" ? " sharp " : " plus "
                continue
            }
            attached = character.isLetter || character.isNumber
            spelled.append(character)
        }
        return Slug.make(spelled)
    }
    let names = ["C#", "C++", "Notepad++", "#hashtag", "Tips + Tricks", "  Self\tHosting ", "self-hosting", "a\r\nb", "A  B",
        "x\u{0B}y", "_", "", " ", "F#-", "9+"] + sampleStrings(3000, alphabet: asciiAlphabet)
    for name in names {
        #expect(TagName.key(name) == key(name), "key of \(name.debugDescription)")
        #expect(TagName.slug(key: TagName.key(name)) == slug(key(name)), "slug of \(name.debugDescription)")
        #expect(TagName.display(name) == name.split(whereSeparator: \.isWhitespace).joined(separator: " "), "display of \(name.debugDescription)")
    }
}

@Test func asciiFileNamesGiveTheSameDateAndSlugAsCharacters() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let names = ["2026-01-02-hello.md", "2026-01-02-.md", "2026-01-02-x.MARKDOWN", "2026-13-02-bad.md", "2026-01-02hello.md",
        "2026-01-02-\r\nx.md", "2026-1-02-x.md", ".md", "x.md", "index.md", "2024-02-29-leap.md", "2023-02-29-no.md"]
        + sampleStrings(2000, alphabet: Array("2026-01-02-09.mdMDx/\r\n ".utf8), maxLength: 20)
    for name in names {
        for (path, bundle) in [("content/posts/" + name, nil as String?), ("content/posts/" + name + "/index.md", "content/posts/" + name),
            (name, nil)]
        {
            let fast = Document.nameParts(sourcePath: path, bundle: bundle, timeZone: zone)
            let slow = Document.characterNameParts(sourcePath: path, bundle: bundle, timeZone: zone)
            #expect(fast.date == slow.date && fast.rest == slow.rest, "\(path.debugDescription) bundle \(String(describing: bundle))")
        }
    }
    #expect(Document.nameParts(sourcePath: "content/posts/2026-01-02-hello.md", bundle: nil, timeZone: zone).rest == "hello")
}

@Test func asciiPathsAreClassifiedAsBefore() {
    #expect(SourceRole.classify("content/posts/A.MD") == .document(.post, bundle: nil))
    #expect(SourceRole.classify("content/posts/notes.Markdown") == .document(.post, bundle: nil))
    #expect(SourceRole.classify("content/posts/_INDEX.md") == .stray)
    #expect(SourceRole.classify("content/posts/trip/Index.MD") == .document(.post, bundle: "content/posts/trip"))
    #expect(SourceRole.classify("content/posts/trip/photo.jpg") == .bundleAsset(folder: "content/posts/trip"))
    #expect(SourceRole.classify("content/posts/.md") == .ignored)
    #expect(SourceRole.classify("content/md") == .stray)
    #expect(SourceRole.classify("content/posts/.draft.md") == .ignored)
    #expect(SourceRole.classify("content/about.md") == .document(.page, bundle: nil))
    #expect(SourceRole.classify("content/posts/café.md") == .document(.post, bundle: nil))
    // Every combination of typical parts, three to five deep, as the character rules classify it.
    let parts = ["content", "posts", "static", "templates", "trip", "a.md", "B.Markdown", "index.MD", "_Index.md", ".x", ".x.md",
        "", "site.yml", "photo.jpg", "2026-01-01-x.md", ".md", "md", ".gitkeep", ".DS_Store", ".gitkeeps"]
    var paths = ["site.yml", "content", "static/", "templates/base.mustache", "content//a.md", "content/posts//index.md"]
    for a in parts {
        for b in parts {
            paths.append(a + "/" + b)
            for c in parts {
                paths.append([a, b, c].joined(separator: "/"))
                paths.append(["content", a, b, c].joined(separator: "/"))
                paths.append(["content", "posts", a, b, c].joined(separator: "/"))
            }
        }
    }
    for path in paths {
        #expect(SourceRole.classify(path) == SourceRole.classifyByCharacters(path), "\(path.debugDescription)")
    }
    // KELVIN SIGN lowercases to an ASCII k: the character path still sees `.markdown`.
    #expect(SourceRole.markdownExtensionLength("x.mar\u{212A}down") == 9)
    for name in sampleStrings(3000, alphabet: asciiAlphabet) {
        let lower = name.lowercased()
        let expected = [".md", ".markdown"].first { lower.count > $0.count && lower.hasSuffix($0) }?.count
        #expect(SourceRole.markdownExtensionLength(name) == expected, "\(name.debugDescription)")
        #expect(SourceRole.markdownExtensionLength(Substring(name)) == expected)
        #expect(SourceRole.isIndex(name) == (expected.map { lower.dropLast($0) == "index" } ?? false))
        #expect(SourceRole.isSectionFile(name) == (expected.map { lower.dropLast($0) == "_index" } ?? false))
    }
}

@Test func dateTextsMatchTheSingleFormats() throws {
    let zones = ["UTC", "Europe/Berlin", "Asia/Kolkata", "America/St_Johns", "Pacific/Chatham", "America/Los_Angeles"]
    let instants: [Int64] = [0, 1_700_000_000, -2_208_988_800, -5_000_000_000, -70_000_000_000, 253_402_300_800, 1_000_000_000_000, 951_782_400]
    for name in zones {
        let zone = try #require(TimeZone(identifier: name))
        for seconds in instants {
            let date = SiteDate(seconds: seconds, timeZone: zone)
            let texts = date.texts
            #expect(texts.iso8601 == date.iso8601, "\(name) \(seconds)")
            #expect(texts.display == date.display)
            #expect(texts.year == date.year)
        }
    }
    // Berlin before 1893 kept local mean time (+00:53:28): timestamps use the whole minutes.
    let berlin = SiteDate(seconds: -3_000_000_000, timeZone: try #require(TimeZone(identifier: "Europe/Berlin")))
    #expect(berlin.texts.iso8601.hasSuffix("+00:53"))
    let kolkata = SiteDate(seconds: 1_700_000_000, timeZone: try #require(TimeZone(identifier: "Asia/Kolkata"))).texts
    #expect(kolkata.iso8601 == "2023-11-15T03:43:20+05:30")
    #expect(kolkata.display == "15 November 2023")
    #expect(kolkata.year == 2023)
}

@Test func utf8OrderIsByteOrder() {
    let strings = ["", "a", "ab", "b", "Z", "é", "e\u{301}", "content/posts/a.md", "content/posts/ab.md", "content/posts-b.md",
        String(repeating: "x", count: 40), String(repeating: "x", count: 40) + "y", "\u{1F680}", "\u{FFFF}"]
        + sampleStrings(300, alphabet: Array("ab/é🚀Z.-".utf8), maxLength: 30)
    for a in strings {
        for b in strings {
            #expect(a.precedesInUTF8(b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) \(b.debugDescription)")
        }
    }
}

@Test func sourceFolderReadsWholeFilesAndNamesTheReason() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("source-folder-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
    let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    try large.write(to: root.appendingPathComponent("content/posts/large.md"))
    try Data().write(to: root.appendingPathComponent("content/empty.md"))
    let folder = SourceFolder(path: root.path)
    #expect(try folder.read("content/posts/large.md") == large)
    #expect(try folder.read("content/empty.md") == Data())
    #expect(throws: SourceFolder.ReadFailure.self) { try folder.read("content/missing.md") }
    do {
        _ = try folder.read("content/missing.md")
    } catch {
        #expect(error.description == "No such file or directory")
    }
    do {
        _ = try folder.read("content/posts")
        Issue.record("a folder read as a file")
    } catch {
        #expect(error.description == "Is a directory")
    }
    // A folder that cannot be opened: reads still work by full path, or say why not.
    let missingRoot = SourceFolder(path: root.appendingPathComponent("nowhere").path)
    #expect(throws: SourceFolder.ReadFailure.self) { try missingRoot.read("content/empty.md") }
}

@Test func cachedRecordsKeepTheirSameLinkOffsets() throws {
    let zone = try #require(TimeZone(identifier: "UTC"))
    let html = "<p>See <a href=\"#fn-1\">1</a> and <a HREF='#later'>later</a>.</p>"
    let record = DocumentRecord(frontMatter: FrontMatter(title: "T"), body: DocumentBody(contentHTML: html,
        summaryHTML: "<p><a href=\"#x\">x</a></p>", descriptionText: "", tableOfContents: nil, wordCount: 1, readingMinutes: 1))
    #expect(record.body.contentFragments == SummaryLinks.fragmentOffsets(in: html))
    #expect(record.body.contentFragments.count == 2)
    let decoded = try record.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
    #expect(decoded == record)
    // Offsets past the text, or out of order, are a damaged record, never a crash later.
    for fragments in [[html.utf8.count], [20, 10], [5, 5]] {
        let bad = DocumentRecord(frontMatter: FrontMatter(title: "T"), body: DocumentBody(contentHTML: html, summaryHTML: "",
            descriptionText: "", tableOfContents: nil, wordCount: 1, readingMinutes: 1, contentFragments: fragments, summaryFragments: [], imageSources: []))
        #expect(throws: CacheBytesReader.Malformed.self) {
            try bad.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
        }
    }
}

@Test func cacheStringsMustBeValidUTF8() {
    var writer = CacheBytesWriter()
    writer.int(3)
    let bytes = writer.bytes + [0x61, 0xFF, 0x62]
    bytes.withUnsafeBytes { raw in
        var reader = CacheBytesReader(raw)
        #expect(throws: CacheBytesReader.Malformed.self) { try reader.string() }
    }
    // A truncated four-byte sequence repairs to a replacement character of the same length.
    let truncated = writer.bytes + [0xF0, 0x90, 0x80]
    truncated.withUnsafeBytes { raw in
        var reader = CacheBytesReader(raw)
        #expect(throws: CacheBytesReader.Malformed.self) { try reader.string() }
    }
    var good = CacheBytesWriter()
    good.string("→é")
    good.string("→é")
    good.bytes.withUnsafeBytes { raw in
        var reader = CacheBytesReader(raw)
        let first = try? reader.string()
        #expect(first == "→é")
        #expect((try? reader.string(reusing: first ?? "")) == "→é")
        #expect(reader.isAtEnd)
    }
}

@Test func cachedShapeRoundTripsAndMatchesAFreshOne() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let config = SiteConfig(title: "T", baseURL: "https://example.com/blog", timezone: zone)
    let urls = SiteURLs(baseURL: config.baseURL)
    var matter = FrontMatter(title: "Ünïcode & <title>")
    matter.updated = SiteDate(seconds: 1_700_000_000, timeZone: zone)
    matter.tags = ["C#", "Self Hosting", "self-hosting", "Swift"]
    matter.aliases = ["/old/", "/old/", "/older"]
    matter.authors = ["Ada", "Grace"]
    matter.weight = 3
    let source = DocumentSource(path: "content/posts/2026-01-02-hello.md", displayPath: "site/content/posts/2026-01-02-hello.md",
        kind: .post, bundle: nil)
    let shape = try DocumentShape(source, matter: matter, config: config, urls: urls)
    #expect(shape.slug == "hello")
    #expect(shape.path == "/posts/hello/")
    #expect(shape.tagNames == ["C#", "Self Hosting", "Swift"])
    #expect(shape.tagSlugs == ["c-sharp", "self-hosting", "swift"])
    #expect(shape.aliases == ["/old/", "/older/"])
    #expect(shape.dateTexts?.display == "2 January 2026")
    let body = DocumentBody(contentHTML: "<p>Xylophone</p>", summaryHTML: "", descriptionText: "", tableOfContents: nil, wordCount: 1, readingMinutes: 1)
    let record = DocumentRecord(frontMatter: matter, body: body, shape: shape,
        searchTerms: DocumentTerms(title: matter.title, tags: shape.tagNames, body: body))
    #expect(record.searchTerms?.heading == "unicode\ntitle\nself\nhosting\nswift" && record.searchTerms?.body == "xylophone")
    let decoded = try record.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
    #expect(decoded == record)
    #expect(decoded.shape == shape)

    // A document from the record (with its shape, or without one) is the document just worked out.
    let key = ContentKey("test", ["hello"])
    func document(_ record: DocumentRecord) throws -> Document {
        try Document(source, content: .cached(record), config: config, urls: urls, contentKey: key)
    }
    var bare = record
    bare.shape = nil
    bare.searchTerms = nil
    for made in [try document(decoded), try document(bare)] {
        #expect(made.record == record)
        #expect(made.tags.map(\.name) == shape.tagNames && made.tags.map(\.slug) == shape.tagSlugs)
        #expect(made.shape.sitemapEntry == "<url><loc>https://example.com/blog/posts/hello/</loc><lastmod>2023-11-14T23:13:20+01:00</lastmod></url>\n")
        #expect(made.shape.dateTexts?.year == 2026)
    }

    // Tag names and slugs that do not pair up are a damaged record.
    var unpaired = shape
    unpaired.tagSlugs.removeLast()
    var broken = record
    broken.shape = unpaired
    #expect(throws: CacheBytesReader.Malformed.self) {
        try broken.encoded().withUnsafeBytes { try DocumentRecord(encoded: $0, timeZone: zone) }
    }
}
