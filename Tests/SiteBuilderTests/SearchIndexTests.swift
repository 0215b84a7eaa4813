import Foundation
import Testing
@testable import SiteBuilder

/// The search index a build writes (SearchIndex, docs/architecture.md "Search"), read back as
/// search.js reads it.
private struct ReadIndex {
    let manifest: [String: Any]
    let shards: [String]
    /// Term -> (documents with it in the title or tags, documents with it in the text only).
    let terms: [String: (heading: [Int], body: [Int])]
    /// Shard prefix -> its terms.
    let termsByShard: [String: [String]]
    /// Documents in index order: [path, title, date, summary].
    let documents: [[String]]

    init(_ result: BuildResult) throws {
        func json(_ file: String) throws -> Any {
            let data = try #require(try result.output.files[file]?.data(), "\(file) is missing")
            return try JSONSerialization.jsonObject(with: data)
        }
        manifest = try #require(try json("search/index.json") as? [String: Any])
        shards = try #require(manifest["shards"] as? [String])
        var terms: [String: (heading: [Int], body: [Int])] = [:]
        var termsByShard: [String: [String]] = [:]
        for prefix in shards {
            let shard = try #require(try json(SearchIndexFile.shardFile(prefix: prefix)) as? [String: [String]])
            termsByShard[prefix] = Array(shard.keys)
            for (term, lists) in shard {
                #expect(terms[term] == nil, "\(term) is in two shards")
                terms[term] = (Self.decode(lists[0]), Self.decode(lists[1]))
            }
        }
        self.terms = terms
        self.termsByShard = termsByShard
        let count = try #require(manifest["documents"] as? Int)
        let chunk = try #require(manifest["chunk"] as? Int)
        var documents: [[String]] = []
        var number = 0
        while documents.count < count {
            documents += try #require(try json("search/docs/\(number).json") as? [[String]])
            number += 1
        }
        #expect(!result.has("search/docs/\(number).json"), "a document list past the manifest's count")
        #expect(documents.count == count && (count == 0 || number == (count - 1) / chunk + 1))
        self.documents = documents
    }

    /// search.js's `decode`.
    static func decode(_ text: String) -> [Int] {
        let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var ids: [Int] = []
        var previous = -1, value = 0, shift = 0
        for character in text {
            let digit = digits.firstIndex(of: character)!
            value += (digit & 31) << shift
            if digit & 32 != 0 {
                shift += 5
                continue
            }
            previous += value + 1
            ids.append(previous)
            (value, shift) = (0, 0)
        }
        return ids
    }

    /// The number of the document at site path `path` (`posts/x/`).
    func number(_ path: String) -> Int? { documents.firstIndex { $0[0] == path } }

    /// search.js's `shardsFor` for a whole word: its longest listed prefix.
    func shard(of term: String) -> String? {
        let scalars = Array(term.unicodeScalars)
        for length in stride(from: min(scalars.count, SearchShardPlan.maxPrefixLength), through: 1, by: -1) {
            let prefix = String(String.UnicodeScalarView(scalars[0..<length]))
            if shards.contains(prefix) { return prefix }
        }
        return nil
    }
}

private func searchSite(siteYML: String = FixtureSite.siteYML, themeOnly: Bool = false, reversed: Bool = false) throws -> FixtureSite {
    var files: [(String, String)] = [
        // A summary of its own: the automatic one, the description's plain text, would hold the script's text.
        ("content/posts/sourdough.md", post("A Year of Sourdough", date: "2026-01-10", tags: ["Baking"], extra: "summary: Rising bread.\n",
            body: "Starter notes: flour, water and patience. <script>var hiddenscriptword = 1;</script>")),
        ("content/posts/crème.md", post("Crème Brûlée at HOME", date: "2026-01-12", tags: ["Desserts", "baking"],
            body: "Torch the sugar &amp; serve. The **Merkle** tree is unrelated.")),
        ("content/posts/merkle.md", post("Merkle trees", date: "2026-01-14", tags: ["IPFS"],
            body: "Every block has a hash; the root names the tree. Unlike sourdough, it never rises.")),
        ("content/posts/secret.md", post("Secret plans", date: "2026-01-15", extra: "draft: true\n", body: "Zanzibar is the hidden word.")),
        ("content/about.md", "---\ntitle: About\nsummary: Written by a baker in Zürich.\n---\nHello there.\n"),
    ]
    if reversed { files.reverse() }
    let site = try FixtureSite(files: [:], siteYML: siteYML, themeOnly: themeOnly)
    for (path, text) in files { try site.write(path, text) }
    return site
}

