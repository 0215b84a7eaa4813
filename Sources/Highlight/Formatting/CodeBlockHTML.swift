import HTMLEscaping

/// Tokens as the HTML Hugo writes for a highlighted block, so Chroma style sheets made for Hugo
/// apply: `<div class="highlight"><pre class="chroma"><code>`, one `<span class="line">` per line.
/// Written byte by byte: a token may span lines, and each line's part gets its own span.
enum CodeBlockHTML {
    static func html(_ tokens: [Token], language: String, attributes: FenceAttributes, lineNumbers: Bool) -> String {
        let newline = UInt8(ascii: "\n")
        // Every line ends with a newline but perhaps the last; a last line left empty is not shown.
        var newlines = 0
        var endsWithNewline = false
        for token in tokens {
            var text = token.text
            text.withUTF8 { bytes in
                newlines += bytes.count { $0 == newline }
                if let last = bytes.last { endsWithNewline = last == newline }
            }
        }
        let lineCount = max(1, newlines + (endsWithNewline ? 0 : 1))
        let width = String(attributes.firstLine + lineCount - 1).utf8.count

        var out: [UInt8] = []
        out.reserveCapacity(tokens.reduce(256) { $0 + $1.text.utf8.count * 2 })
        out += "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-".utf8
        var language = language
        language.withUTF8 { HTMLEscaper.append(bytes: $0, to: &out, .cmark) }
        out += "\" data-lang=\"".utf8
        language.withUTF8 { HTMLEscaper.append(bytes: $0, to: &out, .cmark) }
        out += "\">".utf8
        var line = 0
        var lineOpen = false
        func openLine() {
            out += (attributes.highlightedLines.contains(line + 1) ? "<span class=\"line hl\">" : "<span class=\"line\">").utf8
            if lineNumbers {
                let number = String(attributes.firstLine + line)
                out += "<span class=\"ln\">".utf8
                out += repeatElement(UInt8(ascii: " "), count: width - number.utf8.count)
                out += number.utf8
                out += "</span>".utf8
            }
            out += "<span class=\"cl\">".utf8
            lineOpen = true
        }
        func closeLine() {
            out += "</span></span>".utf8
            lineOpen = false
            line += 1
        }
        for token in tokens {
            let cssClass = token.type.cssClass
            var text = token.text
            text.withUTF8 { bytes in
                var start = 0
                while start < bytes.count {
                    var end = start
                    while end < bytes.count, bytes[end] != newline { end += 1 }
                    let endsLine = end < bytes.count
                    if endsLine { end += 1 }
                    if !lineOpen { openLine() }
                    if !cssClass.isEmpty {
                        out += "<span class=\"".utf8
                        out += cssClass.utf8
                        out += "\">".utf8
                    }
                    HTMLEscaper.append(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]), to: &out, .cmark)
                    if !cssClass.isEmpty { out += "</span>".utf8 }
                    if endsLine { closeLine() }
                    start = end
                }
            }
        }
        if lineOpen || line == 0 {
            if !lineOpen { openLine() }
            closeLine()
        }
        out += "</code></pre></div>\n".utf8
        return String(decoding: out, as: UTF8.self)
    }
}
