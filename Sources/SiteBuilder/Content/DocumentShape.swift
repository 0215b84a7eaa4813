import Foundation

/// What a document's path, front matter and site settings decide about it besides its text:
/// its date, URL, tags and the texts made from them. These are a function of what the document
/// cache key covers, so a cache record keeps them and a cached document is not worked out again
/// on every build (slugs, tag keys, formatted dates and sitemap lines of 10,000 posts).
struct DocumentShape: Sendable, Equatable {
    var date: SiteDate?
    var slug: String
    var path: String
    var aliases: [String]
    /// `Document.tags`, as two lists of equal length.
    var tagNames: [String]
    var tagSlugs: [String]
    var structureSignature: String
    var absoluteURL: String
    var dateTexts: DateTexts?
    var updatedTexts: DateTexts?
    var sitemapEntry: String

    /// A date as templates show it (`SiteDate.texts`).
    struct DateTexts: Sendable, Equatable {
        var iso8601: String
        var display: String
        var year: Int
    }

    /// Works the shape out; throws what is wrong with the front matter or the file name.
    init(_ source: DocumentSource, matter: FrontMatter, config: SiteConfig, urls: SiteURLs) throws(SiteBuildError) {
        let (kind, bundle, displayPath) = (source.kind, source.bundle, source.displayPath)
        let (nameDate, nameRest) = Document.nameParts(sourcePath: source.path, bundle: bundle, timeZone: config.timezone)
        date = matter.date ?? nameDate
        if kind == .post, date == nil {
            throw .missingDate(file: displayPath)
        }
        slug = Slug.make(matter.slug ?? nameRest)
        guard !slug.isEmpty else {
            throw .malformed(SourceLocation(file: displayPath, line: 1), "cannot make a URL slug from '\(nameRest)'; add a 'slug' key")
        }
        if let custom = matter.path, let normalized = SiteURLs.normalize(userPath: custom) {
            path = normalized
        } else {
            path = kind == .post ? SiteURLs.post(slug: slug) : SiteURLs.page(slug: slug)
        }
        // An alias listed twice is one redirect, not two claimants of one path.
        if matter.aliases.isEmpty {
            aliases = []
        } else {
            var seenAliases: Set<String> = []
            aliases = matter.aliases.compactMap(SiteURLs.normalize(userPath:)).filter { seenAliases.insert($0).inserted }
        }

        // A post has a handful of tags: a list finds repeats faster than a set would.
        var seen: [String] = []
        seen.reserveCapacity(matter.tags.count)
        tagNames = []
        tagSlugs = []
        for name in matter.tags {
            let tagKey = TagName.key(name)
            let tagSlug = TagName.slug(key: tagKey)
            guard !tagSlug.isEmpty else {
                throw .malformed(matter.locations["tags"] ?? SourceLocation(file: displayPath, line: 1),
                    "tag '\(name)' has no letters or digits")
            }
            // One entry per tag (see TagName), not per slug: two tags sharing a slug are SiteModel's error to report.
            if !seen.contains(tagKey) {
                seen.append(tagKey)
                tagNames.append(TagName.display(name))
                tagSlugs.append(tagSlug)
            }
        }

        structureSignature = Document.structureSignature(kind: kind, path: path, matter: matter, sortSeconds: date?.seconds ?? 0,
            tags: zip(tagNames, tagSlugs).map { ($0, $1) }, aliases: aliases, bundle: bundle)
        dateTexts = date.map {
            let texts = $0.texts(language: config.language.primary)
            return DateTexts(iso8601: texts.iso8601, display: texts.display, year: texts.year)
        }
        updatedTexts = matter.updated.map {
            let texts = $0.texts(language: config.language.primary)
            return DateTexts(iso8601: texts.iso8601, display: texts.display, year: texts.year)
        }
        absoluteURL = urls.absolute(path)
        sitemapEntry = SitemapFile.entry(absoluteURL: absoluteURL, lastModified: updatedTexts?.iso8601 ?? dateTexts?.iso8601)
    }

    /// A shape read back from a cache record.
    init(date: SiteDate?, slug: String, path: String, aliases: [String], tagNames: [String], tagSlugs: [String],
        structureSignature: String, absoluteURL: String, dateTexts: DateTexts?, updatedTexts: DateTexts?, sitemapEntry: String)
    {
        self.date = date
        self.slug = slug
        self.path = path
        self.aliases = aliases
        self.tagNames = tagNames
        self.tagSlugs = tagSlugs
        self.structureSignature = structureSignature
        self.absoluteURL = absoluteURL
        self.dateTexts = dateTexts
        self.updatedTexts = updatedTexts
        self.sitemapEntry = sitemapEntry
    }

    func encode(into writer: inout CacheBytesWriter) {
        writer.optional(date) { $0.int(Int($1.seconds)) }
        writer.string(slug)
        writer.string(path)
        writer.strings(aliases)
        writer.strings(tagNames)
        writer.strings(tagSlugs)
        writer.string(structureSignature)
        writer.string(absoluteURL)
        for texts in [dateTexts, updatedTexts] {
            writer.optional(texts) { writer, texts in
                writer.string(texts.iso8601)
                writer.string(texts.display)
                writer.int(texts.year)
            }
        }
        writer.string(sitemapEntry)
    }

    /// Reads what `encode(into:)` wrote; the date in the site's `timeZone`.
    init(from reader: inout CacheBytesReader, timeZone: TimeZone) throws(CacheBytesReader.Malformed) {
        func texts(_ reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> DateTexts {
            DateTexts(iso8601: try reader.string(), display: try reader.string(), year: try reader.int())
        }
        date = try reader.optional { (reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) in
            SiteDate(seconds: Int64(try reader.int()), timeZone: timeZone)
        }
        slug = try reader.string()
        path = try reader.string()
        aliases = try reader.strings()
        tagNames = try reader.strings()
        tagSlugs = try reader.strings()
        guard tagNames.count == tagSlugs.count else { throw CacheBytesReader.Malformed() }
        structureSignature = try reader.string()
        absoluteURL = try reader.string()
        dateTexts = try reader.optional(texts)
        updatedTexts = try reader.optional(texts)
        // A post always has a date; its texts come with it.
        guard (date == nil) == (dateTexts == nil) else { throw CacheBytesReader.Malformed() }
        sitemapEntry = try reader.string()
    }
}
