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
    let date: SiteDate?
    let slug: String
    /// The site path it is served at (`/posts/hello/`).
    let path: String
    /// Alias site paths that redirect here.
    let aliases: [String]
    /// Tags as (name, slug), in front matter order, spellings of one tag (`TagName.key`) removed.
    let tags: [(name: String, slug: String)]
    /// HTML with the site's own references in root-absolute form (see `SiteURLs.contentNormalizer`).
    let contentHTML: String
    let summaryHTML: String
    /// Where `contentHTML` and `summaryHTML` have same-page links (`SummaryLinks.fragmentOffsets(in:)`).
    let contentFragments: [Int]
    let summaryFragments: [Int]
    let descriptionText: String
    /// `<nav>` of the headings; nil below two headings.
    let tableOfContents: String?
    let wordCount: Int
    let readingMinutes: Int
    /// The SHA-256 of its source and of what its parse depends on (`DocumentCache.key`): what
    /// rebuilds compare, in one session and across builds.
    let contentKey: ContentKey
    /// Precomputed for the 10,000-post case, where every rebuild sorts and lists all posts.
    let sortSeconds: Int64
    /// Everything about it except its text: where it goes, what it is called, when, how it is
    /// tagged and listed. Equal signatures mean an edit changed only the content, so only the
    /// pages showing the content need rendering (the archive, neighbours' links and the
    /// sitemap show only this).
    let structureSignature: String
    /// `updated` or `date` as ISO 8601, for the sitemap.
    let lastModified: String?
    /// `urls.absolute(path)`, and `date` and `updated` as templates show them: formatted once,
    /// not on every list page that shows the document.
    let absoluteURL: String
    let dateTexts: (iso8601: String, display: String, year: Int)?
    let updatedTexts: (iso8601: String, display: String)?
    /// Its sitemap line (the base URL is part of the site settings, which reset the document cache).
    let sitemapEntry: String

    var title: String { frontMatter.title }
    var updated: SiteDate? { frontMatter.updated }
    var isDraft: Bool { frontMatter.draft }

    private static let datePrefixLength = "2026-01-01-".count

    /// Where a document comes from: its source just parsed, or the record of an earlier build.
    enum Source {
        case parsed(ParsedSource)
        case cached(DocumentRecord)

        var frontMatter: FrontMatter {
            switch self {
            case .parsed(let parsed): parsed.frontMatter
            case .cached(let record): record.frontMatter
            }
        }
    }

    /// The document at `sourcePath` (shown in errors as `displayPath`).
    init(sourcePath: String, displayPath: String, kind: DocumentKind, bundle: String?, source: Source,
        config: SiteConfig, urls: SiteURLs, contentKey: ContentKey) throws(SiteBuildError)
    {
        self.sourcePath = sourcePath
        self.displayPath = displayPath
        self.kind = kind
        self.bundle = bundle
        self.contentKey = contentKey
        let matter = source.frontMatter
        frontMatter = matter

        // The name the slug and date come from: the bundle folder or the file name.
        let stem: String
        if let bundle {
            stem = String(bundle.split(separator: "/").last ?? "")
        } else {
            let name = sourcePath.split(separator: "/").last ?? ""
            stem = String(name.dropLast(SourceRole.markdownExtensionLength(name) ?? 0))
        }
        var nameDate: SiteDate?
        var nameRest = stem
        if stem.count > Self.datePrefixLength, stem.utf8.count >= Self.datePrefixLength,
            stem[stem.index(stem.startIndex, offsetBy: 10)] == "-",
            let parsed = SiteDate.parse(String(stem.prefix(10)), timeZone: config.timezone)
        {
            nameDate = parsed
            nameRest = String(stem.dropFirst(Self.datePrefixLength))
        }
        date = matter.date ?? nameDate
        if kind == .post, date == nil {
            throw .missingDate(file: displayPath)
        }
        let slug = Slug.make(matter.slug ?? nameRest)
        guard !slug.isEmpty else {
            throw .malformed(SourceLocation(file: displayPath, line: 1), "cannot make a URL slug from '\(nameRest)'; add a 'slug' key")
        }
        self.slug = slug
        if let custom = matter.path, let normalized = SiteURLs.normalize(userPath: custom) {
            path = normalized
        } else {
            path = kind == .post ? SiteURLs.post(slug: slug) : SiteURLs.page(slug: slug)
        }
        // An alias listed twice is one redirect, not two claimants of one path.
        var seenAliases: Set<String> = []
        aliases = matter.aliases.compactMap(SiteURLs.normalize(userPath:)).filter { seenAliases.insert($0).inserted }

        var seen: Set<String> = []
        var tags: [(name: String, slug: String)] = []
        for name in matter.tags {
            let tagKey = TagName.key(name)
            let tagSlug = TagName.slug(key: tagKey)
            guard !tagSlug.isEmpty else {
                throw .malformed(matter.locations["tags"] ?? SourceLocation(file: displayPath, line: 1),
                    "tag '\(name)' has no letters or digits")
            }
            // One entry per tag (see TagName), not per slug: two tags sharing a slug are SiteModel's error to report.
            if seen.insert(tagKey).inserted { tags.append((TagName.display(name), tagSlug)) }
        }
        self.tags = tags

        switch source {
        case .cached(let record):
            // The record was made from the same bytes, path and settings (its cache key).
            contentHTML = record.contentHTML
            summaryHTML = record.summaryHTML
            descriptionText = record.descriptionText
            tableOfContents = record.tableOfContents
            wordCount = record.wordCount
            readingMinutes = record.readingMinutes
        case .parsed(let parsed):
            let rendered = parsed.rendered
            let normalizer = urls.contentNormalizer(for: path)
            contentHTML = normalizer.rewriteHTML(rendered.html)
            if let summary = matter.summary {
                summaryHTML = "<p>" + HTMLText.escape(summary) + "</p>"
            } else {
                summaryHTML = normalizer.rewriteHTML(rendered.summaryHTML)
            }
            descriptionText = matter.description ?? matter.summary
                ?? HTMLText.plainText(rendered.summaryText.isEmpty ? summaryHTML : HTMLText.escape(rendered.summaryText), limit: 200)
            tableOfContents = rendered.tableOfContents
            wordCount = rendered.wordCount
            readingMinutes = rendered.readingMinutes
        }
        contentFragments = SummaryLinks.fragmentOffsets(in: contentHTML)
        summaryFragments = SummaryLinks.fragmentOffsets(in: summaryHTML)
        sortSeconds = date?.seconds ?? 0
        structureSignature = [
            kind.rawValue, path, matter.title, String(sortSeconds), matter.updated.map { String($0.seconds) } ?? "",
            matter.draft ? "draft" : "", tags.map { $0.name + "\u{1}" + $0.slug }.joined(separator: "\u{2}"),
            aliases.joined(separator: "\u{2}"), matter.template ?? "", String(matter.weight),
            (matter.authors ?? ["\u{3}"]).joined(separator: "\u{2}"), bundle ?? "",
        ].joined(separator: "\u{0}")
        dateTexts = date.map { ($0.iso8601, $0.display, $0.year) }
        updatedTexts = matter.updated.map { ($0.iso8601, $0.display) }
        lastModified = updatedTexts?.iso8601 ?? dateTexts?.iso8601
        absoluteURL = urls.absolute(path)
        sitemapEntry = SiteIndexFiles.sitemapEntry(absoluteURL: absoluteURL, lastModified: lastModified)
    }

    /// What the document cache keeps of it: everything its source and settings decide that is
    /// costly to derive.
    var record: DocumentRecord {
        DocumentRecord(frontMatter: frontMatter, contentHTML: contentHTML, summaryHTML: summaryHTML,
            descriptionText: descriptionText, tableOfContents: tableOfContents, wordCount: wordCount,
            readingMinutes: readingMinutes)
    }
}
