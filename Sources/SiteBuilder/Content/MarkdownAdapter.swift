import Markdown

/// Rendered Markdown as the site builder uses it.
struct RenderedDocument: Sendable, Equatable {
    var html: String
    /// HTML before `<!--more-->`, else the first paragraph.
    var summaryHTML: String
    /// Plain text of the summary, for meta descriptions.
    var summaryText: String
    /// `<nav>` of the headings; nil below two headings.
    var tableOfContents: String?
    var wordCount: Int
    var readingMinutes: Int
}

/// The one place that calls the Markdown layer.
enum MarkdownAdapter {
    static func render(_ text: String, settings: MarkdownSettings) -> RenderedDocument {
        let renderer = MarkdownRenderer(options: MarkdownOptions(
            smartPunctuation: settings.smartPunctuation, rawHTML: settings.rawHTML, hardBreaks: settings.hardBreaks))
        let rendered = renderer.render(text)
        return RenderedDocument(html: rendered.html, summaryHTML: rendered.summary, summaryText: rendered.summaryText,
            tableOfContents: rendered.tableOfContents, wordCount: rendered.wordCount, readingMinutes: rendered.readingMinutes)
    }
}
