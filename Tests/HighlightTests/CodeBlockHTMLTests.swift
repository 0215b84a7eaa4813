import HTMLEscaping
import Testing
@testable import Highlight

/// The byte-wise block writer against the line-splitting one it replaced (kept here as the
/// reference): the same HTML for any tokens, fence options and line breaks.
@Suite struct CodeBlockHTMLTests {
    static func reference(_ tokens: [Token], language: String, attributes: FenceAttributes, lineNumbers: Bool) -> String {
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
                if token.type.cssClass.isEmpty {
                    HTMLEscaper.append(token.text, to: &out, .cmark)
                } else {
                    out += "<span class=\"" + token.type.cssClass + "\">"
                    HTMLEscaper.append(token.text, to: &out, .cmark)
                    out += "</span>"
                }
            }
            out += "</span></span>"
        }
        return out + "</code></pre></div>\n"
    }

    @Test func sameHTMLAsTheLineSplittingWriter() {
        var generator = SystemRandomNumberGenerator()
        // No carriage return: the tokenizer turns CR LF into LF before any token is made.
        let pieces = ["a", "fn", "\n", "\n\n", "<", "&", "\"", "é", "🚀", " ", "x\ny", "\t"]
        let types = [TokenType(name: "Keyword")!, TokenType(name: "Text")!, TokenType(name: "LiteralString")!, TokenType(name: "Comment")!]
        for round in 0..<3_000 {
            let tokens = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                Token(type: types.randomElement(using: &generator)!,
                      text: (0..<Int.random(in: 1...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
            }
            var attributes = FenceAttributes(info: ["rust", "c++", "a\"b", ""].randomElement(using: &generator)!)
            attributes.firstLine = [1, 9, 99, 1000].randomElement(using: &generator)!
            attributes.highlightedLines = Set((0..<Int.random(in: 0...3, using: &generator)).map { _ in Int.random(in: 1...6, using: &generator) })
            let numbered = round % 2 == 0
            let ours = CodeBlockHTML.html(tokens, language: attributes.language, attributes: attributes, lineNumbers: numbered)
            let theirs = Self.reference(tokens, language: attributes.language, attributes: attributes, lineNumbers: numbered)
            #expect(ours == theirs, "\(tokens)")
        }
    }
}
