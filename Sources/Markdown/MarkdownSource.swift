/// A Markdown document with what must be taken out before cmark-gfm parses it, found outside
/// code blocks and code spans: TeX math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`), so backslashes,
/// `&`, `_`, `*` and `|` reach KaTeX as written, and shortcodes (`{{< name … >}}`), which the
/// program rendering the document turns into HTML (`ShortcodeOutput`).
///
/// As in Pandoc, an inline `$` opens only before a non-space and closes only after a non-space
/// and not before a digit, so "$5 and $10" is not math; `\$` is an escaped dollar.
/// `{{</* name */>}}` writes a shortcode literally.
public struct MarkdownSource: Sendable {
    /// The document as given.
    public let text: String
    /// Its shortcodes, in document order; `render` takes one output for each.
    public let shortcodes: [Shortcode]
    /// What was found, by byte range of `text`, in order.
    let found: [Found]

    enum Found: Sendable {
        case math(range: Range<Int>, tex: String, display: Bool)
        /// `shortcodes[index]`, over both its tags when paired.
        case shortcode(range: Range<Int>, index: Int)
        /// Text to put in place of the range before parsing (an escaped shortcode).
        case literal(range: Range<Int>, text: String)

        var range: Range<Int> {
            switch self {
            case .math(let range, _, _), .shortcode(let range, _), .literal(let range, _): range
            }
        }
    }

    /// `text` with nothing to take out.
    init(plain text: String) {
        self.text = text
        shortcodes = []
        found = []
    }

