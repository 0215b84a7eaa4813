/// Reads a byte range of a UnixFS file one block at a time, reading only the blocks that hold the range: a file
/// node's `blocksizes` say which children to skip. Pull-based, so a server can write each piece before reading
/// the next; memory holds one block and the list of children still to visit.
public struct FileRangeReader: Sendable {
    /// One block on the way through the file, depth-first in file order.
    public struct Piece: Sendable {
        public let cid: CID
        /// The whole block (what a CAR of the range holds).
        public let block: [UInt8]
        /// The part of the range's bytes this block holds itself (often none for an inner node).
        public let content: ArraySlice<UInt8>
    }

    /// A run of the range's bytes: either already in memory, or a part of a raw leaf block not read yet.
    public enum Extent: Sendable {
        case bytes(ArraySlice<UInt8>)
        /// Bytes `range` of the raw block `cid` (read them with `BlockStore.read(_:range:into:)`).
        case rawLeaf(CID, range: Range<Int>)
    }

    private let reader: UnixFSReader
    private let range: Range<UInt64>
    private let path: String
    /// Blocks still to visit with the file offset each starts at and, below the root, the size their parent declares.
    private var pending: [(cid: CID, start: UInt64, size: UInt64?, depth: Int)]

    /// Reads `range` of the file `cid`; bytes past the end of the file are simply absent.
    public init(reader: UnixFSReader, file cid: CID, range: Range<UInt64>, path: String = "") {
        self.reader = reader
        self.range = range
        self.path = path
        pending = range.isEmpty ? [] : [(cid, 0, nil, 0)]
    }

    /// The next run of the range's bytes, or nil at the end, without reading raw leaves: their part is named, and
    /// a server copies it from the store straight into its send buffer. Throws `UnixFSError`.
    public mutating func nextExtent() throws(UnixFSError) -> Extent? {
        while let top = pending.last {
            if top.cid.codec == CID.raw, let size = top.size {
                pending.removeLast()
                let lower = max(top.start, range.lowerBound), upper = min(top.start + size, range.upperBound)
                guard lower < upper else { continue }
                return .rawLeaf(top.cid, range: Int(lower - top.start)..<Int(upper - top.start))
            }
            guard let piece = try next() else { return nil }
            if !piece.content.isEmpty { return .bytes(piece.content) }
        }
        return nil
    }

    /// The next block that holds part of the range, or nil at the end. Throws `UnixFSError`.
    public mutating func next() throws(UnixFSError) -> Piece? {
        guard let (cid, start, _, depth) = pending.popLast() else { return nil }
        guard depth < UnixFSReader.maxDepth else { throw .tooDeep(path: path) }
        let data = try reader.load(cid, path: path)
        if cid.codec == CID.raw { return Piece(cid: cid, block: data, content: clip(data[...], at: start)) }
        let (node, unixfs) = try reader.decode(cid, data, path: path)
        guard unixfs.kind == .file || unixfs.kind == .raw else {
            throw .malformedNode(cid, path: path, reason: "a file links to a \(unixfs.kind) node")
        }
        let own = unixfs.data ?? []
        var offset = start + UInt64(own.count)
        if !node.links.isEmpty {
            guard node.links.count == unixfs.blockSizes.count else {
                throw .malformedNode(cid, path: path, reason: "\(node.links.count) links but \(unixfs.blockSizes.count) blocksizes")
            }
            var children: [(CID, UInt64, UInt64?, Int)] = []
            for (link, size) in zip(node.links, unixfs.blockSizes) {
                guard offset < range.upperBound else { break }
                let (end, overflow) = offset.addingReportingOverflow(size)
                guard !overflow else { throw .malformedNode(cid, path: path, reason: "blocksizes overflow") }
                if end > range.lowerBound { children.append((link.cid, offset, size, depth + 1)) }
                offset = end
            }
            pending += children.reversed()
        }
        return Piece(cid: cid, block: data, content: clip(own[...], at: start))
    }

    /// The part of `bytes` (which start at file offset `start`) that falls inside the range.
    private func clip(_ bytes: ArraySlice<UInt8>, at start: UInt64) -> ArraySlice<UInt8> {
        let lower = max(start, range.lowerBound), upper = min(start + UInt64(bytes.count), range.upperBound)
        guard lower < upper else { return [] }
        let from = bytes.startIndex + Int(lower - start)
        return bytes[from..<(from + Int(upper - lower))]
    }
}

extension UnixFSReader {
    /// Streams the bytes of `range` of the file `cid` to `sink`, in order, reading only the blocks that hold them.
    /// Throws `UnixFSError`, or what `sink` throws.
    public func readFile(_ cid: CID, range: Range<UInt64>, path: String = "", to sink: (ArraySlice<UInt8>) throws -> Void) throws {
        var pieces = FileRangeReader(reader: self, file: cid, range: range, path: path)
        while let piece = try pieces.next() {
            if !piece.content.isEmpty { try sink(piece.content) }
        }
    }
}
