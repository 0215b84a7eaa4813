/// The settings an import writes to site.yml, read from the source's config.
struct SiteSettings: Sendable {
    var title = "My blog"
    var baseURL = "https://example.com"
    var author: String?
    var language: String?
    var timezone: String?
    var description: String?
    var postsPerPage: Int?
    var rawHTML: Bool?
    var smartPunctuation: Bool?
    var math: Bool?
    /// `false` writes `highlight: false`; nil leaves blogctl's default (on).
    var highlight: Bool?
    var extra = ImportTable()
}
