import Foundation

/// What parsing one document's source yields: its front matter and rendered Markdown. The costly
/// part of loading a document (YAML or TOML, cmark-gfm), and what the build cache keeps.
struct ParsedSource: Sendable, Equatable {
    var frontMatter: FrontMatter
    var rendered: RenderedDocument

    /// Parses `text`, the source shown in errors as `displayPath`.
    init(text: String, displayPath: String, config: SiteConfig) throws(SiteBuildError) {
        let (matter, body) = try FrontMatter.split(text, file: displayPath, timeZone: config.timezone)
        frontMatter = matter
        rendered = MarkdownAdapter.render(String(body), settings: config.markdown)
    }

    init(frontMatter: FrontMatter, rendered: RenderedDocument) {
        self.frontMatter = frontMatter
        self.rendered = rendered
    }
}

extension ParsedSource {
    /// The cache record of this parse.
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
        writer.string(rendered.html)
        writer.string(rendered.summaryHTML)
        writer.string(rendered.summaryText)
        writer.optional(rendered.tableOfContents) { $0.string($1) }
        writer.int(rendered.wordCount)
        writer.int(rendered.readingMinutes)
        return writer.bytes
    }

    /// Reads a record written by `encoded()`; dates are in the site's `timeZone`, as parsing gives them.
    init(record: UnsafeRawBufferPointer, timeZone: TimeZone) throws(CacheBytesReader.Malformed) {
        var reader = CacheBytesReader(record)
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
        let rendered = RenderedDocument(
            html: try reader.string(), summaryHTML: try reader.string(), summaryText: try reader.string(),
            tableOfContents: try reader.optional(text), wordCount: try reader.int(), readingMinutes: try reader.int())
        guard reader.isAtEnd else { throw CacheBytesReader.Malformed() }
        self.init(frontMatter: matter, rendered: rendered)
    }
}

extension FrontMatter {
    /// Front matter with only a title, every other key at its default (for the cache to fill in).
    init(title: String) { self.title = title }
}
