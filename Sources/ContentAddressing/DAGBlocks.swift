/// The blocks of a DAG in the order a CAR of it lists them (kubo's `dag export` order), each
/// once, with its size: what an upload sends, and what the next deployment compares with.
public struct DAGBlocks: Sendable, Equatable {
    public let root: CID
    public let blocks: [Entry]

    public struct Entry: Sendable, Equatable {
        public let cid: CID
        public let size: Int
    }

    /// The total of the blocks' sizes.
    public var byteCount: UInt64 { blocks.reduce(0) { $0 + UInt64($1.size) } }

    /// Walks the DAG under `root` in `store`. With `excluding`, a block it holds is left out with
    /// everything below it (a CID names its whole subtree, so what an earlier deployment held
    /// needs no looking into): the blocks a node holding that deployment lacks. Raw leaves are
    /// not read, only sized (`sizeOf`, else read once).
    public static func walk(root: CID, store: any BlockStore, excluding: (CID) -> Bool = { _ in false },
        sizeOf: (CID) -> Int? = { _ in nil }) throws(CARError) -> DAGBlocks
    {
        var blocks: [Entry] = []
        do {
            try DAGWalk.depthFirst(roots: [root]) { cid, parent in
                if BlockLinks.inlineData(of: cid) != nil || excluding(cid) { return [] }
                if cid.codec == CID.raw, let size = sizeOf(cid) {
                    blocks.append(Entry(cid: cid, size: size))
                    return []
                }
                let data: [UInt8]?
                do { data = try store.get(cid) } catch { throw CARError.storeFailed(path: "the site's DAG", reason: "\(error)") }
                guard let data else { throw CARError.missingBlock(path: "the site's DAG", cid: cid, linkedFrom: parent) }
                blocks.append(Entry(cid: cid, size: data.count))
                do { return try BlockLinks.links(of: cid, data: data) } catch {
                    throw CARError.undecodableBlock(path: "the site's DAG", cid: cid, reason: "\(error)")
                }
            }
        } catch let error as CARError {
            throw error
        } catch {
            throw CARError.storeFailed(path: "the site's DAG", reason: "\(error)")
        }
        return DAGBlocks(root: root, blocks: blocks)
    }

    public init(root: CID, blocks: [Entry]) {
        self.root = root
        self.blocks = blocks
    }
}

/// A CARv1 of `blocks` with `root` as its root, produced in pieces of about `pieceSize` bytes as
/// it is iterated (an upload streams it; it is never whole in memory), its exact length known
/// before the first byte (a `Content-Length` for the upload).
public struct CARPieces: Sequence, Sendable {
    public let root: CID
    public let blocks: [DAGBlocks.Entry]
    public let store: any BlockStore
    public let pieceSize: Int

    public init(root: CID, blocks: [DAGBlocks.Entry], store: any BlockStore, pieceSize: Int = 1 << 18) {
        self.root = root
        self.blocks = blocks
        self.store = store
        self.pieceSize = pieceSize
    }

    private var header: [UInt8] {
        let header = CARHeader(roots: [root]).encoded()
        return Varint.encode(UInt64(header.count)) + header
    }

    /// The CAR's length in bytes.
    public var length: UInt64 {
        blocks.reduce(UInt64(header.count)) { total, block in
            let section = block.cid.bytes.count + block.size
            return total + UInt64(Varint.size(UInt64(section)) + section)
        }
    }

    public func makeIterator() -> Iterator { Iterator(pieces: self) }

    /// Yields the CAR's pieces; a block the store no longer yields (or yields with another size)
    /// ends the iteration with `failure` set.
    public struct Iterator: IteratorProtocol {
        let pieces: CARPieces
        var position = 0
        var started = false
        /// Why the CAR stopped short, if it did.
        public private(set) var failure: CARError?
        /// Blocks written so far.
        public var blocksDone: Int { position }

        init(pieces: CARPieces) { self.pieces = pieces }

        public mutating func next() -> [UInt8]? {
            var piece: [UInt8] = []
            if !started {
                started = true
                piece = pieces.header
            }
            while position < pieces.blocks.count, piece.count < pieces.pieceSize {
                let entry = pieces.blocks[position]
                position += 1
                let data: [UInt8]
                do {
                    guard let stored = try pieces.store.get(entry.cid), stored.count == entry.size else {
                        failure = .missingBlock(path: "the site's DAG", cid: entry.cid, linkedFrom: nil)
                        return nil
                    }
                    data = stored
                } catch {
                    failure = .storeFailed(path: "the site's DAG", reason: "\(error)")
                    return nil
                }
                Varint.append(UInt64(entry.cid.bytes.count + data.count), to: &piece)
                piece += entry.cid.bytes
                piece += data
            }
            return piece.isEmpty ? nil : piece
        }
    }
}
