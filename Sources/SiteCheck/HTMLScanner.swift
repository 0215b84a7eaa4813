/// A small HTML tokenizer on bytes that collects URL-bearing attributes and fragment targets.
///
/// References come from `href` (except on `<base>`), `src`, `poster`, every `srcset` candidate,
/// `<meta http-equiv="refresh" content="0; url=…">`, and CSS `url()`/`@import` inside `style`
/// attributes and `<style>` elements. Comments, `<script>`, `<textarea>` and `<title>` contents
/// are skipped.
enum HTMLScanner {
    private struct Attribute {
        let name: [UInt8]
        let value: Range<Int>
    }

    private static let rawTextElements: [[UInt8]] = ["script", "style", "textarea", "title"].map { Array($0.utf8) }
    private static let commentOpen = Array("!--".utf8), commentClose = Array("-->".utf8)

    static func scan(_ s: UnsafeBufferPointer<UInt8>) -> ScannedFile {
        var out = ScannedFile()
        var lines = LineCounter(s)
        let n = s.count
        var i = 0
        while let lt = Bytes.find(Bytes.lt, in: s, from: i) {
            i = lt + 1
            guard i < n else { break }
            let c = s[i]
            if c == UInt8(ascii: "!") {
                if Bytes.matches(caseInsensitive: commentOpen, in: s, at: i) {
                    i = (Bytes.find(caseInsensitive: commentClose, in: s, from: i + 3).map { $0 + 3 }) ?? n
                } else {
                    i = (Bytes.find(Bytes.gt, in: s, from: i).map { $0 + 1 }) ?? n
                }
                continue
            }
            if c == Bytes.slash || c == Bytes.question {
                i = (Bytes.find(Bytes.gt, in: s, from: i).map { $0 + 1 }) ?? n
                continue
            }
            guard Bytes.isAlpha(c) else { continue }

            let nameStart = i
            while i < n, !Bytes.isSpace(s[i]), s[i] != Bytes.gt, s[i] != Bytes.slash { i += 1 }
            let tag = s[nameStart..<i].map(Bytes.lower)
            var attributes: [Attribute] = []
            (i, attributes) = parseAttributes(s, from: i)
            record(tag: tag, attributes, in: s, lines: &lines, into: &out)

            if rawTextElements.contains(tag) {
                let close = Bytes.find(caseInsensitive: [Bytes.lt, Bytes.slash] + tag, in: s, from: i) ?? n
                if tag == rawTextElements[1] {
                    CSSScanner.scan(s, i..<close, lines: { lines.line(at: $0) }, into: &out.references)
                }
                i = close
            }
        }
        return out
    }

    /// Parses attributes up to and including the tag's closing `>`.
    private static func parseAttributes(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, [Attribute]) {
        let n = s.count
        var i = start
        var attributes: [Attribute] = []
        while true {
            while i < n, Bytes.isSpace(s[i]) || s[i] == Bytes.slash { i += 1 }
            guard i < n, s[i] != Bytes.gt else { return (min(i + 1, n), attributes) }
            let nameStart = i
            i += 1  // a name is at least one byte, even a stray `=`
            while i < n, !Bytes.isSpace(s[i]), s[i] != Bytes.gt, s[i] != Bytes.slash, s[i] != Bytes.equals { i += 1 }
            let name = s[nameStart..<i].map(Bytes.lower)
            var j = i
            while j < n, Bytes.isSpace(s[j]) { j += 1 }
            guard j < n, s[j] == Bytes.equals else {
                attributes.append(Attribute(name: name, value: i..<i))
                continue
            }
            i = j + 1
            while i < n, Bytes.isSpace(s[i]) { i += 1 }
            if i < n, s[i] == Bytes.quote || s[i] == Bytes.apostrophe {
                let close = Bytes.find(s[i], in: s, from: i + 1) ?? n
                attributes.append(Attribute(name: name, value: (i + 1)..<close))
                i = min(close + 1, n)
            } else {
                let valueStart = i
                while i < n, !Bytes.isSpace(s[i]), s[i] != Bytes.gt { i += 1 }
                attributes.append(Attribute(name: name, value: valueStart..<i))
            }
        }
    }

