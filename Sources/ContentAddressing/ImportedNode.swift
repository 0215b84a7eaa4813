/// The root of an imported file, symlink or directory: what a parent directory links to.
public struct ImportedNode: Sendable, Hashable {
    /// The CID of the node's root block.
    public let cid: CID
    /// The link Tsize: this node's block length plus the Tsizes of its links.
    public let tsize: UInt64
    /// Content bytes under the node: a file's length, a symlink target's length, a directory's sum.
    public let size: UInt64

    /// A node imported earlier (e.g. cached by a preview server).
    public init(cid: CID, tsize: UInt64, size: UInt64) {
        self.cid = cid
        self.tsize = tsize
        self.size = size
    }
}
