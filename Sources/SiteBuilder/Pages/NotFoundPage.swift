import TemplateEngine

/// 404.html, which gateways serve for missing paths at any depth (so its links are root-relative).
struct NotFoundPage: HTMLPage {
    var path: String { SiteURLs.notFound }
    var template: String { "404" }
    var owner: String { "generated 404 page" }

    func sitemapEntry(in site: SiteContext) -> String? { nil }

    func context(in site: SiteContext) -> DataValue {
        .map(site.common(path: path, kind: .notFound, title: site.config.language.text("not_found")))
    }
}
