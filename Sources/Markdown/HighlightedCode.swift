import CCmarkGFM
import Highlight

/// Fenced code blocks coloured by the highlighter. cmark writes each of them as an empty block
/// marked with a placeholder language, which `fill` replaces with the highlighted HTML: that way
/// the HTML goes in whatever `rawHTML` says, and the rest of the page is cmark's own.
struct HighlightedCode {
    private var blocks: [(placeholder: String, html: String)] = []

    /// Highlights `nodes` and empties them; `source` is the document, which no placeholder may occur in.
    init(_ nodes: [OpaquePointer], highlighter: Highlighter?, source: String) {
        guard let highlighter, !nodes.isEmpty else { return }
        var marker = "blogctl-code-"
        while source.contains(marker) { marker += "x" }
        for node in nodes {
            let info = String(cString: cmark_node_get_fence_info(node))
            let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            guard let html = highlighter.html(code, info: info) else { continue }
            let name = marker + String(blocks.count)
            cmark_node_set_fence_info(node, name)
            cmark_node_set_literal(node, "")
            blocks.append(("<pre><code class=\"language-\(name)\"></code></pre>\n", html))
        }
    }

    /// `html` with every placeholder block replaced by its highlighted HTML.
    func fill(_ html: String) -> String {
        var out = html
        for block in blocks where out.contains(block.placeholder) {
            out = out.replacing(block.placeholder, with: block.html)
        }
        return out
    }
}
