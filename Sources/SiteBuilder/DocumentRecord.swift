import Foundation

/// The costly part of a loaded `Document` (YAML or TOML, cmark-gfm, URL normalising, summary
/// text), as the document cache keeps it between builds. Everything else a document holds is
/// derived from these quickly.
struct DocumentRecord: Sendable, Equatable {
    var frontMatter: FrontMatter
    var contentHTML: String
    var summaryHTML: String
    var descriptionText: String
    var tableOfContents: String?
    var wordCount: Int
    var readingMinutes: Int

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
        writer.int(matter.weight)
        writer.data(.map(matter.extra))
        writer.int(matter.locations.count)
        for (key, location) in matter.locations {
            writer.string(key)
            writer.string(location.file)
            writer.int(location.line)
            writer.int(location.column)
        }
        writer.string(contentHTML)
        writer.string(summaryHTML)
        writer.string(descriptionText)
        writer.optional(tableOfContents) { $0.string($1) }
        writer.int(wordCount)
        writer.int(readingMinutes)
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
        matter.weight = try reader.int()
        guard case .map(let extra) = try reader.data() else { throw CacheBytesReader.Malformed() }
        matter.extra = extra
        let locationCount = try reader.count()
        for _ in 0..<locationCount {
            let key = try reader.string()
            matter.locations[key] = SourceLocation(file: try reader.string(), line: try reader.int(), column: try reader.int())
        }
        frontMatter = matter
        contentHTML = try reader.string()
        summaryHTML = try reader.string()
        descriptionText = try reader.string()
        tableOfContents = try reader.optional(text)
        wordCount = try reader.int()
        readingMinutes = try reader.int()
        guard reader.isAtEnd else { throw CacheBytesReader.Malformed() }
    }

    init(frontMatter: FrontMatter, contentHTML: String, summaryHTML: String, descriptionText: String,
        tableOfContents: String?, wordCount: Int, readingMinutes: Int)
    {
        self.frontMatter = frontMatter
        self.contentHTML = contentHTML
        self.summaryHTML = summaryHTML
        self.descriptionText = descriptionText
        self.tableOfContents = tableOfContents
        self.wordCount = wordCount
        self.readingMinutes = readingMinutes
    }
}
