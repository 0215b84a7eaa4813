import TemplateEngine

/// A standalone page (content/about.md), listed in the menu.
struct StandalonePage: HTMLPage {
    let page: ShownDocument
    let template: String
    let images: PageImages
    /// Its `og:image`.
    let image: SocialImage?

    var path: String { page.document.path }
    var owner: String { page.document.displayPath }

    func sitemapEntry(in site: SiteContext) -> String? { page.document.shape.sitemapEntry }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .page, title: page.document.title, description: page.document.body.descriptionText,
            shown: [page.document.body.contentHTML])
        var data = page.data(from: path, in: site, template: template)
        if let image { data["image"] = .map(image.data(from: path, urls: site.urls)) }
        value["post"] = .map(data)
        return .map(value)
    }
}
