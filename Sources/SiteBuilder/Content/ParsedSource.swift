import Foundation

/// What parsing one document's source yields: its front matter and rendered Markdown.
struct ParsedSource: Sendable, Equatable {
    var frontMatter: FrontMatter
    var rendered: RenderedDocument

    /// Parses `text`, the source shown in errors as `displayPath`.
    init(text: String, displayPath: String, config: SiteConfig) throws(SiteBuildError) {
        let (matter, body) = try FrontMatter.split(text, file: displayPath, timeZone: config.timezone)
        frontMatter = matter
        rendered = MarkdownAdapter.render(String(body), settings: config.markdown)
    }
}

extension FrontMatter {
    /// Front matter with only a title, every other key at its default (for the cache to fill in).
    init(title: String) { self.title = title }
}
