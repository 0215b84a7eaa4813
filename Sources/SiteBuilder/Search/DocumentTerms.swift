/// The search terms of one document, split by where they occur: the index ranks a match in the
/// title or a tag above a match in the text only. Worked out when the document is parsed and
/// kept in its cache record, so a rebuild tokenizes only the sources that changed. Each list is
/// one string, a term a line (a term holds no line break): 10,000 posts hold about two million
/// terms, and a String for each cost more to read back from the cache than tokenizing saved.
struct DocumentTerms: Sendable, Equatable {
    /// Terms of the title and the tags, each once, in the order they come.
    var heading: String
    /// Terms of the body text and summary not in `heading`, each once, in the order they first come.
    var body: String

    /// The terms of a document with `title`, `tags` and `body` (what its content key covers).
    /// Their order is the text's, so the same document always gives the same lists; the index
    /// does not depend on it.
    init(title: String, tags: [String], body documentBody: DocumentBody) {
        var terms = UniqueSearchTerms()
        SearchTokenizer.terms(of: title, into: &terms)
        for tag in tags { SearchTokenizer.terms(of: tag, into: &terms) }
        let headingCount = terms.count
        SearchTokenizer.terms(ofHTML: documentBody.contentHTML, into: &terms)
        // A front matter summary or description need not be in the text.
        SearchTokenizer.terms(of: documentBody.descriptionText, into: &terms)
        heading = terms.lines(0..<headingCount)
        body = terms.lines(headingCount..<terms.count)
    }

    /// The record's bytes: the two strings.
    func encode(into writer: inout CacheBytesWriter) {
        writer.string(heading)
        writer.string(body)
    }

    /// Reads what `encode(into:)` wrote.
    init(from reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) {
        heading = try reader.string()
        body = try reader.string()
    }

    /// Each term of `list` (`heading` or `body`), as UTF-8.
    static func forEachTerm(of list: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var list = list
        list.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                body(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
            }
            if start < bytes.count { body(UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
    }
}
