import Foundation
import Markdown

/// What parsing one document's source yields: its front matter and rendered Markdown.
struct ParsedSource: Sendable {
    var frontMatter: FrontMatter
    var rendered: RenderedMarkdown

    /// Parses `text`, the source shown in errors as `displayPath`. The one place that calls the Markdown layer.
    init(text: String, displayPath: String, config: SiteConfig) throws(SiteBuildError) {
        let (matter, body) = try FrontMatter.split(text, file: displayPath, timeZone: config.timezone)
        frontMatter = matter
        let settings = config.markdown
        let renderer = MarkdownRenderer(options: MarkdownOptions(
            smartPunctuation: settings.smartPunctuation, rawHTML: settings.rawHTML, hardBreaks: settings.hardBreaks,
            summaryWords: settings.summaryWords, tagFilter: settings.tagFilter, math: config.math.enabled, highlighter: config.highlight.highlighter))
        rendered = renderer.render(String(body))
    }
}

extension FrontMatter {
    /// Front matter with only a title, every other key at its default (for the cache to fill in).
    init(title: String) { self.title = title }
}
