import HTMLEscaping

/// Tokens as the HTML Hugo writes for a highlighted block, so Chroma style sheets made for Hugo
/// apply: `<div class="highlight"><pre class="chroma"><code>`, one `<span class="line">` per line.
enum CodeBlockHTML {
    static func html(_ tokens: [Token], language: String, attributes: FenceAttributes, lineNumbers: Bool) -> String {
        var lines: [[Token]] = [[]]
        for token in tokens {
            var parts = token.text.split(separator: "\n", omittingEmptySubsequences: false)
            let last = parts.removeLast()
            for part in parts {
                lines[lines.count - 1].append(Token(type: token.type, text: part + "\n"))
                lines.append([])
            }
            if !last.isEmpty { lines[lines.count - 1].append(Token(type: token.type, text: String(last))) }
        }
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }

        let width = String(attributes.firstLine + lines.count - 1).count
        var out = "<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-"
        HTMLEscaper.append(language, to: &out, .cmark)
        out += "\" data-lang=\""
        HTMLEscaper.append(language, to: &out, .cmark)
        out += "\">"
        for (index, line) in lines.enumerated() {
            out += attributes.highlightedLines.contains(index + 1) ? "<span class=\"line hl\">" : "<span class=\"line\">"
            if lineNumbers {
                let number = String(attributes.firstLine + index)
                out += "<span class=\"ln\">" + String(repeating: " ", count: width - number.count) + number + "</span>"
            }
            out += "<span class=\"cl\">"
            for token in line {
                let cssClass = token.type.cssClass
                if cssClass.isEmpty {
                    HTMLEscaper.append(token.text, to: &out, .cmark)
                } else {
                    out += "<span class=\"" + cssClass + "\">"
                    HTMLEscaper.append(token.text, to: &out, .cmark)
                    out += "</span>"
                }
            }
            out += "</span></span>"
        }
        out += "</code></pre></div>\n"
        return out
    }
}