@Test func theIndexMapsTermsToTheRightDocumentsAndLeavesDraftsOut() async throws {
    let site = try searchSite()
    defer { site.cleanUp() }
    let result = try await site.build()
    let index = try ReadIndex(result)
    // Posts newest first, then pages; the draft is not among them.
    #expect(index.documents.map { $0[0] } == ["posts/merkle/", "posts/creme/", "posts/sourdough/", "about/"])
    #expect(index.documents[0][1] == "Merkle trees" && index.documents[0][2].contains("2026"))
    #expect(index.documents[3][3] == "Written by a baker in Zürich.")
    let (merkle, creme, sourdough, about) = (0, 1, 2, 3)
    // Title and tag words rank above words of the text only.
    #expect(index.terms["merkle"]?.heading == [merkle] && index.terms["merkle"]?.body == [creme])
    #expect(index.terms["sourdough"]?.heading == [sourdough] && index.terms["sourdough"]?.body == [merkle])
    #expect(index.terms["baking"]?.heading == [creme, sourdough])
    #expect(index.terms["ipfs"]?.heading == [merkle])
    // Case and diacritics folded; entities and markup are breaks, not words.
    #expect(index.terms["creme"]?.heading == [creme] && index.terms["brulee"]?.heading == [creme] && index.terms["home"]?.heading == [creme])
    #expect(index.terms["zurich"]?.body == [about] && index.terms["baker"]?.body == [about])
    #expect(index.terms["patience"]?.body == [sourdough] && index.terms["sugar"]?.body == [creme])
    #expect(index.terms["rising"]?.body == [sourdough] && index.documents[sourdough][3] == "Rising bread.")
    for absent in ["amp", "zanzibar", "secret", "hiddenscriptword", "script", "strong", "crème", "Merkle", "a"] {
        #expect(index.terms[absent] == nil, "\(absent) is indexed")
    }
    #expect(!index.documents.contains { $0[1] == "Secret plans" })
}

