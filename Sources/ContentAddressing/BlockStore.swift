import Synchronization

/// Where blocks live: memory, a folder, a CAR file. Safe to use from many tasks at once.
public protocol BlockStore: Sendable {
    /// Stores a block; storing the same CID twice is harmless.
    func put(_ block: Block) throws
    /// The block's bytes, or nil when the store does not hold it.
    func get(_ cid: CID) throws -> [UInt8]?
    /// Whether the store holds the block.
    func has(_ cid: CID) throws -> Bool
}

extension BlockStore {
    public func has(_ cid: CID) throws -> Bool { try get(cid) != nil }
}

/// Blocks in memory, for tests and small sites.
public final class MemoryBlockStore: BlockStore {
    private let blocks = Mutex<[CID: [UInt8]]>([:])

    public init() {}

    public func put(_ block: Block) {
        blocks.withLock { $0[block.cid] = block.data }
    }

    public func get(_ cid: CID) -> [UInt8]? {
        blocks.withLock { $0[cid] }
    }

    public func has(_ cid: CID) -> Bool {
        blocks.withLock { $0[cid] != nil }
    }

    /// How many blocks are held.
    public var count: Int { blocks.withLock { $0.count } }
}
