import TemplateEngine

/// One page of a list of posts: the home page, the list of all posts, or a tag's page.
struct ListPage: HTMLPage {
    /// Which list, and where its pages live.
    enum Listing: Encodable, Equatable, Sendable {
        case home
        case posts
        case tag(TagSummary)

        /// The site path of page `number` of the list.
        func path(page number: Int) -> String {
            switch self {
            case .home: SiteURLs.home(page: number)
            case .posts: SiteURLs.posts(page: number)
            case .tag(let tag): SiteURLs.tag(slug: tag.slug, page: number)
            }
        }

        var kind: SiteContext.PageKind {
            switch self {
            case .home: .home
            case .posts: .posts
            case .tag: .tag
            }
        }

        var template: String { kind.rawValue }
    }

    let listing: Listing
    let title: String
    /// This page's number, from 1, and how many pages the list has.
    let number: Int
    let pages: Int
    /// The posts on the whole list.
    let count: Int
    /// The posts on this page, newest first.
    let posts: [ShownDocument]
    let path: String
    let images: PageImages

    init(listing: Listing, title: String, number: Int, pages: Int, count: Int, posts: [ShownDocument], images: PageImages) {
        self.listing = listing
        self.title = title
        self.number = number
        self.pages = pages
        self.count = count
        self.posts = posts
        self.images = images
        path = listing.path(page: number)
    }

    var template: String { listing.template }
    var owner: String { "generated \(listing.kind.rawValue) page" }

    func sitemapEntry(in site: SiteContext) -> String? { listedEntry(in: site) }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: listing.kind, title: title, absolutePath: path,
            shown: posts.map(\.document.body.summaryHTML))
        value["posts"] = .array(posts.map { .map($0.data(from: path, in: site, template: template)) })
        if let pagination = pagination(site.config.language) { value["pagination"] = pagination }
        if listing == .posts {
            value["count"] = .int(count)
            value["count_text"] = .string(site.config.language.postCount(count))
        }
        if case .tag(let tag) = listing {
            value["tag"] = .map([
                "name": .string(tag.name), "url": .string(SiteURLs.relative(from: path, to: SiteURLs.tag(slug: tag.slug))),
                "count": .int(tag.count), "count_text": .string(site.config.language.postCount(tag.count)),
            ])
        }
        return .map(value)
    }

    /// `pagination`; nil for a list of one page. Lists a window of pages (first, last, this one
    /// ± 2) so a 1,000-page blog stays linear; `gap_before` marks an entry after skipped numbers.
    private func pagination(_ language: SiteLanguage) -> DataValue? {
        guard pages > 1 else { return nil }
        var value: [String: DataValue] = [
            "current": .int(number), "total": .int(pages), "page_text": .string(language.text("page_of", n: number, total: pages)),
        ]
        if number > 1 { value["previous_url"] = .string(SiteURLs.relative(from: path, to: listing.path(page: number - 1))) }
        if number < pages { value["next_url"] = .string(SiteURLs.relative(from: path, to: listing.path(page: number + 1))) }
        var entries: [DataValue] = []
        var previousNumber = 0
        for entry in 1...pages where pages <= 10 || entry == 1 || entry == pages || abs(entry - number) <= 2 {
            entries.append(.map([
                "number": .int(entry),
                "label": .string(language.text("page", n: entry)),
                "url": .string(SiteURLs.relative(from: path, to: listing.path(page: entry))),
                "current": .bool(entry == number),
                "gap_before": .bool(entry > previousNumber + 1),
            ]))
            previousNumber = entry
        }
        value["pages"] = .array(entries)
        return .map(value)
    }
}

/// A tag as lists show it: its display name, its URL's slug and how many posts carry it.
struct TagSummary: Encodable, Equatable, Sendable {
    let name: String
    let slug: String
    let count: Int

    init(_ group: TagGroup) {
        name = group.name
        slug = group.slug
        count = group.posts.count
    }
}
