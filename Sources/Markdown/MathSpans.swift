import HTMLEscaping

/// TeX math in Markdown source (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), taken out before cmark-gfm
/// parses it: each span becomes a placeholder (two private-use characters around its number)
/// that cmark passes through untouched, so backslashes, `&`, `_`, `*` and `|` reach KaTeX as
/// written. `MathNodes` turns the placeholders back into math, or into the original text where
/// they landed in code, raw HTML or a link.
///
/// Code blocks and code spans are skipped, so `$HOME` in a shell snippet stays text; `\$` is an
/// escaped dollar. As in Pandoc, an inline `$` opens only before a non-space and closes only
/// after a non-space and not before a digit, so "$5 and $10" is not math.
struct MathSpans {
    /// One span of math.
    struct Span {
        /// The TeX between the delimiters.
        let tex: String
        /// `$$…$$` and `\[…\]`: set on a line of its own.
        let display: Bool
        /// The span as written, delimiters included.
        let original: [UInt8]

        /// What its element starts with; `</span>` ends it.
        var openingTag: String { display ? "<span class=\"math math-display\">" : "<span class=\"math math-inline\">" }
    }

    /// The placeholder's opening and closing characters, which the source does not contain.
    let open: [UInt8]
    let close: [UInt8]
    /// The source with every span replaced by its placeholder.
    let markdown: String
    let spans: [Span]

    /// The spans of `source`; nil when it has none.
    init?(in source: String) {
        let bytes = Array(source.utf8)
        guard bytes.contains(UInt8(ascii: "$")) || bytes.contains(UInt8(ascii: "\\")) else { return nil }
        var scanner = Scanner(bytes: bytes)
        scanner.scanBlocks()
        guard !scanner.found.isEmpty else { return nil }
        // U+E000 and the character after it, or the first such pair of the private-use area the source does not use.
        var first: UInt32 = 0xE000
        while Self.contains(bytes, Self.utf8(first)) { first += 2 }
        open = Self.utf8(first)
        close = Self.utf8(first + 1)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var spans: [Span] = []
        for (range, tex, display) in scanner.found {
            out += bytes[copied..<range.lowerBound]
            out += open + Array(String(spans.count).utf8) + close
            spans.append(Span(tex: Self.unquoted(tex), display: display, original: Array(bytes[range])))
            copied = range.upperBound
        }
        out += bytes[copied...]
        markdown = String(decoding: out, as: UTF8.self)
        self.spans = spans
    }

