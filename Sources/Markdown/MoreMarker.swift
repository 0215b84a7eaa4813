import CCmarkGFM
import Glibc

/// The `<!--more-->` summary marker (also `<!-- more -->`), found as raw HTML in the AST so it
/// works even when raw HTML output is off.
enum MoreMarker {
    static func matches(_ literal: UnsafePointer<CChar>?) -> Bool {
        guard let literal else { return false }
        let bytes = UnsafeBufferPointer(
            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
        var s = bytes[...]
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
        while let f = s.first, isSpace(f) { s = s.dropFirst() }
        while let l = s.last, isSpace(l) { s = s.dropLast() }
        guard s.starts(with: "<!--".utf8), s.count >= 7, s.reversed().starts(with: ">--".utf8) else { return false }
        var inner = s.dropFirst(4).dropLast(3)
        while let f = inner.first, isSpace(f) { inner = inner.dropFirst() }
        while let l = inner.last, isSpace(l) { inner = inner.dropLast() }
        return inner.elementsEqual("more".utf8)
    }

    /// Removes the marker from the tree and returns the top-level blocks that form the summary:
    /// those before a top-level marker, or up to and including the block holding an inline one.
    static func remove(_ marker: OpaquePointer, root: OpaquePointer) -> [OpaquePointer] {
        var topLevel = marker
        while let parent = cmark_node_parent(topLevel), parent != root { topLevel = parent }
        let markerIsTopLevel = topLevel == marker

        var nodes: [OpaquePointer] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            if markerIsTopLevel, current == topLevel { break }
            nodes.append(current)
            if current == topLevel { break }
            node = cmark_node_next(current)
        }

        if !markerIsTopLevel, let previous = cmark_node_previous(marker),
           cmark_node_get_type(previous) == CMARK_NODE_SOFTBREAK {
            cmark_node_free(previous)
        }
        cmark_node_free(marker)  // unlinks it first
        return nodes
    }
}
