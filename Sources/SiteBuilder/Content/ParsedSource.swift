import Foundation
import Markdown

/// What parsing one document's source yields: its front matter and rendered Markdown.
struct ParsedSource: Sendable {
    var frontMatter: FrontMatter
    var rendered: RenderedMarkdown

    /// Parses `text`, the source shown in errors as `displayPath`, its shortcodes rendered with
    /// `templates`. The one place that calls the Markdown layer.
    init(text: String, displayPath: String, config: SiteConfig, templates: TemplateSet) throws(SiteBuildError) {
        let (matter, body) = try FrontMatter.split(text, file: displayPath, timeZone: config.timezone)
        frontMatter = matter
        let settings = config.markdown
        let renderer = MarkdownRenderer(options: MarkdownOptions(
            smartPunctuation: settings.smartPunctuation, rawHTML: settings.rawHTML, hardBreaks: settings.hardBreaks,
            summaryWords: settings.summaryWords, tagFilter: settings.tagFilter, math: config.math.enabled, highlighter: config.highlight.highlighter))
        let lineOffset = text.utf8[..<body.startIndex].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let source: MarkdownSource
        do {
            source = try MarkdownSource(String(body), math: config.math.enabled, shortcodes: true)
        } catch {
            throw .malformed(SourceLocation(file: displayPath, line: error.line + lineOffset, column: error.column), error.reason)
        }
        let shortcodes = ShortcodeRenderer(templates: templates) { renderer.render($0).html }
        var outputs: [ShortcodeOutput] = []
        for shortcode in source.shortcodes {
            outputs.append(try shortcodes.output(for: shortcode, file: displayPath, lineOffset: lineOffset))
        }
        rendered = renderer.render(source, shortcodes: outputs)
    }
}

extension FrontMatter {
    /// Front matter with only a title, every other key at its default (for the cache to fill in).
    init(title: String) { self.title = title }
}
