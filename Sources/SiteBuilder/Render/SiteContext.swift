import Foundation
import TemplateEngine

/// What every output may depend on besides its own inputs: the settings, the templates, the build
/// switches, and the few facts about the whole site that every page shows (the menu of pages, the
/// copyright year, the favicon). `key` starts the key of every output that uses it.
struct SiteContext: Sendable {
    /// The inputs, all of them in `key`.
    struct Inputs: Encodable, Equatable, Sendable {
        /// `site.yml` as written (settings, Markdown options and the time zone shape every document too).
        var configText: String
        /// `ContentKey(_:files:)` of the theme's and the site's template files.
        var templates: ContentKey
        var includeDrafts: Bool
        var includeFuture: Bool
        /// The standalone pages in menu order.
        var menu: [DocumentLink]
        /// The newest post's year.
        var year: Int?
        /// The favicon's site path among the output's static files.
        var favicon: String?
        /// A new blogctl may render differently.
        var binary = binaryFingerprint
        /// A page kept from a build under another umask would keep its permissions.
        var umask = UInt32(processUmask)
    }

    let inputs: Inputs
    let key: ContentKey
    let config: SiteConfig
    let urls: SiteURLs
    let templates: TemplateSet
    /// The resized copies made in this build (not an input: it changes no output).
    let imageWork: ImageWork
    /// `site`'s fields that are not URLs, and `extra`: the same on every page.
    private let siteValues: [String: DataValue]
    private let extra: DataValue
    /// The theme's words in the site's language (`t`).
    private let strings: DataValue

    /// The context of `inputs`, whose `configText` and `templates` are `config`'s and `templates`'.
    init(_ inputs: Inputs, config: SiteConfig, templates: TemplateSet, imageWork: ImageWork = ImageWork(cacheDirectory: nil)) {
        self.inputs = inputs
        self.imageWork = imageWork
        key = ContentKey(of: inputs)
        self.config = config
        urls = SiteURLs(baseURL: config.baseURL)
        self.templates = templates
        var site: [String: DataValue] = [
            "title": .string(config.title),
            "description": .string(config.description),
            "author": .string(config.author),
            "language": .string(config.language.tag),
            "base_url": .string(urls.baseURL),
        ]
        if let year = inputs.year { site["year"] = .int(year) }
        // Room for the links each page adds (see `common`).
        site.reserveCapacity(site.count + 10)
        siteValues = site
        extra = .map(config.extra)
        strings = .map(config.language.strings.mapValues { .string($0) })
    }

    /// What a page is, for `page.kind` and `page.is_<kind>`.
    enum PageKind: String, Encodable, Sendable {
        case home, posts, post, page, tags, tag, archive, search, notFound = "404", alias
    }

    /// The fields every page gets: `site`, `menu`, `page`, `root_url`, `extra`. Every URL in them
    /// is relative to the page at `path`, except `absolute_url` values. `shown`: the HTML the page
    /// shows from Markdown, which decides the scripts and style sheets it loads (`PageAssets`).
    func common(path: String, kind: PageKind, title: String, description: String? = nil,
        absolutePath: String? = nil, shown: [String] = []) -> [String: DataValue]
    {
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
        if config.highlight.enabled { site["highlight_stylesheet_url"] = link(SiteURLs.highlightStylesheet) }
        if let favicon = inputs.favicon { site["favicon_url"] = link(favicon) }
        if !config.customCSS.isEmpty { site["custom_css_urls"] = .array(config.customCSS.map(link)) }
        if config.search { site["search_url"] = link(SiteURLs.search) }

        var menu: [DataValue] = []
        func item(_ title: String, _ target: String, current: Bool) {
            menu.append(.map(["title": .string(title), "url": link(target), "current": .bool(current)]))
        }
        let language = config.language
        item(language.text("home"), SiteURLs.home, current: kind == .home)
        for page in inputs.menu { item(page.title, page.path, current: page.path == path) }
        item(language.text("tags"), SiteURLs.tags, current: kind == .tags || kind == .tag)
        item(language.text("archive"), SiteURLs.archive, current: kind == .archive)

        var page: [String: DataValue] = [
            "title": .string(title),
            "description": .string(description ?? config.description),
            "absolute_url": .string(urls.absolute(absolutePath ?? path)),
            "url": .string("./"),
            "kind": .string(kind.rawValue),
        ]
        page["is_\(kind.rawValue)"] = .bool(true)
        let assets = PageAssets(shown: shown, math: config.math.enabled)
        if !assets.stylesheets.isEmpty { page["stylesheets"] = .array(assets.stylesheets.map(link)) }
        if !assets.scripts.isEmpty { page["scripts"] = .array(assets.scripts.map(link)) }
        return [
            "site": .map(site),
            "menu": .array(menu),
            "page": .map(page),
            "root_url": link(SiteURLs.home),
            "extra": extra,
            "t": strings,
        ]
    }
}
