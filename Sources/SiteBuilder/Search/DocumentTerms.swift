/// The search terms of one document, split by where they occur: the index ranks a match in the
/// title or a tag above a match in the text only. Worked out when the document is parsed and
/// kept in its cache record, so a rebuild tokenizes only the sources that changed.
struct DocumentTerms: Sendable, Equatable {
    /// Terms of the title and the tags, each once, in the order they come.
    var heading: [String]
    /// Terms of the body text and summary not in `heading`, each once, in the order they first come.
    var body: [String]

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
        heading = terms.terms(0..<headingCount)
        body = terms.terms(headingCount..<terms.count)
    }

    /// Each list as one string, its terms a line each: a term holds no line break, and one
    /// string per list keeps the cache record small and quick to read.
    func encode(into writer: inout CacheBytesWriter) {
        writer.string(heading.joined(separator: "\n"))
        writer.string(body.joined(separator: "\n"))
    }

    /// Reads what `encode(into:)` wrote.
    init(from reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) {
        func lines(_ text: String) -> [String] {
            var text = text
            return text.withUTF8 { bytes in
                var lines: [String] = []
                var start = 0
                for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = index + 1
                }
                if start < bytes.count { lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
                return lines
            }
        }
        heading = lines(try reader.string())
        body = lines(try reader.string())
    }
}
