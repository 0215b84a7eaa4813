import Highlight

/// Switches that change how Markdown is turned into HTML.
public struct MarkdownOptions: Sendable, Equatable {
    /// Curly quotes, en/em dashes and ellipses from straight ASCII punctuation.
    public var smartPunctuation: Bool
    /// Pass raw HTML through; when false it is left out of the output.
    public var rawHTML: Bool
    /// Render every soft line break as `<br />`.
    public var hardBreaks: Bool
    /// An automatic summary (the first paragraph, when there is no `<!--more-->`) is cut after this
    /// many words, with an ellipsis; 0 keeps the whole paragraph.
    public var summaryWords: Int
    /// GFM's tag filter: `<script>`, `<iframe>`, `<style>`, `<title>`, `<textarea>`, `<xmp>`,
    /// `<noembed>`, `<noframes>`, `<plaintext>` in raw HTML are escaped. nil: on when raw HTML is off,
    /// off when it is on (the author asked for their HTML, embeds included).
    public var tagFilter: Bool?
    /// TeX between `$…$`, `$$…$$`, `\(…\)` or `\[…\]` becomes `<span class="math math-inline">`
    /// (or `math-display`) holding the TeX as written, for KaTeX to render in the browser.
    public var math: Bool
    /// Colours fenced code blocks whose language it knows; nil leaves every block plain.
    public var highlighter: Highlighter?

    /// Creates options; the defaults suit a blog: smart punctuation on, raw HTML off, soft breaks.
    public init(smartPunctuation: Bool = true, rawHTML: Bool = false, hardBreaks: Bool = false, summaryWords: Int = 0,
                tagFilter: Bool? = nil, math: Bool = false, highlighter: Highlighter? = nil) {
        self.math = math
        self.smartPunctuation = smartPunctuation
        self.rawHTML = rawHTML
        self.hardBreaks = hardBreaks
        self.summaryWords = summaryWords
        self.highlighter = highlighter
        self.tagFilter = tagFilter
    }
}
