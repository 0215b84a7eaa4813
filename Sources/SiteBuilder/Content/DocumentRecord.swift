import Foundation

/// What the document cache keeps of a loaded `Document` between builds: the costly part (YAML
/// or TOML, cmark-gfm, URL normalising, summary text) and, in `shape`, what its path and front
/// matter decide (worked out for 10,000 posts on every build otherwise). The rest a document
/// holds is its key, path and kind, which the cache key covers.
struct DocumentRecord: Sendable, Equatable {
    var frontMatter: FrontMatter
    var body: DocumentBody
    /// The document's date, URL, tags and their texts; nil when the record was made without them.
    var shape: DocumentShape?
    /// Its search terms, when the site has search.
    var searchTerms: DocumentTerms?

    init(frontMatter: FrontMatter, body: DocumentBody, shape: DocumentShape? = nil, searchTerms: DocumentTerms? = nil) {
        self.frontMatter = frontMatter
        self.body = body
        self.shape = shape
        self.searchTerms = searchTerms
    }

    /// The record's bytes in the cache file.
    func encoded() -> [UInt8] {
        var writer = CacheBytesWriter()
        let matter = frontMatter
        writer.string(matter.title)
        writer.optional(matter.date) { $0.int(Int($1.seconds)) }
        writer.optional(matter.updated) { $0.int(Int($1.seconds)) }
        writer.bool(matter.draft)
        writer.strings(matter.tags)
        writer.optional(matter.summary) { $0.string($1) }
        writer.optional(matter.description) { $0.string($1) }
        writer.optional(matter.slug) { $0.string($1) }
        writer.optional(matter.path) { $0.string($1) }
        writer.strings(matter.aliases)
        writer.optional(matter.authors) { $0.strings($1) }
        writer.optional(matter.template) { $0.string($1) }
        writer.optional(matter.image) { $0.string($1) }
        writer.int(matter.weight)
        writer.data(.map(matter.extra))
        writer.int(matter.locations.count)
        for (key, location) in matter.locations {
            writer.string(key)
            writer.string(location.file)
            writer.int(location.line)
            writer.int(location.column)
        }
        body.encode(into: &writer)
        writer.optional(shape) { $1.encode(into: &$0) }
        writer.optional(searchTerms) { $1.encode(into: &$0) }
        return writer.bytes
    }

    /// Reads bytes written by `encoded()`; dates are in the site's `timeZone`, as parsing gives them.
    init(encoded: UnsafeRawBufferPointer, timeZone: TimeZone) throws(CacheBytesReader.Malformed) {
        var reader = CacheBytesReader(encoded)
        func date(_ reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> SiteDate {
            SiteDate(seconds: Int64(try reader.int()), timeZone: timeZone)
        }
        func text(_ reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> String { try reader.string() }
        var matter = FrontMatter(title: try reader.string())
        matter.date = try reader.optional(date)
        matter.updated = try reader.optional(date)
        matter.draft = try reader.bool()
        matter.tags = try reader.strings()
        matter.summary = try reader.optional(text)
        matter.description = try reader.optional(text)
        matter.slug = try reader.optional(text)
        matter.path = try reader.optional(text)
        matter.aliases = try reader.strings()
        matter.authors = try reader.optional { (reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) in try reader.strings() }
        matter.template = try reader.optional(text)
        matter.image = try reader.optional(text)
        matter.weight = try reader.int()
        guard case .map(let extra) = try reader.data() else { throw CacheBytesReader.Malformed() }
        matter.extra = extra
        let locationCount = try reader.count()
        // Every location names the same file, nearly always: one string for all of them.
        var file = ""
        var locations = [String: SourceLocation](minimumCapacity: locationCount)
        for _ in 0..<locationCount {
            let key = try reader.string()
            file = try reader.string(reusing: file)
            locations[key] = SourceLocation(file: file, line: try reader.int(), column: try reader.int())
        }
        matter.locations = locations
        frontMatter = matter
        body = try DocumentBody(from: &reader)
        shape = try reader.optional { (reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) in
            try DocumentShape(from: &reader, timeZone: timeZone)
        }
        searchTerms = try reader.optional { (reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) in try DocumentTerms(from: &reader) }
        guard reader.isAtEnd else { throw CacheBytesReader.Malformed() }
    }
}
