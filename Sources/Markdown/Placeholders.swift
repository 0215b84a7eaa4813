import HTMLEscaping

/// The text cmark-gfm parses: each span of math or shortcode HTML in the source replaced by a
/// placeholder (two private-use characters around its number) that cmark passes through
/// untouched. `PlaceholderNodes` puts the spans back into the parsed document.
struct Placeholders {
    enum Payload {
        case math(tex: String, display: Bool)
        case html(String)
    }

    struct Span {
        let payload: Payload
        /// The span as written, delimiters included.
        let original: [UInt8]
    }

    /// The placeholder's opening and closing characters, which the source does not contain.
    let open: [UInt8]
    let close: [UInt8]
    /// The source with every span replaced by its placeholder, and shortcodes that give Markdown by it.
    let markdown: String
    let spans: [Span]

    /// The placeholders of `source`, whose shortcodes became `outputs`; nil when it has nothing to replace.
    init?(_ source: MarkdownSource, outputs: [ShortcodeOutput]) {
        guard !source.found.isEmpty else { return nil }
        let bytes = Array(source.text.utf8)
        // U+E000 and the character after it, or the first such pair of the private-use area the source does not use.
        var first: UInt32 = 0xE000
        while ByteSearch.contains(Self.utf8(first), in: bytes) { first += 2 }
        open = Self.utf8(first)
        close = Self.utf8(first + 1)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var spans: [Span] = []
        for found in source.found {
            let range = found.range
            out += bytes[copied..<range.lowerBound]
            copied = range.upperBound
            let payload: Payload
            switch found {
            case .math(_, let tex, let display):
                payload = .math(tex: tex, display: display)
            case .shortcode(_, let index):
                switch index < outputs.count ? outputs[index] : .html("") {
                case .html(let html): payload = .html(html)
                case .markdown(let text):
                    out += text.utf8
                    continue
                }
            case .literal(_, let text):
                // Written exactly, smart punctuation or not.
                payload = .html(HTMLEscaper.escape(text, .cmark))
            }
            out += open + Array(String(spans.count).utf8) + close
            spans.append(Span(payload: payload, original: Array(bytes[range])))
        }
        out += bytes[copied...]
        markdown = String(decoding: out, as: UTF8.self)
        self.spans = spans
    }

    /// The element math becomes: what it starts with; `</span>` ends it.
    static func openingTag(display: Bool) -> String {
        display ? "<span class=\"math math-display\">" : "<span class=\"math math-inline\">"
    }

    /// `html` with every placeholder cmark wrote as text turned into its HTML.
    func fill(_ html: String) -> String {
        var out: [UInt8] = []
        forEachPiece(of: Array(html.utf8)) { piece in
            switch piece {
            case .text(let bytes): out += bytes
            case .span(let span, _):
                switch span.payload {
                case .math(let tex, let display): out += Array((Self.openingTag(display: display) + HTMLEscaper.escape(tex, .cmark) + "</span>").utf8)
                case .html(let html): out += Array(html.utf8)
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    enum Piece {
        case text(ArraySlice<UInt8>)
        /// A span and its placeholder's bytes.
        case span(Span, ArraySlice<UInt8>)
    }

    /// Walks `bytes`, handing over text and, for each well-formed placeholder, its span.
    func forEachPiece(of bytes: [UInt8], _ body: (Piece) -> Void) {
        var copied = 0
        var i = 0
        while i + open.count <= bytes.count {
            guard bytes[i..<(i + open.count)].elementsEqual(open) else {
                i += 1
                continue
            }
            var j = i + open.count
            var number = 0
            while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), number < spans.count {
                number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                j += 1
            }
            guard j > i + open.count, number < spans.count, j + close.count <= bytes.count,
                  bytes[j..<(j + close.count)].elementsEqual(close) else {
                i += 1
                continue
            }
            if copied < i { body(.text(bytes[copied..<i])) }
            body(.span(spans[number], bytes[i..<(j + close.count)]))
            i = j + close.count
            copied = i
        }
        if copied < bytes.count { body(.text(bytes[copied...])) }
    }

    private static func utf8(_ scalar: UInt32) -> [UInt8] { Array(String(Unicode.Scalar(scalar)!).utf8) }
}
