import TemplateEngine

/// search/index.html: the search form whose script (`js/search.js`) reads the index; shows no
/// document, so no edit renders it again.
struct SearchPage: HTMLPage {
    var path: String { SiteURLs.search }
    var template: String { "search" }
    var owner: String { "generated search page" }

    func sitemapEntry(in site: SiteContext) -> String? { nil }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .search, title: "Search")
        value["search"] = .map([
            "index_url": .string(SiteURLs.relative(from: path, to: SiteURLs.searchManifest)),
            "script_url": .string(SiteURLs.relative(from: path, to: SiteURLs.searchScript)),
        ])
        return .map(value)
    }
}
