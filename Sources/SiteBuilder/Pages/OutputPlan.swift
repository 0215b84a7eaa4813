import Foundation

/// Every file of a site, as output kinds in claiming order (the order conflict errors name
/// claimants in): the HTML pages, then the feeds, sitemap, redirects, bundle assets, robots.txt
/// and static files.
struct OutputPlan {
    private(set) var outputs: [any OutputKind] = []
    /// How many of `outputs` are HTML pages.
    private(set) var htmlPages = 0

    /// Where the search index's files go among `outputs` (`add(_:)`); nil when `search` is off.
    private var searchFilesAt: Int?

    /// The plan of `model` in `site`; `files` are the static files and bundle assets; `search`
    /// whether the site has a search page, whose index `add(_:)` then puts in.
    init(model: SiteModel, site: SiteContext, files: SiteFiles, images: SiteImages, search: Bool = false) throws(SiteBuildError) {
        let tagNames = model.tagNames
        let links = try Self.sourceLinks(of: model)
        let shown = model.posts.map { ShownDocument($0, tagNames: tagNames, links: links[$0.sourcePath] ?? [:]) }
        var sitemap: [String] = []
        func page(_ page: some HTMLPage) {
            outputs.append(page)
            if let entry = page.sitemapEntry(in: site) { sitemap.append(entry) }
        }
        addLists(.home, title: model.config.title, members: Array(shown.indices), shown: shown, perPage: model.config.postsPerPage,
            images: images, page)
        addLists(.posts, title: model.config.language.text("posts"), members: Array(shown.indices), shown: shown, perPage: model.config.postsPerPage,
            images: images, page)
        for (index, post) in shown.enumerated() {
            let older = index + 1 < shown.count ? DocumentLink(model.posts[index + 1]) : nil
            let newer = index > 0 ? DocumentLink(model.posts[index - 1]) : nil
            page(PostPage(post: post, previous: older, next: newer, template: post.document.frontMatter.template ?? "post",
                images: images.pageImages(of: [post.document]), image: images.social[post.document.path]))
        }
        for document in model.pages {
            page(StandalonePage(page: ShownDocument(document, tagNames: tagNames, links: links[document.sourcePath] ?? [:]),
                template: document.frontMatter.template ?? "page", images: images.pageImages(of: [document]), image: images.social[document.path]))
        }
        for tag in model.tags {
            addLists(.tag(TagSummary(tag)), title: tag.name, members: tag.posts, shown: shown, perPage: model.config.postsPerPage,
                images: images, page)
        }
        page(TagsIndexPage(tags: model.tags.map(TagSummary.init)))
        page(ArchivePage(posts: shown.map { BriefDocument($0.document, tagNames: $0.tagNames) }))
        if search { page(SearchPage()) }
        page(NotFoundPage())
        var redirects: [RedirectsFile.Redirect] = []
        for document in model.posts + model.pages {
            for alias in document.aliases {
                page(AliasPage(path: alias, target: DocumentLink(document), owner: "alias in \(document.displayPath)"))
                redirects.append(RedirectsFile.Redirect(from: alias, to: document.path))
            }
        }
        htmlPages = outputs.count

        let newest = Array(shown.prefix(FeedFile.postLimit))
        let feedImages = newest.map { images.social[$0.document.path] }
        for format in [FeedFile.Format.rss, .atom, .json] { outputs.append(FeedFile(format: format, posts: newest, images: feedImages)) }
        outputs.append(SitemapFile(entries: sitemap))
        outputs.append(RedirectsFile(aliases: redirects))
        if model.config.highlight.enabled {
            outputs.append(GeneratedFile(file: SiteURLs.outputFile(for: SiteURLs.highlightStylesheet), owner: "generated highlight style sheet",
                bytes: Data(model.config.highlight.styleSheet.utf8)))
        }
        if let katex = model.config.math.katex { outputs += MathFiles.outputs(katex) }
        if search { searchFilesAt = outputs.count }
        for document in model.posts + model.pages {
            outputs += files.assets(of: document)
        }
        outputs += images.copies
        // The theme's search script is the search page's; a site's own js/search.js is always copied.
        let searchScript = SiteURLs.outputFile(for: SiteURLs.searchScript)
        outputs += files.rootFiles.filter { kind in
            guard !search, let copy = kind as? StaticFile, copy.file == searchScript, case .theme = copy.source else { return true }
            return false
        }
        let written = Set(outputs.map(\.file))
        for (path, location) in zip(model.config.customCSS, model.config.customCSSLocations) where !written.contains(SiteURLs.outputFile(for: path)) {
            throw .malformed(location, "custom_css '\(path)' is no file of the site: put it in static\(path) (or templates/static\(path))")
        }
    }

    /// Puts the search index's files in their place: the index is made while the rest is planned.
    mutating func add(_ search: SearchIndex) {
        guard let searchFilesAt else { preconditionFailure("the plan of a site without search has no place for an index") }
        outputs.insert(contentsOf: search.files as [any OutputKind], at: searchFilesAt)
        self.searchFilesAt = nil
    }

    /// For each document that links to other Markdown sources, their site paths; a link to a
    /// source that is no page of this build is an error.
    private static func sourceLinks(of model: SiteModel) throws(SiteBuildError) -> [String: [String: String]] {
        let documents = model.posts + model.pages
        let paths = Dictionary(documents.map { ($0.sourcePath, $0.path) }, uniquingKeysWith: { first, _ in first })
        var links: [String: [String: String]] = [:]
        for document in documents {
            for target in SourceLinks.targets(in: document.body.contentHTML) {
                guard let path = paths[target] else {
                    throw .malformed(SourceLinks.location(of: target, in: document),
                        "the link to \(target) leads to no post or page of this build (a missing file, a draft or a future post)")
                }
                links[document.sourcePath, default: [:]][target] = path
            }
        }
        return links
    }

    /// The pages of one list of posts (`members`: indexes into `shown`), `perPage` to a page.
    private func addLists(_ listing: ListPage.Listing, title: String, members: [Int], shown: [ShownDocument], perPage: Int,
        images: SiteImages, _ add: (ListPage) -> Void)
    {
        // Not `count + perPage - 1`: posts_per_page may be as big as Int.max ("all on one page").
        let pages = members.isEmpty ? 1 : (members.count - 1) / perPage + 1
        for number in 1...pages {
            let slice = members[min((number - 1) * perPage, members.count)..<min(number * perPage, members.count)]
            let posts = slice.map { shown[$0] }
            add(ListPage(listing: listing, title: title, number: number, pages: pages, count: members.count, posts: posts,
                images: images.pageImages(of: posts.map(\.document))))
        }
    }
}
