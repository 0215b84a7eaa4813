import TemplateEngine

/// Every post by year, newest first; shows no post's text.
struct ArchivePage: HTMLPage {
    /// In post order (newest first).
    let posts: [BriefDocument]

    var path: String { SiteURLs.archive }
    var template: String { "archive" }
    var owner: String { "generated archive page" }

    func sitemapEntry(in site: SiteContext) -> String? { listedEntry(in: site) }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .archive, title: site.config.language.text("archive"))
        var years: [DataValue] = []
        var currentYear: Int?
        var bucket: [DataValue] = []
        for post in posts {
            let year = post.year
            if year != currentYear, let previous = currentYear {
                years.append(.map(["year": .int(previous), "posts": .array(bucket)]))
                bucket = []
            }
            currentYear = year
            bucket.append(.map(post.data(from: path, in: site)))
        }
        if let currentYear { years.append(.map(["year": .int(currentYear), "posts": .array(bucket)])) }
        value["years"] = .array(years)
        return .map(value)
    }
}