    /// Finds math (when `math`) and shortcodes (when `shortcodes`) in `text`.
    public init(_ text: String, math: Bool, shortcodes: Bool) throws(ShortcodeSyntaxError) {
        self.text = text
        let bytes = Array(text.utf8)
        guard (math && (bytes.contains(UInt8(ascii: "$")) || bytes.contains(UInt8(ascii: "\\"))))
            || (shortcodes && bytes.contains(UInt8(ascii: "{"))) else {
            self.shortcodes = []
            found = []
            return
        }
        var scanner = SourceScanner(bytes: bytes, math: math, shortcodes: shortcodes)
        try scanner.scanBlocks()
        let paired = try ShortcodePairing.pair(scanner.tags, bytes: bytes)
        self.shortcodes = paired.map(\.shortcode)
        // Math inside a paired shortcode belongs to its inner text.
        var found: [Found] = scanner.math.filter { math in !paired.contains { $0.range.contains(math.range.lowerBound) } }
        found += paired.indices.map { .shortcode(range: paired[$0].range, index: $0) }
        found += scanner.literals
        self.found = found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A shortcode tag as found: `{{< name args >}}` or a closing `{{< /name >}}`.
struct ShortcodeTag {
    let range: Range<Int>
    let name: String
    let closing: Bool
    let markdown: Bool
    let positional: [String]
    let named: [String: String]
    let line: Int
    let column: Int
}

/// Finds math and shortcode tags: blocks first (fenced code is skipped; paragraphs are runs of
/// lines without a blank one), then inside each run, skipping code spans and escapes.
struct SourceScanner {
    let bytes: [UInt8]
    let findMath: Bool
    let findShortcodes: Bool
    private(set) var math: [MarkdownSource.Found] = []
    private(set) var tags: [ShortcodeTag] = []
    private(set) var literals: [MarkdownSource.Found] = []
    /// Byte offsets where each line starts, for line:column.
    private(set) var lineStarts: [Int] = [0]

    init(bytes: [UInt8], math: Bool, shortcodes: Bool) {
        self.bytes = bytes
        findMath = math
        findShortcodes = shortcodes
    }

    mutating func scanBlocks() throws(ShortcodeSyntaxError) {
        var fence: (marker: UInt8, length: Int)?
        var runStart: Int?
        var lineStart = 0
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            if lineEnd < bytes.count { lineStarts.append(lineEnd + 1) }
            let content = contentStart(lineStart, lineEnd)
            if let open = fence {
                if closesFence(open, content, lineEnd) { fence = nil }
            } else if let opened = opensFence(content, lineEnd) {
                if let start = runStart { try scanInline(start..<lineStart) }
                runStart = nil
                fence = opened
            } else if content == lineEnd {
                if let start = runStart { try scanInline(start..<lineStart) }
                runStart = nil
            } else if runStart == nil {
                runStart = lineStart
            }
            lineStart = lineEnd + 1
        }
        if let start = runStart { try scanInline(start..<bytes.count) }
    }

    /// 1-based line and column of byte `offset`.
    static func position(of offset: Int, lines: [Int]) -> (line: Int, column: Int) {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lines[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lines[low] + 1)
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
                while j < end, Self.isDigit(bytes[j]) { j += 1 }
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

    /// Math and shortcode tags in one run of paragraph lines.
    private mutating func scanInline(_ range: Range<Int>) throws(ShortcodeSyntaxError) {
        let end = range.upperBound
        var i = range.lowerBound
        while i < end {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                if findMath, i + 1 < end, bytes[i + 1] == UInt8(ascii: "(") || bytes[i + 1] == UInt8(ascii: "[") {
                    let display = bytes[i + 1] == UInt8(ascii: "[")
                    let closer = [UInt8(ascii: "\\"), display ? UInt8(ascii: "]") : UInt8(ascii: ")")]
                    if let j = findSequence(closer, from: i + 2, end), hasText(i + 2, j) {
                        addMath(i..<(j + 2), tex: (i + 2)..<j, display: display)
                        i = j + 2
                        continue
                    }
                }
                i += 2
            case UInt8(ascii: "`"):
                let length = run(of: UInt8(ascii: "`"), from: i, end)
                i = closingBackticks(length, from: i + length, end).map { $0 + length } ?? i + length
            case UInt8(ascii: "$") where findMath:
                if i + 1 < end, bytes[i + 1] == UInt8(ascii: "$") {
                    if let j = closingDollars(from: i + 2, end), hasText(i + 2, j) {
                        addMath(i..<(j + 2), tex: (i + 2)..<j, display: true)
                        i = j + 2
                    } else {
                        i += 2
                    }
                } else if let j = closingDollar(after: i, end) {
                    addMath(i..<(j + 1), tex: (i + 1)..<j, display: false)
                    i = j + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "{") where findShortcodes:
                guard i + 2 < end, bytes[i + 1] == UInt8(ascii: "{"), bytes[i + 2] == UInt8(ascii: "<") || bytes[i + 2] == UInt8(ascii: "%") else {
                    i += 1
                    continue
                }
                i = try scanTag(at: i, end)
            default:
                i += 1
            }
        }
    }

    private mutating func addMath(_ range: Range<Int>, tex: Range<Int>, display: Bool) {
        math.append(.math(range: range, tex: Self.unquoted(bytes[tex]), display: display))
    }

    /// One `{{< … >}}` or `{{% … %}}` tag starting at `start`; returns where scanning goes on.
    private mutating func scanTag(at start: Int, _ end: Int) throws(ShortcodeSyntaxError) -> Int {
        let sigil = bytes[start + 2]
        let (line, column) = Self.position(of: start, lines: lineStarts)
        func fail(_ reason: String, at offset: Int? = nil) -> ShortcodeSyntaxError {
            let (line, column) = offset.map { Self.position(of: $0, lines: lineStarts) } ?? (line, column)
            return ShortcodeSyntaxError(line: line, column: column, reason: reason)
        }
        let closer = [sigil == UInt8(ascii: "<") ? UInt8(ascii: ">") : sigil, UInt8(ascii: "}"), UInt8(ascii: "}")]
        var i = start + 3
        skipSpaces(&i, end)
        // {{</* name */>}}: the tag written out, for posts about shortcodes.
        if i + 1 < end, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "*") {
            guard let close = findSequence([UInt8(ascii: "*"), UInt8(ascii: "/")], from: i + 2, end),
                  let tagEnd = findSequence(closer, from: close + 2, end) else {
                throw fail("a {{\(Character(Unicode.Scalar(sigil)))/* … */ shortcode comment is not closed with */\(String(decoding: closer, as: UTF8.self))")
            }
            let inside = String(decoding: bytes[(i + 2)..<close], as: UTF8.self)
            let text = "{{\(Character(Unicode.Scalar(sigil)))\(inside)\(String(decoding: closer, as: UTF8.self))"
            literals.append(.literal(range: start..<(tagEnd + 3), text: text))
            return tagEnd + 3
        }
        let closing = i < end && bytes[i] == UInt8(ascii: "/")
        if closing { i += 1 }
        skipSpaces(&i, end)
        let nameStart = i
        while i < end, Self.isNameByte(bytes[i]) { i += 1 }
        guard i > nameStart else { throw fail("a shortcode needs a name after {{\(Character(Unicode.Scalar(sigil))), such as {{< figure src=\"photo.jpg\" >}}", at: nameStart) }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        var positional: [String] = []
        var named: [String: String] = [:]
        while true {
            skipSpaces(&i, end)
            guard i < end else { throw fail("shortcode '\(name)' is not closed with \(String(decoding: closer, as: UTF8.self))") }
            if findSequence(closer, from: i, i + 3 <= end ? i + 3 : end) == i {
                tags.append(ShortcodeTag(range: start..<(i + 3), name: name, closing: closing, markdown: sigil == UInt8(ascii: "%"),
                    positional: positional, named: named, line: line, column: column))
                return i + 3
            }
            if closing { throw fail("a closing shortcode tag takes no arguments: {{< /\(name) >}}", at: i) }
            let argumentStart = i
            let first = try value(&i, end, name: name, fail)
            if i < end, bytes[i] == UInt8(ascii: "="), case .bare(let key) = first {
                i += 1
                let argument = try value(&i, end, name: name, fail).text
                guard named[key] == nil else { throw fail("shortcode '\(name)' has '\(key)' twice", at: argumentStart) }
                named[key] = argument
            } else {
                positional.append(first.text)
            }
        }
    }

