import TemplateEngine

/// A post or page as a page shows it whole (its own page, a list, a feed). Its key is the
/// document's (source, path and settings) and the display names of its tags, the one thing
/// about it that other posts decide (`TagGroup.name`).
struct ShownDocument: Encodable, Equatable, Sendable {
    let document: Document
    /// Display names of its tags, in its tag order.
    let tagNames: [String]
    /// The hash of both, made once: a post is shown on several list pages and feeds.
    private let key: ContentKey

    /// The site paths of the Markdown sources it links to (`SourceLinks`).
    let links: [String: String]

    init(_ document: Document, tagNames names: [String: String], links: [String: String] = [:]) {
        self.document = document
        let tagNames = document.tags.map { names[$0.slug] ?? $0.name }
        self.tagNames = tagNames
        self.links = links
        // Nearly always the document's own spellings and no links, which its key covers already.
        key = tagNames.elementsEqual(document.tags.lazy.map(\.name)) && links.isEmpty ? document.contentKey
            : ContentKey("shown document", tagNames + links.sorted { $0.key.precedesInUTF8($1.key) }.flatMap { [$0.key, $0.value] },
                keys: [document.contentKey])
    }

    static func == (a: ShownDocument, b: ShownDocument) -> Bool {
        a.document === b.document && a.tagNames == b.tagNames && a.links == b.links
    }

    /// Its content HTML with its links to other sources leading to their pages.
    var contentHTML: String { SourceLinks.resolve(document.body.contentHTML, links) }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    /// What templates see of it on the page at `path` made with `template` (docs/templates.md, `post`).
    func data(from path: String, in site: SiteContext, template: String) -> [String: DataValue] {
        var value = BriefDocument(document, tagNames: tagNames).data(from: path, in: site)
        // On a list page, the post's same-page links (#fn-1) must lead to the post.
        let postURL = path == document.path ? nil : SiteURLs.relative(from: path, to: document.path)
        // A list page shows summaries: its template seldom reads each post's whole text.
        if site.templates.uses("content", in: template) {
            value["content"] = .string(SourceLinks.resolve(postURL.map {
                SummaryLinks.rebasingFragments(document.body.contentHTML, at: document.body.contentFragments, to: $0)
            } ?? document.body.contentHTML, links))
        }
        if site.templates.uses("summary", in: template) {
            value["summary"] = .string(SourceLinks.resolve(postURL.map {
                SummaryLinks.rebasingFragments(document.body.summaryHTML, at: document.body.summaryFragments, to: $0)
            } ?? document.body.summaryHTML, links))
        }
        value["description"] = .string(document.body.descriptionText)
        value["word_count"] = .int(document.body.wordCount)
        value["reading_minutes"] = .int(document.body.readingMinutes)
        value["reading_time"] = .string(site.config.language.text("reading_time", n: document.body.readingMinutes))
        value["extra"] = .map(document.frontMatter.extra)
        if let toc = document.body.tableOfContents { value["toc"] = .string(toc) }
        return value
    }
}

/// A post as the archive lists it: everything but its text (title, URL, dates, tags, authors),
/// so an edit to a post's text never makes the archive again. Its key is the document's
/// `structureSignature`, which holds exactly those, and its tags' display names.
struct BriefDocument: Encodable, Equatable, Sendable {
    private let document: Document
    private let tagNames: [String]

    init(_ document: Document, tagNames: [String]) {
        self.document = document
        self.tagNames = tagNames
    }

    static func == (a: BriefDocument, b: BriefDocument) -> Bool {
        (a.document === b.document || a.document.shape.structureSignature == b.document.shape.structureSignature) && a.tagNames == b.tagNames
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(document.shape.structureSignature)
        try container.encode(tagNames)
    }

    /// The year of its date (posts only), which the archive groups by.
    var year: Int { document.date!.year }

    /// What templates see of it on the page at `path`.
    func data(from path: String, in site: SiteContext) -> [String: DataValue] {
        var value: [String: DataValue] = [
            "title": .string(document.title),
            "url": .string(SiteURLs.relative(from: path, to: document.path)),
            "absolute_url": .string(document.shape.absoluteURL),
            "authors": .array((document.frontMatter.authors ?? (site.config.author.isEmpty ? [] : [site.config.author])).map { .string($0) }),
        ]
        if let texts = document.shape.dateTexts {
            value["date"] = .string(texts.iso8601)
            value["date_display"] = .string(texts.display)
            value["year"] = .int(texts.year)
        }
        if let updated = document.shape.updatedTexts {
            value["updated"] = .string(updated.iso8601)
            value["updated_display"] = .string(updated.display)
        }
        // Lists are always present (possibly empty): a missing key would be looked up in the
        // enclosing context by Mustache.
        value["tags"] = .array(zip(document.tags, tagNames).map { tag, name in
            .map(["name": .string(name), "url": .string(SiteURLs.relative(from: path, to: SiteURLs.tag(slug: tag.slug)))])
        })
        return value
    }
}

/// A link to another page: what a post shows of its neighbours, and the menu of its pages.
struct DocumentLink: Encodable, Equatable, Sendable {
    let title: String
    let path: String

    init(_ document: Document) {
        self.init(title: document.title, path: document.path)
    }

    init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}
