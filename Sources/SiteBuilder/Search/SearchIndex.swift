import Foundation

/// The files of the client-side search (docs/architecture.md, "Search"): a manifest, the term
/// shards and the document lists, all under `search/`, made from the documents the site shows.
///
/// - `search/index.json`: `{"version":1,"documents":N,"chunk":C,"shards":[prefixes]}`.
/// - `search/terms/NAME.json`: `{"term":["HEADING","BODY"],…}`, the numbers of the documents
///   with the term in their title or tags, and of those with it in their text only
///   (`SearchEncoding.postings`), for the terms of one prefix (`SearchShardPlan`).
/// - `search/docs/K.json`: documents K·C to K·C+C−1 as `[path, title, date, summary]`, the path
///   relative to the site root.
///
/// Documents are numbered in the site's order (posts newest first, then pages), so the newest
/// posts come first among equal matches and in the first document list.
struct SearchIndex: Sendable {
    static let documentsPerChunk = 50
    /// A shard's size before it is split by a longer prefix: a one-word query loads one or two.
    static let shardTarget = 24 * 1024

    /// Every file, the manifest first, then the shards and document lists in path order.
    let files: [SearchIndexFile]

    /// The index made of `files` (as a build made them before: `SearchIndexCache`).
    init(files: [SearchIndexFile]) {
        self.files = files
    }

    /// The index of `documents`, by their search terms (`Document.searchTerms`: they were loaded for a site with search).
    init(documents: [Document]) async throws {
        // Each core gathers the postings of one run of documents; the runs are then joined in
        // order, so every list stays in document order.
        let runs = max(1, min(ProcessInfo.processInfo.activeProcessorCount, documents.count / 256))
        let bounds = (0..<runs).map { run in documents.count * run / runs..<documents.count * (run + 1) / runs }
        let parts = try await Parallel.map(bounds) { range -> [String: (heading: [Int32], body: [Int32])] in
            // By term number first: no String is made or hashed for a term met again.
            var numbers = UniqueSearchTerms()
            var lists: [(heading: [Int32], body: [Int32])] = []
            for number in range {
                guard let entry = documents[number].searchTerms else { continue }
                let id = Int32(number)
                func add(_ term: UnsafeBufferPointer<UInt8>, heading: Bool) {
                    let term = numbers.number(of: term)
                    if term == lists.count { lists.append(([], [])) }
                    if heading { lists[term].heading.append(id) } else { lists[term].body.append(id) }
                }
                DocumentTerms.forEachTerm(of: entry.heading) { add($0, heading: true) }
                DocumentTerms.forEachTerm(of: entry.body) { add($0, heading: false) }
            }
            var postings: [String: (heading: [Int32], body: [Int32])] = [:]
            postings.reserveCapacity(lists.count)
            for (term, lists) in lists.enumerated() { postings[numbers.term(term)] = lists }
            return postings
        }
        var postings = parts[0]
        for part in parts.dropFirst() {
            for (term, lists) in part {
                postings[term, default: ([], [])].heading += lists.heading
                postings[term, default: ([], [])].body += lists.body
            }
        }
        let sorted = postings.keys.sorted { $0.precedesInUTF8($1) }
        let final = postings
        let entries = try await Parallel.map(sorted) { term -> [UInt8] in
            let lists = final[term]!
            var out: [UInt8] = []
            SearchEncoding.string(term, into: &out)
            out += Array(":[\"".utf8)
            SearchEncoding.postings(lists.heading, into: &out)
            out += Array("\",\"".utf8)
            SearchEncoding.postings(lists.body, into: &out)
            out += Array("\"]".utf8)
            return out
        }
        let plan = SearchShardPlan(terms: sorted, sizes: entries.map { $0.count + 1 }, target: Self.shardTarget)

        var files: [SearchIndexFile] = []
        var manifest = Array("{\"version\":1,\"documents\":\(documents.count),\"chunk\":\(Self.documentsPerChunk),\"shards\":[".utf8)
        for (index, shard) in plan.shards.enumerated() {
            if index > 0 { manifest.append(UInt8(ascii: ",")) }
            SearchEncoding.string(shard.prefix, into: &manifest)
            var bytes: [UInt8] = [UInt8(ascii: "{")]
            for (position, term) in shard.terms.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += entries[term]
            }
            bytes += Array("}\n".utf8)
            files.append(SearchIndexFile(file: SearchIndexFile.shardFile(prefix: shard.prefix), bytes: Data(bytes)))
        }
        manifest += Array("]}\n".utf8)
        files.insert(SearchIndexFile(file: SearchIndexFile.manifestFile, bytes: Data(manifest)), at: 0)

        let lists = try await Parallel.map(Array(stride(from: 0, to: documents.count, by: Self.documentsPerChunk))) { start -> SearchIndexFile in
            var bytes = Array("[".utf8)
            for (position, document) in documents[start..<min(start + Self.documentsPerChunk, documents.count)].enumerated() {
                bytes += Array((position > 0 ? ",\n[" : "\n[").utf8)
                SearchEncoding.string(String(document.path.dropFirst()), into: &bytes)
                bytes.append(UInt8(ascii: ","))
                SearchEncoding.string(document.title, into: &bytes)
                bytes.append(UInt8(ascii: ","))
                SearchEncoding.string(document.shape.dateTexts?.display ?? "", into: &bytes)
                bytes.append(UInt8(ascii: ","))
                SearchEncoding.string(document.body.descriptionText, into: &bytes)
                bytes.append(UInt8(ascii: "]"))
            }
            bytes += Array("\n]\n".utf8)
            return SearchIndexFile(file: SearchIndexFile.documentsFile(chunk: start / Self.documentsPerChunk), bytes: Data(bytes))
        }
        files += lists
        self.files = files
    }
}