    private enum Value {
        case bare(String)
        case quoted(String)
        var text: String {
            switch self { case .bare(let text), .quoted(let text): text }
        }
    }

    /// One argument word: `"quoted \" text"`, `` `raw` ``, or a bare word up to a space, `=` or the tag's end.
    private func value(_ i: inout Int, _ end: Int, name: String, _ fail: (String, Int?) -> ShortcodeSyntaxError) throws(ShortcodeSyntaxError) -> Value {
        let start = i
        if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "`") {
            let quote = bytes[i]
            var out: [UInt8] = []
            i += 1
            while i < end, bytes[i] != quote {
                if quote == UInt8(ascii: "\""), bytes[i] == UInt8(ascii: "\\"), i + 1 < end {
                    i += 1
                }
                out.append(bytes[i])
                i += 1
            }
            guard i < end else { throw fail("an argument of shortcode '\(name)' opens a quote that is never closed", start) }
            i += 1
            return .quoted(String(decoding: out, as: UTF8.self))
        }
        while i < end, !Self.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="),
              !(bytes[i] == UInt8(ascii: ">") || bytes[i] == UInt8(ascii: "%")) || i + 2 >= end || bytes[i + 1] != UInt8(ascii: "}") {
            i += 1
        }
        guard i > start else { throw fail("shortcode '\(name)' has an argument with nothing before '='", start) }
        return .bare(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    private func skipSpaces(_ i: inout Int, _ end: Int) {
        while i < end, Self.isSpace(bytes[i]) { i += 1 }
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
            if bytes[j] == UInt8(ascii: "$"), j > open + 1, !Self.isSpace(bytes[j - 1]), !(j + 1 < end && Self.isDigit(bytes[j + 1])) {
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

    private func findSequence(_ needle: [UInt8], from start: Int, _ end: Int) -> Int? {
        var j = start
        while j + needle.count <= end {
            if bytes[j] == needle[0], needle.indices.allSatisfy({ bytes[j + $0] == needle[$0] }) { return j }
            j += 1
        }
        return nil
    }

    private func hasText(_ start: Int, _ end: Int) -> Bool { start < end && !bytes[start..<end].allSatisfy(Self.isSpace) }

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

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}

/// Matches closing tags with the nearest open tag of the same name; an open tag never closed is
/// a single one. Shortcodes inside a paired one's inner text are left to whoever renders it.
enum ShortcodePairing {
    static func pair(_ tags: [ShortcodeTag], bytes: [UInt8]) throws(ShortcodeSyntaxError) -> [(range: Range<Int>, shortcode: Shortcode)] {
        var result: [(range: Range<Int>, shortcode: Shortcode)] = []
        var open: [(tag: ShortcodeTag, slot: Int)] = []
        for tag in tags {
            guard tag.closing else {
                open.append((tag, result.count))
                result.append((tag.range, shortcode(tag, inner: nil)))
                continue
            }
            guard let match = open.lastIndex(where: { $0.tag.name == tag.name }) else {
                throw ShortcodeSyntaxError(line: tag.line, column: tag.column, reason: "{{< /\(tag.name) >}} closes a shortcode that was never opened")
            }
            let opening = open[match]
            let inner = String(decoding: bytes[opening.tag.range.upperBound..<tag.range.lowerBound], as: UTF8.self)
            result[opening.slot] = (opening.tag.range.lowerBound..<tag.range.upperBound, shortcode(opening.tag, inner: inner))
            open.removeSubrange(match...)
        }
        var kept: [(range: Range<Int>, shortcode: Shortcode)] = []
        for entry in result where entry.range.lowerBound >= (kept.last?.range.upperBound ?? 0) { kept.append(entry) }
        return kept
    }

    private static func shortcode(_ tag: ShortcodeTag, inner: String?) -> Shortcode {
        Shortcode(name: tag.name, positional: tag.positional, named: tag.named, inner: inner, innerIsMarkdown: tag.markdown,
            line: tag.line, column: tag.column)
    }
}
