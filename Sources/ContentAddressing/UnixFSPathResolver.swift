/// A content path resolved in a UnixFS DAG: what it names and how it was reached.
public struct ResolvedPath: Sendable, Equatable {
    /// The CID the path starts from.
    public let root: CID
    /// What the path names; its `path` is the segments joined with `/`.
    public let terminal: UnixFSEntry
    /// The CID reached after each segment, the root first: one per path step (an HTTP gateway's `X-Ipfs-Roots`).
    public let segmentCIDs: [CID]
    /// Every block read on the way, in order: directories and the HAMT shards between them, the terminal last.
    /// A trustless gateway sends these so a client can verify the path.
    public let blocks: [CID]
}

extension UnixFSReader {
    /// Follows `segments` (plain names, not percent-encoded) from `root`, reading only the blocks on the way.
    /// Throws `.notFound` for a missing name or a step through anything but a directory (symlinks are not followed).
    public func resolve(root: CID, segments: [String]) throws(UnixFSError) -> ResolvedPath {
        var current = root
        var segmentCIDs = [root]
        var blocks: [CID] = []
        var path = ""
        for (depth, name) in segments.enumerated() {
            guard depth < UnixFSReader.maxDepth else { throw .tooDeep(path: path) }
            let parentPath = path
            path = path.isEmpty ? name : path + "/" + name
            guard UnixFSReader.isSafeName(name) else { throw .notFound(path: path) }
            let found: DirectoryLookup
            do { found = try lookup(name, inDirectory: current, path: parentPath) } catch .notFound { throw .notFound(path: path) }
            guard let next = found.cid else { throw .notFound(path: path) }
            blocks += found.blocks
            current = next
            segmentCIDs.append(next)
        }
        blocks.append(current)
        return ResolvedPath(root: root, terminal: try entry(current, path: path), segmentCIDs: segmentCIDs, blocks: blocks)
    }
}
