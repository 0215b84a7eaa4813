import TemplateEngine

/// Builds the data each template receives (docs/templates.md). Every URL in it is relative to
/// the page being rendered, except `absolute_url` values.
struct PageContext: Sendable {
    let model: SiteModel
    /// Site path of the favicon among the output's static files, if there is one.
    let faviconPath: String?
    /// `site`'s fields that are not URLs, and `extra`: the same on every page.
    private let siteValues: [String: DataValue]
    private let extra: DataValue

    init(model: SiteModel, faviconPath: String?) {
        self.model = model
        self.faviconPath = faviconPath
        let config = model.config
        var site: [String: DataValue] = [
            "title": .string(config.title),
            "description": .string(config.description),
            "author": .string(config.author),
            "language": .string(config.language),
            "base_url": .string(model.urls.baseURL),
        ]
        if let year = model.year { site["year"] = .int(year) }
        // Room for the links each page adds (see `common`).
        site.reserveCapacity(site.count + 9)
        siteValues = site
        extra = .map(config.extra)
    }

    var urls: SiteURLs { model.urls }

    /// What the page is, for `page.kind` and `page.is_<kind>`.
    enum Kind: String, Sendable {
        case home, posts, post, page, tags, tag, archive, notFound = "404", alias
    }

    /// The fields every page gets: `site`, `menu`, `page`, `root_url`, `extra`.
    func common(path: String, kind: Kind, title: String, description: String? = nil,
        absolutePath: String? = nil) -> [String: DataValue]
    {
        let config = model.config
        // 404.html is served for missing pages at any depth: only root-relative links work there.
        let rooted = kind == .notFound
        func link(_ target: String) -> DataValue {
            .string(rooted ? urls.rootRelative(target) : SiteURLs.relative(from: path, to: target))
        }
        var site = siteValues
        site["home_url"] = link(SiteURLs.home)
        site["posts_url"] = link(SiteURLs.posts)
        site["tags_url"] = link(SiteURLs.tags)
        site["archive_url"] = link(SiteURLs.archive)
        site["rss_url"] = link(SiteURLs.rss)
        site["atom_url"] = link(SiteURLs.atom)
        site["json_feed_url"] = link(SiteURLs.jsonFeed)
        site["stylesheet_url"] = link(SiteURLs.stylesheet)
        if let faviconPath { site["favicon_url"] = link(faviconPath) }

        var menu: [DataValue] = []
        func item(_ title: String, _ target: String, current: Bool) {
            menu.append(.map(["title": .string(title), "url": link(target), "current": .bool(current)]))
        }
        item("Home", SiteURLs.home, current: kind == .home)
        for page in model.pages { item(page.title, page.path, current: page.path == path) }
        item("Tags", SiteURLs.tags, current: kind == .tags || kind == .tag)
        item("Archive", SiteURLs.archive, current: kind == .archive)

        var page: [String: DataValue] = [
            "title": .string(title),
            "description": .string(description ?? config.description),
            "absolute_url": .string(urls.absolute(absolutePath ?? path)),
            "url": .string("./"),
            "kind": .string(kind.rawValue),
        ]
        page["is_\(kind.rawValue)"] = .bool(true)
        return [
            "site": .map(site),
            "menu": .array(menu),
            "page": .map(page),
            "root_url": link(SiteURLs.home),
            "extra": extra,
        ]
    }

    /// A post or standalone page as templates see it, linked from the page at `from`.
    func document(_ document: Document, from path: String, tagNames: [String: String]) -> [String: DataValue] {
        var value = brief(document, from: path, tagNames: tagNames)
        // On a list page, the post's same-page links (#fn-1) must lead to the post.
        let postURL = path == document.path ? nil : SiteURLs.relative(from: path, to: document.path)
        value["content"] = .string(postURL.map {
            SummaryLinks.rebasingFragments(document.contentHTML, at: document.contentFragments, to: $0)
        } ?? document.contentHTML)
        value["summary"] = .string(postURL.map {
            SummaryLinks.rebasingFragments(document.summaryHTML, at: document.summaryFragments, to: $0)
        } ?? document.summaryHTML)
        value["description"] = .string(document.descriptionText)
        value["word_count"] = .int(document.wordCount)
        value["reading_minutes"] = .int(document.readingMinutes)
        value["extra"] = .map(document.frontMatter.extra)
        if let toc = document.tableOfContents { value["toc"] = .string(toc) }
        return value
    }

    /// The fields that do not depend on the text (title, URLs, dates, tags, authors): what the
    /// archive lists, so an edit to a post's text never re-renders the archive.
    func brief(_ document: Document, from path: String, tagNames: [String: String]) -> [String: DataValue] {
        var value: [String: DataValue] = [
            "title": .string(document.title),
            "url": .string(SiteURLs.relative(from: path, to: document.path)),
            "absolute_url": .string(document.absoluteURL),
            "authors": .array((document.frontMatter.authors ?? (model.config.author.isEmpty ? [] : [model.config.author])).map { .string($0) }),
        ]
        if let texts = document.dateTexts {
            value["date"] = .string(texts.iso8601)
            value["date_display"] = .string(texts.display)
            value["year"] = .int(texts.year)
        }
        if let updated = document.updatedTexts {
            value["updated"] = .string(updated.iso8601)
            value["updated_display"] = .string(updated.display)
        }
        // Lists are always present (possibly empty): a missing key would be looked up in the
        // enclosing context by Mustache.
        value["tags"] = .array(document.tags.map { tag in
                .map([
                    "name": .string(tagNames[tag.slug] ?? tag.name),
                    "url": .string(SiteURLs.relative(from: path, to: SiteURLs.tag(slug: tag.slug))),
                ])
            })
        return value
    }

    /// `pagination` for page `current` of `total`, whose page n lives at `pathOf(n)`; nil for one page.
    /// Lists a window of pages (first, last, current ± 2) so a 1,000-page blog stays linear;
    /// `gap_before` marks an entry after skipped numbers.
    func pagination(current: Int, total: Int, from path: String, pathOf: (Int) -> String) -> DataValue? {
        guard total > 1 else { return nil }
        var value: [String: DataValue] = ["current": .int(current), "total": .int(total)]
        if current > 1 { value["previous_url"] = .string(SiteURLs.relative(from: path, to: pathOf(current - 1))) }
        if current < total { value["next_url"] = .string(SiteURLs.relative(from: path, to: pathOf(current + 1))) }
        var pages: [DataValue] = []
        var previousNumber = 0
        for number in 1...total where total <= 10 || number == 1 || number == total || abs(number - current) <= 2 {
            pages.append(.map([
                "number": .int(number),
                "url": .string(SiteURLs.relative(from: path, to: pathOf(number))),
                "current": .bool(number == current),
                "gap_before": .bool(number > previousNumber + 1),
            ]))
            previousNumber = number
        }
        value["pages"] = .array(pages)
        return .map(value)
    }
}
