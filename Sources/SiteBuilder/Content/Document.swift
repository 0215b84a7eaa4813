import Foundation

/// One post or standalone page, parsed and rendered, with its URL decided. Depends only on its
/// own source file and the site settings, so it is cached across rebuilds.
final class Document: Sendable {
    let sourcePath: String
    /// The path shown in errors (the site folder as the user named it, plus `sourcePath`).
    let displayPath: String
    let kind: DocumentKind
    let bundle: String?
    let frontMatter: FrontMatter
    /// What its path, front matter and the settings decide: date, URL, tags and their texts.
    let shape: DocumentShape
    /// Its rendered Markdown, as the site shows it.
    let body: DocumentBody
    /// Tags as (name, slug), in front matter order, spellings of one tag (`TagName.key`) removed.
    let tags: [(name: String, slug: String)]
    /// The SHA-256 of its source and of what its parse depends on (`DocumentCache.key`): what
    /// rebuilds compare, in one session and across builds.
    let contentKey: ContentKey
    /// Its search terms; nil when the site has no search (`search: false`).
    let searchTerms: DocumentTerms?

    var title: String { frontMatter.title }
    var date: SiteDate? { shape.date }
    var updated: SiteDate? { frontMatter.updated }
    var isDraft: Bool { frontMatter.draft }
    /// The site path it is served at (`/posts/hello/`).
    var path: String { shape.path }

    /// Says which embeds the tag filter escaped, and how to let them through.
    var escapedTagsWarning: BuildWarning? {
        guard !body.escapedTags.isEmpty else { return nil }
        let tags = body.escapedTags.map { "<\($0)>" }.joined(separator: ", ")
        return BuildWarning(path: displayPath,
            message: "\(tags) escaped by markdown.tag_filter, so shown as text; remove tag_filter: true from site.yml to keep them")
    }
    /// Alias site paths that redirect here.
    var aliases: [String] { shape.aliases }
    /// Its date in seconds (0 for an undated page), the posts' sort order.
    var sortSeconds: Int64 { shape.date?.seconds ?? 0 }

    private static let datePrefixLength = "2026-01-01-".count

    /// Where a document comes from: its source just parsed, or the record of an earlier build.
    enum Content {
        case parsed(ParsedSource)
        case cached(DocumentRecord)
    }

    /// The document from `source`, whose bytes gave `content` (and `contentKey`, `DocumentCache.key`).
    init(_ source: DocumentSource, content: Content, config: SiteConfig, urls: SiteURLs, contentKey: ContentKey) throws(SiteBuildError) {
        sourcePath = source.path
        displayPath = source.displayPath
        kind = source.kind
        bundle = source.bundle
        self.contentKey = contentKey
        let shape: DocumentShape
        var cachedTerms: DocumentTerms?
        switch content {
        case .cached(let record):
            // The record was made from the same bytes, path and settings (its cache key).
            frontMatter = record.frontMatter
            if let cachedShape = record.shape {
                shape = cachedShape
            } else {
                shape = try DocumentShape(source, matter: record.frontMatter, config: config, urls: urls)
            }
            body = record.body
            cachedTerms = record.searchTerms
        case .parsed(let parsed):
            frontMatter = parsed.frontMatter
            shape = try DocumentShape(source, matter: parsed.frontMatter, config: config, urls: urls)
            body = DocumentBody(parsed.rendered, matter: parsed.frontMatter, normalizer: urls.contentNormalizer(for: shape.path, sourcePath: source.path))
        }
        self.shape = shape
        tags = zip(shape.tagNames, shape.tagSlugs).map { ($0, $1) }
        searchTerms = config.search ? cachedTerms ?? DocumentTerms(title: frontMatter.title, tags: shape.tagNames, body: body) : nil
    }