    /// `html` with every placeholder cmark wrote as text turned into its math element.
    func fill(_ html: String) -> String {
        var out: [UInt8] = []
        forEachPiece(of: Array(html.utf8)) { piece in
            switch piece {
            case .text(let bytes): out += bytes
            case .span(let span, _): out += Array(Self.element(span).utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The HTML element of one span; its TeX escaped as cmark escapes text.
    static func element(_ span: Span) -> String { span.openingTag + HTMLEscaper.escape(span.tex, .cmark) + "</span>" }

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

    /// TeX that ran over several lines of a block quote, without the `>` markers of its later lines.
    private static func unquoted(_ tex: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(tex.count)
        var atLineStart = false
        for byte in tex {
            if byte == UInt8(ascii: "\n") {
                atLineStart = true
            } else if atLineStart, byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                continue
            } else {
                atLineStart = false
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func utf8(_ scalar: UInt32) -> [UInt8] { Array(String(Unicode.Scalar(scalar)!).utf8) }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == needle[0] && needle.indices.allSatisfy { haystack[start + $0] == needle[$0] }
        }
    }
}

/// Finds the spans: blocks first (fenced code is skipped; paragraphs are runs of lines without a
/// blank one), then math inside each paragraph run.
private struct Scanner {
    let bytes: [UInt8]
    private(set) var found: [(range: Range<Int>, tex: ArraySlice<UInt8>, display: Bool)] = []

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func scanBlocks() {
        var fence: (marker: UInt8, length: Int)?
        var runStart: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let content = contentStart(lineStart, lineEnd)
            if let open = fence {
                if closesFence(open, content, lineEnd) { fence = nil }
            } else if let opened = opensFence(content, lineEnd) {
                if let start = runStart { scanInline(start..<lineStart) }
                runStart = nil
                fence = opened
            } else if content == lineEnd {
                if let start = runStart { scanInline(start..<lineStart) }
                runStart = nil
            } else if runStart == nil {
                runStart = lineStart
            }
            lineStart = lineEnd + 1
        }
        if let start = runStart { scanInline(start..<bytes.count) }
    }

    /// Where a line's text starts after indentation, block-quote markers and a list marker.
    private func contentStart(_ start: Int, _ end: Int) -> Int {
        var i = start
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: ">"):
                i += 1
            case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
                guard i + 1 < end, bytes[i + 1] == UInt8(ascii: " ") else { return i }
                i += 2
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i
                while j < end, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]) { j += 1 }
                guard j + 1 < end, bytes[j] == UInt8(ascii: ".") || bytes[j] == UInt8(ascii: ")"), bytes[j + 1] == UInt8(ascii: " ") else { return i }
                i = j + 2
            default:
                return i
            }
        }
        return i
    }

    private func run(of marker: UInt8, from start: Int, _ end: Int) -> Int {
        var i = start
        while i < end, bytes[i] == marker { i += 1 }
        return i - start
    }

    private func opensFence(_ start: Int, _ end: Int) -> (marker: UInt8, length: Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "`") || bytes[start] == UInt8(ascii: "~") else { return nil }
        let marker = bytes[start]
        let length = run(of: marker, from: start, end)
        guard length >= 3 else { return nil }
        // A backtick fence's info string has no backtick (else it is a code span).
        if marker == UInt8(ascii: "`"), bytes[(start + length)..<end].contains(marker) { return nil }
        return (marker, length)
    }

    private func closesFence(_ fence: (marker: UInt8, length: Int), _ start: Int, _ end: Int) -> Bool {
        let length = run(of: fence.marker, from: start, end)
        return length >= fence.length && bytes[(start + length)..<end].allSatisfy(Self.isSpace)
    }

    /// Math in one run of paragraph lines, skipping code spans and escaped characters.
    private mutating func scanInline(_ range: Range<Int>) {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                if i + 1 < end, bytes[i + 1] == UInt8(ascii: "(") || bytes[i + 1] == UInt8(ascii: "[") {
                    let display = bytes[i + 1] == UInt8(ascii: "[")
                    let closer = [UInt8(ascii: "\\"), display ? UInt8(ascii: "]") : UInt8(ascii: ")")]
                    if let j = find(closer, from: i + 2, end), hasText(i + 2, j) {
                        found.append((i..<(j + 2), bytes[(i + 2)..<j], display))
                        i = j + 2
                        continue
                    }
                }
                i += 2
            case UInt8(ascii: "`"):
                let length = run(of: UInt8(ascii: "`"), from: i, end)
                i = closingBackticks(length, from: i + length, end).map { $0 + length } ?? i + length
            case UInt8(ascii: "$"):
                if i + 1 < end, bytes[i + 1] == UInt8(ascii: "$") {
                    if let j = closingDollars(from: i + 2, end), hasText(i + 2, j) {
                        found.append((i..<(j + 2), bytes[(i + 2)..<j], true))
                        i = j + 2
                    } else {
                        i += 2
                    }
                } else if let j = closingDollar(after: i, end) {
                    found.append((i..<(j + 1), bytes[(i + 1)..<j], false))
                    i = j + 1
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
    }

    /// The closing `$` of an inline span opened at `open`.
    private func closingDollar(after open: Int, _ end: Int) -> Int? {
        guard open + 1 < end, !Self.isSpace(bytes[open + 1]) else { return nil }
        var j = open + 1
        while j < end {
            if bytes[j] == UInt8(ascii: "\\") {
                j += 2
                continue
            }
            if bytes[j] == UInt8(ascii: "$"), j > open + 1, !Self.isSpace(bytes[j - 1]),
               !(j + 1 < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j + 1])) {
                return j
            }
            j += 1
        }
        return nil
    }

    /// The closing `$$` of a display span, skipping escaped characters.
    private func closingDollars(from start: Int, _ end: Int) -> Int? {
        var j = start
        while j + 1 < end {
            if bytes[j] == UInt8(ascii: "\\") {
                j += 2
                continue
            }
            if bytes[j] == UInt8(ascii: "$"), bytes[j + 1] == UInt8(ascii: "$") { return j }
            j += 1
        }
        return nil
    }

    /// Where a run of exactly `length` backticks starts, closing a code span.
    private func closingBackticks(_ length: Int, from start: Int, _ end: Int) -> Int? {
        var j = start
        while j < end {
            guard bytes[j] == UInt8(ascii: "`") else {
                j += 1
                continue
            }
            let found = run(of: UInt8(ascii: "`"), from: j, end)
            if found == length { return j }
            j += found
        }
        return nil
    }

    private func find(_ needle: [UInt8], from start: Int, _ end: Int) -> Int? {
        var j = start
        while j + needle.count <= end {
            if bytes[j] == needle[0], bytes[j + 1] == needle[1] { return j }
            j += 1
        }
        return nil
    }

    private func hasText(_ start: Int, _ end: Int) -> Bool { start < end && !bytes[start..<end].allSatisfy(Self.isSpace) }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
