import CCmarkGFM
import Glibc

/// Puts the math `MathSpans` took out back into the parsed document. A placeholder in text
/// becomes `<span class="math math-inline">TeX</span>` (or `math-display`): a custom inline
/// holding a text node, so cmark escapes the TeX and headings, summaries and word counts see
/// it as text. A placeholder anywhere else (code, raw HTML, a link's URL or title, a fence's
/// info string) is not math after all: it gets the characters it stood for back.
enum MathNodes {
    /// Replaces every placeholder of `math` under `root`; returns whether some stayed in text for
    /// `MathSpans.fill` (a table cell cannot hold a custom inline).
    static func install(_ math: MathSpans, in root: OpaquePointer) -> Bool {
        var texts: [OpaquePointer] = []
        var others: [OpaquePointer] = []
        guard let iter = cmark_iter_new(root) else { return false }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if holdsPlaceholder(cmark_node_get_literal(node), math) { texts.append(node) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                others.append(node)
            default:
                break
            }
        }
        cmark_iter_free(iter)
        for node in others { restore(node, math) }
        var leftInText = false
        for node in texts where split(node, math) { leftInText = true }
        return leftInText
    }

    private static func holdsPlaceholder(_ text: UnsafePointer<CChar>?, _ math: MathSpans) -> Bool {
        guard let text else { return false }
        return strstr(text, String(decoding: math.open, as: UTF8.self)) != nil
    }

    /// A text node with placeholders becomes its text pieces and math nodes; true when a
    /// placeholder had to stay in the text.
    private static func split(_ node: OpaquePointer, _ math: MathSpans) -> Bool {
        let literal = Array(String(cString: cmark_node_get_literal(node)).utf8)
        var leftInText = false
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            let piece = newNode(CMARK_NODE_TEXT)
            cmark_node_set_literal(piece, String(decoding: text, as: UTF8.self))
            cmark_node_insert_before(node, piece)
            text.removeAll()
        }
        math.forEachPiece(of: literal) { piece in
            switch piece {
            case .text(let bytes):
                text += bytes
            case .span(let span, let placeholder):
                flushText()
                let holder = newNode(CMARK_NODE_CUSTOM_INLINE)
                cmark_node_set_on_enter(holder, span.openingTag)
                cmark_node_set_on_exit(holder, "</span>")
                let tex = newNode(CMARK_NODE_TEXT)
                cmark_node_set_literal(tex, span.tex)
                cmark_node_append_child(holder, tex)
                if cmark_node_insert_before(node, holder) == 0 {
                    cmark_node_free(holder)
                    text += placeholder
                    leftInText = true
                }
            }
        }
        flushText()
        cmark_node_unlink(node)
        cmark_node_free(node)
        return leftInText
    }

    /// Gives a node that is not text the characters its placeholders stood for.
    private static func restore(_ node: OpaquePointer, _ math: MathSpans) {
        func restored(_ value: UnsafePointer<CChar>?) -> String? {
            guard holdsPlaceholder(value, math), let value else { return nil }
            var out: [UInt8] = []
            math.forEachPiece(of: Array(String(cString: value).utf8)) { piece in
                switch piece {
                case .text(let bytes): out += bytes
                case .span(let span, _): out += span.original
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
            if let url = restored(cmark_node_get_url(node)) { cmark_node_set_url(node, url) }
            if let title = restored(cmark_node_get_title(node)) { cmark_node_set_title(node, title) }
        case CMARK_NODE_CODE_BLOCK:
            if let info = restored(cmark_node_get_fence_info(node)) { cmark_node_set_fence_info(node, info) }
            fallthrough
        default:
            if let literal = restored(cmark_node_get_literal(node)) { cmark_node_set_literal(node, literal) }
        }
    }

    private static func newNode(_ type: cmark_node_type) -> OpaquePointer {
        guard let node = cmark_node_new(type) else { fatalError("cmark-gfm could not allocate a node") }
        return node
    }
}
