import CCmarkGFM

/// One pass over a parsed document collecting what rendering needs: headings with their
/// text, the `<!--more-->` marker, the first top-level paragraph and the word count.
struct DocumentScan {
    struct FoundHeading {
        let node: OpaquePointer
        let level: Int
        let text: String
    }

    private(set) var headings: [FoundHeading] = []
    private(set) var moreMarker: OpaquePointer?
    private(set) var firstParagraph: OpaquePointer?
    private(set) var wordCount = 0
    /// Footnote definitions, whose `fn-`/`fnref-` ids headings must avoid.
    private(set) var footnoteDefinitions: [OpaquePointer] = []
    /// Footnote references: at most this many `fnref-<label>-<n>` ids exist.
    private(set) var footnoteReferenceCount = 0
    /// Fenced code blocks with an info string, which a highlighter may colour.
    private(set) var fencedCode: [OpaquePointer] = []
    /// Tags of raw HTML the tag filter escapes; looked for only when `tagFilter`.
    private(set) var escapedTags: Set<String> = []

    init(root: OpaquePointer, tagFilter: Bool = false) {
        var words = WordCounter()
        var headingText: [UInt8]?
        guard let iter = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iter) else { continue }
            let type = cmark_node_get_type(node)
            if type.rawValue & CmarkNodeKind.inlineBit == 0 {
                words.breakRun()
                guard event == CMARK_EVENT_ENTER else {
                    if type == CMARK_NODE_HEADING, let text = headingText {
                        headings.append(FoundHeading(
                            node: node, level: Int(cmark_node_get_heading_level(node)),
                            text: PlainText.collapsed(text)))
                        headingText = nil
                    }
                    continue
                }
                switch type {
                case CMARK_NODE_HEADING:
                    headingText = []
                case CMARK_NODE_PARAGRAPH:
                    if firstParagraph == nil, cmark_node_parent(node) == root { firstParagraph = node }
                case CMARK_NODE_FOOTNOTE_DEFINITION:
                    footnoteDefinitions.append(node)
                case CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) { words.add(literal) }
                    if let info = cmark_node_get_fence_info(node), info.pointee != 0 { fencedCode.append(node) }
                case CMARK_NODE_HTML_BLOCK:
                    if moreMarker == nil, MoreMarker.matches(cmark_node_get_literal(node)) { moreMarker = node }
                    if tagFilter { TagFilter.collect(cmark_node_get_literal(node), into: &escapedTags) }
                default:
                    break
                }
            } else {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                    if let literal = cmark_node_get_literal(node) {
                        words.add(literal)
                        if headingText != nil { PlainText.appendCString(literal, to: &headingText!) }
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    words.breakRun()
                    headingText?.append(0x20)
                case CMARK_NODE_FOOTNOTE_REFERENCE:
                    footnoteReferenceCount += 1
                case CMARK_NODE_HTML_INLINE:
                    if moreMarker == nil, MoreMarker.matches(cmark_node_get_literal(node)) { moreMarker = node }
                    if tagFilter { TagFilter.collect(cmark_node_get_literal(node), into: &escapedTags) }
                default:
                    break
                }
            }
        }
        wordCount = words.count
    }
}

enum CmarkNodeKind {
    /// Set in the type of every inline node (`CMARK_NODE_TYPE_INLINE` without the present bit).
    static let inlineBit: UInt32 = 0x4000
}
