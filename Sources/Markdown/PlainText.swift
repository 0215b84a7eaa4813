import CCmarkGFM

/// Visible text of AST nodes, without markup.
enum PlainText {
    /// Appends the text of `node` and its descendants; breaks and block ends become spaces.
    static func append(_ node: OpaquePointer, to out: inout [UInt8]) {
        guard let iter = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let current = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(current)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if let literal = cmark_node_get_literal(current) { appendCString(literal, to: &out) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                out.append(0x20)
            default:
                if type.rawValue & CmarkNodeKind.inlineBit == 0, event == CMARK_EVENT_EXIT { out.append(0x20) }
            }
        }
    }

    static func appendCString(_ text: UnsafePointer<CChar>, to out: inout [UInt8]) {
        var p = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        while p.pointee != 0 {
            out.append(p.pointee)
            p += 1
        }
    }

    /// The bytes as a string with runs of ASCII whitespace collapsed to one space and trimmed.
    static func collapsed(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        for b in bytes {
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
