import CCmarkGFM
import Glibc
import Highlight
import HTMLEscaping

/// Renders GitHub-flavoured Markdown to HTML with heading anchors, a table of contents,
/// a summary and a word count. Safe to use from many threads at once.
public struct MarkdownRenderer: Sendable {
    /// The options every `render` call uses.
    public let options: MarkdownOptions

    /// Creates a renderer with the given options.
    public init(options: MarkdownOptions = .init()) {
        self.options = options
    }

    private var cmarkOptions: Int32 {
        var bits = CMARK_OPT_FOOTNOTES
        if options.smartPunctuation { bits |= CMARK_OPT_SMART }
        if options.rawHTML { bits |= CMARK_OPT_UNSAFE }
        if options.hardBreaks { bits |= CMARK_OPT_HARDBREAKS }
        return bits
    }

    /// Renders one Markdown document; each call uses its own cmark parser. Shortcodes stay text.
    public func render(_ markdown: String) -> RenderedMarkdown {
        // Without shortcodes, finding math cannot fail.
        render((try? MarkdownSource(markdown, math: options.math, shortcodes: false)) ?? MarkdownSource(plain: markdown), shortcodes: [])
    }

    /// Renders `source`, whose shortcodes become `shortcodes` (one for each, in order).
    public func render(_ source: MarkdownSource, shortcodes: [ShortcodeOutput]) -> RenderedMarkdown {
        let markdown = source.text
        let cmarkOptions = self.cmarkOptions
        guard let parser = cmark_parser_new(cmarkOptions) else {
            fatalError("cmark-gfm could not allocate a parser")
        }
        defer { cmark_parser_free(parser) }
        let extensions = CmarkExtensions.shared
        for ext in extensions.common {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        let tagFilter = options.tagFilter ?? !options.rawHTML
        if tagFilter { cmark_parser_attach_syntax_extension(parser, extensions.tagFilter) }
        // Strikethrough goes only to documents that can use it; see CmarkExtensions for why.
        let placeholders = Placeholders(source, outputs: shortcodes)
        var source = placeholders?.markdown ?? markdown
        let hasTilde = source.withUTF8 { bytes -> Bool in
            guard let base = bytes.baseAddress else { return false }
            let hasTilde = memchr(base, 0x7E, bytes.count) != nil
            if hasTilde { cmark_parser_attach_syntax_extension(parser, extensions.strikethrough) }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                cmark_parser_feed(parser, $0, bytes.count)
            }
            return hasTilde
        }
        let finished = hasTilde
            ? CmarkExtensions.strikethroughLock.withLock { cmark_parser_finish(parser) }
            : cmark_parser_finish(parser)
        guard let root = finished else {
            fatalError("cmark-gfm returned no document")
        }
        defer { cmark_node_free(root) }

        let leftInText = placeholders.map { PlaceholderNodes.install($0, in: root) } ?? false
        // Without raw HTML there is nothing to escape: it is left out whole.
        let scan = DocumentScan(root: root, tagFilter: tagFilter && options.rawHTML)
        let attached = cmark_parser_get_syntax_extensions(parser)
        // cmark-gfm keeps a footnote's label private; its rendered `<li id="fn-…">` shows it.
        let footnoteLabels = scan.footnoteDefinitions.compactMap {
            Self.footnoteLabel(inHTML: Self.html(of: $0, options: cmarkOptions, extensions: attached))
        }
        let headings = HeadingAnchors.install(scan.headings, footnoteLabels: footnoteLabels, footnoteReferences: scan.footnoteReferenceCount)

        let code = HighlightedCode(scan.fencedCode, highlighter: options.highlighter, source: source)
        var summaryNodes: [OpaquePointer] = []
        if let marker = scan.moreMarker { summaryNodes = MoreMarker.remove(marker, root: root) }
        // The page is rendered before an automatic summary is cut out of its first paragraph.
        var html = code.fill(Self.html(of: root, options: cmarkOptions, extensions: attached))
        if leftInText, let placeholders { html = placeholders.fill(html) }
        if scan.moreMarker == nil, let paragraph = scan.firstParagraph {
            _ = SummaryCut.cut(paragraph, words: options.summaryWords)
            summaryNodes = [paragraph]
        }
        var summary = ""
        var summaryText: [UInt8] = []
        for node in summaryNodes {
            let html = code.fill(Self.html(of: node, options: cmarkOptions, extensions: attached))
            summary += leftInText ? placeholders?.fill(html) ?? html : html
            PlainText.append(node, to: &summaryText)
        }

        var rendered = RenderedMarkdown(
            html: html,
            headings: headings,
            tableOfContents: TableOfContents.html(for: headings),
            summary: summary,
            hasMoreMarker: scan.moreMarker != nil,
            wordCount: scan.wordCount,
            summaryText: PlainText.collapsed(summaryText)
        )
        rendered.escapedTags = scan.escapedTags.sorted()
        return rendered
    }

    /// `note` from a rendered footnote definition `… <li id="fn-note"> …`.
    private static func footnoteLabel(inHTML html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes in
            guard let start = ByteSearch.firstIndex(of: footnoteID, in: bytes) else { return nil }
            let label = start + footnoteID.count
            guard let end = ByteSearch.firstIndex(of: quote, in: bytes, from: label) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[label..<end]), as: UTF8.self)
        }
    }

    private static let footnoteID = Array("id=\"fn-".utf8), quote = Array("\"".utf8)

    private static func html(
        of node: OpaquePointer, options: Int32, extensions: UnsafeMutablePointer<cmark_llist>?
    ) -> String {
        guard let cString = cmark_render_html(node, options, extensions) else { return "" }
        defer { free(cString) }
        return String(cString: cString)
    }
}
