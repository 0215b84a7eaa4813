import TemplateEngine

/// The page listing every tag.
struct TagsIndexPage: HTMLPage {
    /// Sorted by name (`SiteModel.tags`).
    let tags: [TagSummary]

    var path: String { SiteURLs.tags }
    var template: String { "tags" }
    var owner: String { "generated tags page" }

    func sitemapEntry(in site: SiteContext) -> String? { listedEntry(in: site) }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .tags, title: site.config.language.text("tags"))
        value["tags"] = .array(tags.map { tag in
            .map([
                "name": .string(tag.name), "url": .string(SiteURLs.relative(from: path, to: SiteURLs.tag(slug: tag.slug))),
                "count": .int(tag.count), "count_text": .string(site.config.language.postCount(tag.count)),
            ])
        })
        return .map(value)
    }
}