@Test func everyShardTheManifestNamesExistsAndHoldsTheTermsItsPrefixSays() async throws {
    let site = try searchSite()
    defer { site.cleanUp() }
    let result = try await site.build()
    let index = try ReadIndex(result)
    #expect(index.manifest["version"] as? Int == 1)
    #expect(index.shards == index.shards.sorted { $0.precedesInUTF8($1) })
    for (prefix, terms) in index.termsByShard {
        #expect(!terms.isEmpty, "shard \(prefix) is empty")
        for term in terms { #expect(index.shard(of: term) == prefix, "\(term) is in shard \(prefix)") }
    }
    // Nothing under search/ that the manifest does not lead to.
    let named = Set(index.shards.map { SearchIndexFile.shardFile(prefix: $0) })
    for file in result.output.paths where file.hasPrefix("search/terms/") { #expect(named.contains(file), "\(file) is not in the manifest") }
    #expect(result.has("search/index.html") && result.has("js/search.js"))
}

@Test func largeGroupsSplitByLongerPrefixesAndEachTermHasOneShard() {
    // 300 terms under "ba", a few elsewhere, 100 bytes each: "b" and "ba" are over the target.
    var terms = (0..<300).map { "ba" + String($0, radix: 36) } + ["b", "bz", "cat", "é", "éte", "ü"]
    terms.sort { $0.precedesInUTF8($1) }
    let plan = SearchShardPlan(terms: terms, sizes: Array(repeating: 100, count: terms.count), target: 2_000)
    let prefixes = plan.shards.map(\.prefix)
    #expect(prefixes.contains("b") && prefixes.contains("bz") && prefixes.contains("ba1") && prefixes.contains("c"))
    #expect(!prefixes.contains("ba"), "ba has no term of its own once split")
    #expect(plan.shards.flatMap(\.terms).sorted() == Array(terms.indices))
    for shard in plan.shards {
        #expect(shard.terms.count * 100 <= 2_000 || shard.prefix.unicodeScalars.count == SearchShardPlan.maxPrefixLength
            || shard.terms.allSatisfy { terms[$0].unicodeScalars.count == shard.prefix.unicodeScalars.count })
        for term in shard.terms { #expect(terms[term].hasPrefix(shard.prefix)) }
    }
    #expect(SearchShardPlan.fileName(of: "ba1") == "ba1" && SearchShardPlan.fileName(of: "é") == "_c3a9")
}

@Test func twoBuildsWriteTheSameIndexWhateverOrderTheFilesWereWritten() async throws {
    let first = try searchSite()
    let second = try searchSite(reversed: true)
    defer { first.cleanUp(); second.cleanUp() }
    let a = try await first.build()
    let b = try await second.build()
    let again = try await first.build()
    let files = a.output.paths.filter { $0.hasPrefix("search/") }
    #expect(files.count >= 4)
    #expect(files == b.output.paths.filter { $0.hasPrefix("search/") })
    for file in files {
        #expect(try a.output.files[file]?.data() == b.output.files[file]?.data(), "\(file) differs")
        #expect(try a.output.files[file]?.data() == again.output.files[file]?.data(), "\(file) differs between two builds")
    }
}

@Test func searchFalseWritesNoIndexNoPageAndNoLink() async throws {
    let on = try searchSite(themeOnly: true)
    let off = try searchSite(siteYML: FixtureSite.siteYML + "search: false\n", themeOnly: true)
    defer { on.cleanUp(); off.cleanUp() }
    let withSearch = try await on.build()
    let without = try await off.build()
    #expect(withSearch.text("index.html").contains("<a href=\"search/\">Search</a>"))
    #expect(withSearch.text("posts/merkle/index.html").contains("<a href=\"../../search/\">Search</a>"))
    let page = withSearch.text("search/index.html")
    #expect(page.contains("data-index=\"index.json\"") && page.contains("data-root=\"../\"") && page.contains("src=\"../js/search.js\""))
    #expect(page.contains("<noscript>") && page.contains("href=\"../archive/\""))
    #expect(page.contains("<a href=\"./\" aria-current=\"page\">Search</a>"))

    #expect(without.output.paths.allSatisfy { !$0.hasPrefix("search/") && $0 != "js/search.js" })
    #expect(without.output.paths.count == withSearch.output.paths.count { !$0.hasPrefix("search/") && $0 != "js/search.js" })
    for path in without.output.paths where path.hasSuffix(".html") {
        #expect(!without.text(path).contains(">Search</a>"), "\(path) links to the search page")
    }
}

@Test func aSearchValueOtherThanTrueOrFalseIsNamedWithFileAndLine() async throws {
    let site = try searchSite(siteYML: FixtureSite.siteYML + "search: sometimes\n")
    defer { site.cleanUp() }
    let error = try #require(await site.buildError())
    let line = FixtureSite.siteYML.split(separator: "\n", omittingEmptySubsequences: false).count
    #expect(error.contains("site.yml:\(line):9: 'search' must be true or false"), "\(error)")
    #expect(try SiteConfig.parse("title: T\nbase_url: https://e.com\nsearch: false\n", file: "site.yml").search == false)
    #expect(try SiteConfig.parse("title: T\nbase_url: https://e.com\n", file: "site.yml").search == true)
}

@Test func tokenizingFoldsCaseAndDiacriticsAndSkipsMarkup() {
    #expect(SearchTokenizer.terms(of: "Crème BRÛLÉE, naïve São-Paulo x 42 ΣΟΦΟΣ İstanbul") == [
        "creme", "brulee", "naive", "sao", "paulo", "42", "σοφοσ", "istanbul",
    ])
    #expect(SearchTokenizer.terms(of: "東京 a") == ["東京"])
    #expect(SearchTokenizer.terms(of: String(repeating: "a", count: 41) + " ok") == ["ok"])
    #expect(SearchTokenizer.terms(ofHTML: "<p class=\"lead\">Fish &amp; chips&#39;s <STYLE>p { color: red }</STYLE>end</p>") == [
        "fish", "chips", "end",
    ])
}

