/// One heading of a rendered document.
public struct Heading: Sendable, Equatable {
    /// 1 through 6.
    public let level: Int
    /// The heading's visible text, without markup.
    public let text: String
    /// The unique `id` attribute given to the heading.
    public let id: String

    /// Creates a heading record.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A Markdown document rendered to HTML, with what templates need to know about it.
public struct RenderedMarkdown: Sendable {
    /// The full body HTML.
    public let html: String
    /// Every heading, in document order.
    public let headings: [Heading]
    /// A nested `<nav class="toc"><ol>…</ol></nav>`; nil when the document has fewer than two headings.
    public let tableOfContents: String?
    /// HTML of everything before `<!--more-->` when present, else of the first paragraph.
    public let summary: String
    /// Whether the document contains a `<!--more-->` marker.
    public let hasMoreMarker: Bool
    /// Number of words of visible text (code included, markup excluded).
    public let wordCount: Int
    /// Plain text of the summary (no markup), for meta descriptions and feeds.
    public let summaryText: String
    /// Tags of raw HTML that the tag filter escaped (`iframe`, `script`), sorted, once each.
    public var escapedTags: [String] = []

    /// Estimated reading time at 200 words a minute, at least one minute.
    public var readingMinutes: Int { max(1, (wordCount + 199) / 200) }

    /// Creates a rendered document.
    public init(
        html: String, headings: [Heading], tableOfContents: String?, summary: String,
        hasMoreMarker: Bool, wordCount: Int, summaryText: String = ""
    ) {
        self.html = html
        self.headings = headings
        self.tableOfContents = tableOfContents
        self.summary = summary
        self.hasMoreMarker = hasMoreMarker
        self.wordCount = wordCount
        self.summaryText = summaryText
    }
}
