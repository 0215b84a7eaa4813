import TemplateEngine

/// A page at a document's old address (front matter `aliases`) that sends readers to it.
struct AliasPage: HTMLPage {
    let path: String
    let target: DocumentLink
    let owner: String

    var template: String { "alias" }

    func sitemapEntry(in site: SiteContext) -> String? { nil }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .alias, title: target.title, absolutePath: target.path)
        value["target_url"] = .string(SiteURLs.relative(from: path, to: target.path))
        value["target_absolute_url"] = .string(site.urls.absolute(target.path))
        return .map(value)
    }
}
