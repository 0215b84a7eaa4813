/// The search terms of one document, split by where they occur: the index ranks a match in the
/// title or a tag above a match in the text only.
struct DocumentTerms: Sendable, Equatable {
    /// Terms of the title and the tags, sorted, each once.
    var heading: [String]
    /// Terms of the summary and body text not in `heading`, sorted, each once.
    var body: [String]

    /// The terms of `document` (its own text, title, tags and summary: what its content key covers).
    init(_ document: Document) {
        var heading = SearchTokenizer.terms(of: document.title)
        for tag in document.tags { heading += SearchTokenizer.terms(of: tag.name) }
        let headingSet = Set(heading)
        var body = SearchTokenizer.uniqueTerms(ofHTML: document.body.contentHTML)
        // A front matter summary or description need not be in the text.
        body.formUnion(SearchTokenizer.terms(of: document.body.descriptionText))
        body.subtract(headingSet)
        self.heading = headingSet.sorted { $0.precedesInUTF8($1) }
        self.body = body.sorted { $0.precedesInUTF8($1) }
    }
}

/// The terms of the documents a session built last, by content key: a rebuild after one edit
/// tokenizes one document, not all of them.
struct SearchTermsMemo: Sendable {
    private var byKey: [ContentKey: DocumentTerms] = [:]

    /// The terms of each of `documents`, in order; forgets documents not among them.
    mutating func terms(of documents: [Document]) async throws -> [DocumentTerms] {
        let known = byKey
        let terms = try await Parallel.map(documents) { document in known[document.contentKey] ?? DocumentTerms(document) }
        var kept: [ContentKey: DocumentTerms] = [:]
        kept.reserveCapacity(documents.count)
        for (document, entry) in zip(documents, terms) { kept[document.contentKey] = entry }
        byKey = kept
        return terms
    }
}
