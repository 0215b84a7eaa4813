import CCmarkGFM

/// Rendered Markdown as the site builder uses it.
struct RenderedDocument: Sendable, Equatable {
    var html: String
    /// HTML before `<!--more-->`, else the first paragraph.
    var summaryHTML: String
    var tableOfContents: String?
    var wordCount: Int
    var readingMinutes: Int
}

/// The one place that calls the Markdown layer.
enum MarkdownAdapter {
    // TEMPORARY until branch md lands: plain cmark-gfm without headings or TOC.
    static func render(_ text: String, settings: MarkdownSettings) -> RenderedDocument {
        var options = CMARK_OPT_DEFAULT
        if settings.smartPunctuation { options |= CMARK_OPT_SMART }
        if settings.rawHTML { options |= CMARK_OPT_UNSAFE }
        if settings.hardBreaks { options |= CMARK_OPT_HARDBREAKS }
        let bytes = Array(text.utf8)
        let pointer = cmark_markdown_to_html(bytes, bytes.count, options)!
        let html = String(cString: pointer)
        free(pointer)
        let summary: String
        if let range = html.range(of: "<!--more-->") {
            summary = String(html[..<range.lowerBound])
        } else if let end = html.range(of: "</p>") {
            summary = String(html[..<end.upperBound])
        } else {
            summary = ""
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).count
        return RenderedDocument(html: html, summaryHTML: summary, tableOfContents: nil, wordCount: words,
            readingMinutes: max(1, (words + 199) / 200))
    }
}

import Foundation