/// The HTML path takes runs of ASCII letters and digits whole; text without markup must give the
/// terms the character-by-character path gives, whatever the mix of case, digits, lengths and
/// non-ASCII letters, marks and punctuation around them.
@Test func theHTMLPathSplitsTextAsThePlainPathDoes() {
    let pieces = ["a", "B", "z", "Q", "0", "9", "ab", "Word", "HTTP2", " ", "  ", ",", ".", "-", "_", "'", "\n",
                  "é", "É", "ü", "ß", "ı", "İ", "东", "京", "Σ", "ς", "\u{301}", "\u{A0}", "—", "½", "🙂", String(repeating: "x", count: 39)]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
        let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
        #expect(SearchTokenizer.terms(ofHTML: text) == SearchTokenizer.terms(of: text), "\(Array(text.unicodeScalars))")
    }
}

@Test func aRebuildAfterEditingAPostWritesTheIndexAFreshBuildWrites() async throws {
    let site = try searchSite()
    defer { site.cleanUp() }
    let session = site.session()
    let first = try await session.build()
    #expect(try ReadIndex(first).terms["patience"]?.body == [2])
    try site.write("content/posts/sourdough.md", post("A Year of Sourdough", date: "2026-01-10", tags: ["Baking"],
        body: "Starter notes: rye and quietude."))
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/sourdough.md"])
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    for path in fresh.output.paths { #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path) differs") }
    let index = try ReadIndex(rebuilt)
    #expect(index.terms["patience"] == nil && index.terms["quietude"]?.body == [2] && index.terms["rye"]?.body == [2])
    // Only the index files holding the changed terms, and the post's own outputs, are new.
    #expect(rebuilt.changedPaths.contains("search/docs/0.json") && rebuilt.changedPaths.contains(SearchIndexFile.shardFile(prefix: "q")))
    #expect(!rebuilt.changedPaths.contains("search/index.html") && !rebuilt.changedPaths.contains(SearchIndexFile.shardFile(prefix: "m")))
}

@Test func theIndexIsKeptBesideTheDocumentCacheAndADamagedCopyIsIgnored() async throws {
    let site = try searchSite()
    defer { site.cleanUp() }
    let cache = site.root.appendingPathComponent(".blogctl-cache")
    let options = BuildOptions(now: FixtureSite.now, cacheDirectory: cache)
    let first = try await site.build(options)
    let stored = cache.appendingPathComponent("search-index")
    let indexFiles = first.output.paths.filter { $0.hasPrefix("search/") && $0.hasSuffix(".json") }
    #expect(indexFiles.count >= 3)

    // A fresh process with the same documents takes the stored index: the same bytes.
    let again = try await site.build(options)
    for path in indexFiles { #expect(try again.output.files[path]?.data() == first.output.files[path]?.data(), "\(path)") }

    // Stored under the key of the documents that made it: another key finds nothing.
    #expect(SearchIndexCache.read(stored, key: ContentKey("another site", [])) == nil)
    var bytes = try Data(contentsOf: stored)

    // A flipped byte is a miss: the next build makes the index again, the same, and stores it again.
    bytes[bytes.count / 2] ^= 0x20
    try bytes.write(to: stored)
    let repaired = try await site.build(options)
    for path in indexFiles { #expect(try repaired.output.files[path]?.data() == first.output.files[path]?.data(), "\(path)") }
    #expect(try Data(contentsOf: stored) != bytes)

    // An edit changes the key: the index follows the text, as a build without the cache makes it.
    try site.write("content/posts/sourdough.md", post("A Year of Sourdough", date: "2026-01-10", tags: ["Baking"], body: "Quietude."))
    let edited = try await site.build(options)
    let uncached = try await site.build()
    #expect(try ReadIndex(edited).terms["quietude"]?.body == [2])
    for path in uncached.output.paths where path.hasPrefix("search/") {
        #expect(try edited.output.files[path]?.data() == uncached.output.files[path]?.data(), "\(path)")
    }
}
