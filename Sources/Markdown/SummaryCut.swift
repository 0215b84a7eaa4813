import CCmarkGFM
import Glibc

/// Shortens an automatic summary (the first paragraph) to a number of words, in the AST, so the
/// markup it keeps stays whole: the text is cut after a word, every later node of the paragraph
/// goes, and an ellipsis marks the cut. Inline code and math count as their words and are kept or
/// left whole.
enum SummaryCut {
    /// Cuts `paragraph` after `limit` words; false when it has no more than that.
    static func cut(_ paragraph: OpaquePointer, words limit: Int) -> Bool {
        guard limit > 0, let (node, keep) = cutPoint(in: paragraph, limit: limit) else { return false }
        removeFollowing(node, upTo: paragraph)
        if cmark_node_get_type(node) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(node) {
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            var kept = Array(bytes[..<(keep ?? bytes.count)])
            while let last = kept.last, isSpace(last) { kept.removeLast() }
            kept += Array(" …".utf8) + [0]
            kept.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { _ = cmark_node_set_literal(node, $0.baseAddress) } }
        } else {
            // The cut follows a node kept whole (a code span, emphasis): the ellipsis comes after it.
            let ellipsis = cmark_node_new(CMARK_NODE_TEXT)
            _ = cmark_node_set_literal(ellipsis, " …")
            _ = cmark_node_insert_after(node, ellipsis)
        }
        return true
    }

    /// Where to cut: a text node and how many of its bytes to keep, or a node to keep whole (nil);
    /// nil when the paragraph has no word beyond the limit.
    private static func cutPoint(in paragraph: OpaquePointer, limit: Int) -> (OpaquePointer, Int?)? {
        guard let iter = cmark_iter_new(paragraph) else { return nil }
        defer { cmark_iter_free(iter) }
        var words = 0
        // Across nodes: `foo*bar*` is one word.
        var inWord = false
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { return nil }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { inWord = false }
            var literal = cmark_node_get_literal(node)
            if type == CMARK_NODE_CUSTOM_INLINE {
                // Math (MathNodes): its TeX is one text node inside, never split.
                literal = cmark_node_first_child(node).flatMap { cmark_node_get_literal($0) }
                cmark_iter_reset(iter, node, CMARK_EVENT_EXIT)
            } else if type != CMARK_NODE_TEXT && type != CMARK_NODE_CODE {
                continue
            }
            guard let literal else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
            var firstWordHere = true
            for (index, byte) in bytes.enumerated() {
                if isSpace(byte) {
                    inWord = false
                    continue
                }
                if inWord { continue }
                inWord = true
                words += 1
                defer { firstWordHere = false }
                guard words > limit else { continue }
                if type == CMARK_NODE_TEXT { return (node, index) }
                // A code span or math is never split: cut before it when it starts the word beyond
                // the limit, else after it.
                return firstWordHere ? previousKept(node) : (node, nil)
            }
        }
    }

    /// The cut for a word beyond the limit that starts a code span: after the node before it.
    private static func previousKept(_ node: OpaquePointer) -> (OpaquePointer, Int?)? {
        var current = node
        while true {
            if let previous = cmark_node_previous(current) { return (previous, nil) }
            guard let parent = cmark_node_parent(current), cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH else { return nil }
            current = parent
        }
    }

    /// Frees every node after `node` in document order, up to the end of `paragraph`.
    private static func removeFollowing(_ node: OpaquePointer, upTo paragraph: OpaquePointer) {
        var current = node
        while current != paragraph {
            while let next = cmark_node_next(current) {
                cmark_node_unlink(next)
                cmark_node_free(next)
            }
            guard let parent = cmark_node_parent(current) else { return }
            current = parent
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}