    private static let href = Array("href".utf8), src = Array("src".utf8), poster = Array("poster".utf8)
    private static let srcset = Array("srcset".utf8), style = Array("style".utf8), id = Array("id".utf8)
    private static let name = Array("name".utf8), a = Array("a".utf8), base = Array("base".utf8)
    private static let meta = Array("meta".utf8), httpEquiv = Array("http-equiv".utf8)
    private static let content = Array("content".utf8), refresh = Array("refresh".utf8)

    private static func record(
        tag: [UInt8], _ attributes: [Attribute], in s: UnsafeBufferPointer<UInt8>,
        lines: inout LineCounter, into out: inout ScannedFile
    ) {
        for attribute in attributes {
            let range = attribute.value
            switch attribute.name {
            case href where tag != base, src, poster:
                out.references.append(FoundReference(
                    value: HTMLEntities.decode(s, range), offset: range.lowerBound, line: lines.line(at: range.lowerBound)))
            case srcset:
                for candidate in srcsetCandidates(s, range) {
                    out.references.append(FoundReference(
                        value: HTMLEntities.decode(s, candidate), offset: candidate.lowerBound,
                        line: lines.line(at: candidate.lowerBound)))
                }
            case style:
                let line = lines.line(at: range.lowerBound)
                let css = HTMLEntities.decode(s, range)
                css.withUnsafeBufferPointer { buffer in
                    CSSScanner.scan(buffer, 0..<buffer.count, offsetBase: range.lowerBound,
                                    lines: { _ in line }, into: &out.references)
                }
            case id:
                out.anchors.insert(PathKey(HTMLEntities.decode(s, range)))
            case name where tag == a:
                out.anchors.insert(PathKey(HTMLEntities.decode(s, range)))
            default:
                break
            }
        }
        if tag == meta,
           let equiv = attributes.first(where: { $0.name == httpEquiv }),
           Array(Bytes.trimmed(HTMLEntities.decode(s, equiv.value)[...])).map(Bytes.lower) == refresh,
           let content = attributes.first(where: { $0.name == content }),
           let target = refreshTarget(HTMLEntities.decode(s, content.value)) {
            out.references.append(FoundReference(
                value: target, offset: content.value.lowerBound, line: lines.line(at: content.value.lowerBound)))
        }
    }

    /// Ranges of the URL of each candidate in a `srcset` value (`a.jpg 1x, b.jpg 2x`).
    static func srcsetCandidates(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end, Bytes.isSpace(s[i]) || s[i] == Bytes.comma { i += 1 }
            guard i < end else { break }
            let start = i
            while i < end, !Bytes.isSpace(s[i]) { i += 1 }
            var stop = i
            if s[stop - 1] == Bytes.comma {
                // `a.jpg,b.jpg`: a URL ending in commas has no descriptors.
                while stop > start, s[stop - 1] == Bytes.comma { stop -= 1 }
            } else {
                // Skip descriptors up to the next comma outside parentheses.
                var depth = 0
                while i < end, depth > 0 || s[i] != Bytes.comma {
                    if s[i] == UInt8(ascii: "(") { depth += 1 } else if s[i] == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                    i += 1
                }
            }
            if stop > start { result.append(start..<stop) }
        }
        return result
    }

    /// The URL in a refresh `content` value such as `0; url='../x/'`.
    private static func refreshTarget(_ content: [UInt8]) -> [UInt8]? {
        let lowered = content.map(Bytes.lower)
        guard let at = lowered.firstRange(of: Array("url".utf8)) else { return nil }
        var rest = content[at.upperBound...]
        rest = Bytes.trimmed(rest)
        guard rest.first == Bytes.equals else { return nil }
        rest = Bytes.trimmed(rest.dropFirst())
        if let q = rest.first, q == Bytes.quote || q == Bytes.apostrophe {
            rest = rest.dropFirst()
            if let close = rest.firstIndex(of: q) { rest = rest[..<close] }
        }
        return Array(rest)
    }
}
