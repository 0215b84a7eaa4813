import CCmarkGFM
import Glibc

/// Puts the spans `Placeholders` took out back into the parsed document. In text, math becomes
/// `<span class="math math-inline">TeX</span>` (or `math-display`): a custom inline holding a
/// text node, so cmark escapes the TeX and headings, summaries and word counts see it as text;
/// shortcode HTML becomes a custom inline written as is, or replaces its paragraph when it is
/// all the paragraph holds (a `<figure>` is no paragraph's child). A placeholder anywhere else
/// (code, raw HTML, a link's URL or title, a fence's info string) was not meant as math or a
/// shortcode there: it gets the characters it stood for back.
enum PlaceholderNodes {
    /// Replaces every placeholder under `root`; returns whether some stayed in text for
    /// `Placeholders.fill` (a table cell cannot hold a custom inline).
    static func install(_ placeholders: Placeholders, in root: OpaquePointer) -> Bool {
        var texts: [OpaquePointer] = []
        var others: [OpaquePointer] = []
        guard let iter = cmark_iter_new(root) else { return false }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if holdsPlaceholder(cmark_node_get_literal(node), placeholders) { texts.append(node) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK, CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                others.append(node)
            default:
                break
            }
        }
        cmark_iter_free(iter)
        for node in others { restore(node, placeholders) }
        var leftInText = false
        for node in texts where split(node, placeholders) { leftInText = true }
        return leftInText
    }

    private static func holdsPlaceholder(_ text: UnsafePointer<CChar>?, _ placeholders: Placeholders) -> Bool {
        guard let text else { return false }
        return strstr(text, String(decoding: placeholders.open, as: UTF8.self)) != nil
    }

    /// A text node with placeholders becomes its text pieces and the spans' nodes; true when a
    /// placeholder had to stay in the text.
    private static func split(_ node: OpaquePointer, _ placeholders: Placeholders) -> Bool {
        let literal = Array(String(cString: cmark_node_get_literal(node)).utf8)
        if let block = aloneInParagraph(node, literal, placeholders), let paragraph = cmark_node_parent(node) {
            cmark_node_replace(paragraph, block)
            cmark_node_free(paragraph)
            return false
        }
        var leftInText = false
        var text: [UInt8] = []
        func flushText() {
            guard !text.isEmpty else { return }
            let piece = newNode(CMARK_NODE_TEXT)
            cmark_node_set_literal(piece, String(decoding: text, as: UTF8.self))
            cmark_node_insert_before(node, piece)
            text.removeAll()
        }
        placeholders.forEachPiece(of: literal) { piece in
            switch piece {
            case .text(let bytes):
                text += bytes
            case .span(let span, let placeholder):
                flushText()
                let holder = newNode(CMARK_NODE_CUSTOM_INLINE)
                switch span.payload {
                case .math(let tex, let display):
                    cmark_node_set_on_enter(holder, Placeholders.openingTag(display: display))
                    cmark_node_set_on_exit(holder, "</span>")
                    let texNode = newNode(CMARK_NODE_TEXT)
                    cmark_node_set_literal(texNode, tex)
                    cmark_node_append_child(holder, texNode)
                case .html(let html):
                    cmark_node_set_on_enter(holder, html)
                }
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

    /// A custom block for shortcode HTML that is all of its paragraph (the paragraph's one text node).
    private static func aloneInParagraph(_ node: OpaquePointer, _ literal: [UInt8], _ placeholders: Placeholders) -> OpaquePointer? {
        guard let parent = cmark_node_parent(node), cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH,
              cmark_node_first_child(parent) == node, cmark_node_next(node) == nil else { return nil }
        var html: String?
        var alone = true
        placeholders.forEachPiece(of: literal) { piece in
            switch piece {
            case .text(let bytes): if !bytes.allSatisfy(SourceScanner.isSpace) { alone = false }
            case .span(let span, _):
                if case .html(let text) = span.payload, html == nil { html = text } else { alone = false }
            }
        }
        guard alone, let html else { return nil }
        let block = newNode(CMARK_NODE_CUSTOM_BLOCK)
        cmark_node_set_on_enter(block, html.hasSuffix("\n") ? html : html + "\n")
        return block
    }

    /// Gives a node that is not text the characters its placeholders stood for.
    private static func restore(_ node: OpaquePointer, _ placeholders: Placeholders) {
        func restored(_ value: UnsafePointer<CChar>?) -> String? {
            guard holdsPlaceholder(value, placeholders), let value else { return nil }
            var out: [UInt8] = []
            placeholders.forEachPiece(of: Array(String(cString: value).utf8)) { piece in
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
