import CCmarkGFM

/// Gives every heading its unique `id` and a self-link, by rewriting the AST.
///
/// cmark-gfm cannot put attributes on a heading, so each heading node is replaced by a custom
/// block holding the heading's own inline children between two custom inlines that carry the
/// markup (custom nodes are emitted verbatim, whatever the raw-HTML option). Output:
/// `<h2 id="intro">Intro <a class="anchor" href="#intro" aria-label="Link to this section">#</a></h2>`
/// — the link follows the text so the heading's accessible name starts with its words.
enum HeadingAnchors {
    static func install(_ found: [DocumentScan.FoundHeading], footnoteLabels: [String] = [], footnoteReferences: Int = 0) -> [Heading] {
        var slugger = HeadingSlugger(footnoteLabels: footnoteLabels, references: footnoteReferences)
        var headings: [Heading] = []
        headings.reserveCapacity(found.count)
        for heading in found {
            let id = slugger.uniqueID(for: heading.text)
            headings.append(Heading(level: heading.level, text: heading.text, id: id))
            let open = "<h\(heading.level) id=\"\(id)\">"
            let close = " <a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\">#</a></h\(heading.level)>"
            replace(heading.node, open: open, close: close)
        }
        return headings
    }

    private static func replace(_ heading: OpaquePointer, open: String, close: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
              let openNode = cmark_node_new(CMARK_NODE_CUSTOM_INLINE),
              let closeNode = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
        else { fatalError("cmark-gfm could not allocate a node") }
        cmark_node_set_on_enter(openNode, open)
        cmark_node_set_on_enter(closeNode, close)
        cmark_node_append_child(block, openNode)
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(block, child)
        }
        cmark_node_append_child(block, closeNode)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }
}