    /// The date in the name the slug comes from (the bundle folder or the file name, without
    /// its Markdown extension), and the rest of that name: `2026-01-01-hello` gives 1 January
    /// and `hello`.
    static func nameParts(sourcePath: String, bundle: String?, timeZone: TimeZone) -> (date: SiteDate?, rest: String) {
        let source = bundle ?? sourcePath
        // ASCII paths (nearly all) byte by byte: their characters are their bytes (a CR LF pair
        // apart, which neither a date nor an extension contains). Others as characters.
        let bytewise = source.utf8.withContiguousStorageIfAvailable { bytes -> (date: SiteDate?, rest: String)? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/")
            // The last non-empty part between slashes, as `split(separator: "/").last` gives it.
            var end = bytes.count
            while end > 0, bytes[end - 1] == slash { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != slash { start -= 1 }
            if bundle == nil { end -= SourceRole.markdownExtensionLength(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end])) ?? 0 }
            let name = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let dash = UInt8(ascii: "-")
            // `YYYY-MM-DD-`: the dashes first, then the date itself.
            if name.count > datePrefixLength, name[4] == dash, name[7] == dash, name[10] == dash,
                let date = SiteDate.parse(String(decoding: UnsafeBufferPointer(rebasing: name[0..<10]), as: UTF8.self), timeZone: timeZone)
            {
                return (date, String(decoding: UnsafeBufferPointer(rebasing: name[datePrefixLength...]), as: UTF8.self))
            }
            return (nil, String(decoding: name, as: UTF8.self))
        }
        if let bytewise, let parts = bytewise { return parts }
        return characterNameParts(sourcePath: sourcePath, bundle: bundle, timeZone: timeZone)
    }

    /// `nameParts` for any path, character by character.
    static func characterNameParts(sourcePath: String, bundle: String?, timeZone: TimeZone) -> (date: SiteDate?, rest: String) {
        let stem: String
        if let bundle {
            stem = String(bundle.split(separator: "/").last ?? "")
        } else {
            let name = sourcePath.split(separator: "/").last ?? ""
            stem = String(name.dropLast(SourceRole.markdownExtensionLength(name) ?? 0))
        }
        if stem.count > datePrefixLength, stem.utf8.count >= datePrefixLength,
            stem[stem.index(stem.startIndex, offsetBy: 10)] == "-",
            let parsed = SiteDate.parse(String(stem.prefix(10)), timeZone: timeZone)
        {
            return (parsed, String(stem.dropFirst(datePrefixLength)))
        }
        return (nil, stem)
    }

    /// `structureSignature`'s fields, each ended by a zero byte but the last.
    static func structureSignature(kind: DocumentKind, path: String, matter: FrontMatter, sortSeconds: Int64,
        tags: [(name: String, slug: String)], aliases: [String], bundle: String?) -> String
    {
        var signature = ""
        signature.reserveCapacity(160)
        signature += kind.rawValue
        signature += "\u{0}"
        signature += path
        signature += "\u{0}"
        signature += matter.title
        signature += "\u{0}"
        signature += String(sortSeconds)
        signature += "\u{0}"
        if let updated = matter.updated { signature += String(updated.seconds) }
        signature += "\u{0}"
        if matter.draft { signature += "draft" }
        signature += "\u{0}"
        for (index, tag) in tags.enumerated() {
            if index > 0 { signature += "\u{2}" }
            signature += tag.name
            signature += "\u{1}"
            signature += tag.slug
        }
        signature += "\u{0}"
        for (index, alias) in aliases.enumerated() {
            if index > 0 { signature += "\u{2}" }
            signature += alias
        }
        signature += "\u{0}"
        signature += matter.template ?? ""
        signature += "\u{0}"
        signature += String(matter.weight)
        signature += "\u{0}"
        if let authors = matter.authors {
            for (index, author) in authors.enumerated() {
                if index > 0 { signature += "\u{2}" }
                signature += author
            }
        } else {
            signature += "\u{3}"
        }
        signature += "\u{0}"
        signature += bundle ?? ""
        return signature
    }

    /// What the document cache keeps of it: everything its source and settings decide that is
    /// costly to derive.
    var record: DocumentRecord { DocumentRecord(frontMatter: frontMatter, body: body, shape: shape, searchTerms: searchTerms) }
}
