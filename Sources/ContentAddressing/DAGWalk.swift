/// The one traversal order blogctl uses over DAGs: kubo's `dag export` order.
enum DAGWalk {
    /// Visits every CID under `roots` once, depth-first, root first, links in order. `visit` gets the CID and
    /// the block that linked to it (nil for a root) and returns the links to follow.
    static func depthFirst(roots: [CID], _ visit: (CID, _ parent: CID?) throws -> [CID]) rethrows {
        var seen = Set<CID>()
        // An explicit stack (children pushed in reverse) gives recursive pre-order without recursion's depth limit.
        var stack: [(cid: CID, parent: CID?)] = roots.reversed().map { ($0, nil) }
        while let (cid, parent) = stack.popLast() {
            guard seen.insert(cid).inserted else { continue }
            for link in try visit(cid, parent).reversed() where !seen.contains(link) { stack.append((link, cid)) }
        }
    }
}
