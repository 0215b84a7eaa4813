/// Finds `url(...)` and `@import "..."` references in CSS, skipping comments and other strings.
enum CSSScanner {
    private static let url = Array("url(".utf8)
    private static let importRule = Array("@import".utf8)

    /// Scans `s[range]`; offsets in the results are `offsetBase + index into s`.
    static func scan(
        _ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, offsetBase: Int = 0,
        lines: (Int) -> Int, into refs: inout [FoundReference]
    ) {
        var i = range.lowerBound
        let end = range.upperBound
        func add(_ start: Int, _ stop: Int) {
            let value = Bytes.trimmed(Array(s[start..<max(start, stop)])[...])
            refs.append(FoundReference(value: Array(value), offset: offsetBase + start, line: lines(offsetBase + start)))
        }
        /// After optional spaces, records a quoted string as a reference and moves past it.
        func takeQuotedString() -> Bool {
            while i < end, Bytes.isSpace(s[i]) { i += 1 }
            guard i < end, s[i] == Bytes.quote || s[i] == Bytes.apostrophe else { return false }
            let close = stringEnd(s, from: i, end: end)
            add(i + 1, close)
            i = close + 1
            return true
        }
        while i < end {
            let c = s[i]
            if c == Bytes.slash, i + 1 < end, s[i + 1] == UInt8(ascii: "*") {
                var j = i + 2
                while j + 1 < end, !(s[j] == UInt8(ascii: "*") && s[j + 1] == Bytes.slash) { j += 1 }
                i = j + 2
            } else if c == Bytes.quote || c == Bytes.apostrophe {
                i = stringEnd(s, from: i, end: end) + 1
            } else if Bytes.lower(c) == UInt8(ascii: "u"), i + 4 <= end, Bytes.matches(caseInsensitive: url, in: s, at: i),
                      i == range.lowerBound || !isIdentifierByte(s[i - 1]) {
                i += 4
                if !takeQuotedString() {
                    let start = i
                    while i < end, s[i] != UInt8(ascii: ")") { i += 1 }
                    add(start, i)
                }
                while i < end, s[i] != UInt8(ascii: ")") { i += 1 }
                i += 1
            } else if c == UInt8(ascii: "@"), i + 7 <= end, Bytes.matches(caseInsensitive: importRule, in: s, at: i) {
                i += 7
                _ = takeQuotedString()
                // `@import url(...)` is picked up by the url( branch on the next iterations.
            } else {
                i += 1
            }
        }
    }

    /// Index of the quote closing the string opened at `start` (or `end`), honouring backslash escapes.
    private static func stringEnd(_ s: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int {
        let q = s[start]
        var j = start + 1
        while j < end, s[j] != q {
            if s[j] == UInt8(ascii: "\\") { j += 1 }
            j += 1
        }
        return min(j, end)
    }

    private static func isIdentifierByte(_ b: UInt8) -> Bool {
        Bytes.isAlpha(b) || Bytes.isDigit(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_") || b >= 0x80
    }
}
