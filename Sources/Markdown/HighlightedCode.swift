import CCmarkGFM
import Glibc
import HTMLEscaping
import Highlight

/// Fenced code blocks coloured by the highlighter. cmark writes each of them as an empty block
/// marked with a placeholder language, which `fill` replaces with the highlighted HTML: that way
/// the HTML goes in whatever `rawHTML` says, and the rest of the page is cmark's own.
struct HighlightedCode {
    private var marker: [UInt8] = []
    private var blocks: [String] = []

    /// Highlights `nodes` and empties them; `source` is the document, which no placeholder may occur in.
    init(_ nodes: [OpaquePointer], highlighter: Highlighter?, source: String) {
        guard let highlighter, !nodes.isEmpty else { return }
        var name = Array("blogctl-code-".utf8)
        var source = source
        while source.withUTF8({ ByteSearch.firstIndex(of: name, in: $0) }) != nil { name.append(UInt8(ascii: "x")) }
        for node in nodes {
            let info = String(cString: cmark_node_get_fence_info(node))
            let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let html = highlighter.html(code, info: info) else { continue }
            cmark_node_set_fence_info(node, String(decoding: name, as: UTF8.self) + String(blocks.count))
            cmark_node_set_literal(node, "")
            blocks.append(html)
        }
        marker = Array("<pre><code class=\"language-".utf8) + name
    }

    /// `html` with every placeholder block (`<pre><code class="language-MARKER7"></code></pre>\n`)
    /// replaced by its highlighted HTML, in one pass.
    func fill(_ html: String) -> String {
        guard !blocks.isEmpty else { return html }
        var html = html
        return html.withUTF8 { bytes -> String in
            let closing = Array("\"></code></pre>\n".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + blocks.reduce(0) { $0 + $1.utf8.count })
            var copied = 0
            var from = 0
            while let start = ByteSearch.firstIndex(of: marker, in: bytes, from: from) {
                var cursor = start + marker.count
                var number = 0
                while cursor < bytes.count, (0x30...0x39).contains(bytes[cursor]) {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                from = start + 1
                guard number < blocks.count, cursor + closing.count <= bytes.count,
                      closing.indices.allSatisfy({ bytes[cursor + $0] == closing[$0] }) else { continue }
                out.append(contentsOf: bytes[copied..<start])
                out.append(contentsOf: blocks[number].utf8)
                copied = cursor + closing.count
                from = copied
            }
            out.append(contentsOf: bytes[copied...])
            return String(decoding: out, as: UTF8.self)
        }
    }
}
