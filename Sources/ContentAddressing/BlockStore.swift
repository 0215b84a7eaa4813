import Synchronization

/// Where blocks live: memory, a folder, a CAR file. Safe to use from many tasks at once.
public protocol BlockStore: Sendable {
    /// Stores a block; storing the same CID twice is harmless.
    func put(_ block: Block) throws
    /// The block's bytes, or nil when the store does not hold it.
    func get(_ cid: CID) throws -> [UInt8]?
    /// Whether the store holds the block.
    func has(_ cid: CID) throws -> Bool
    /// Copies bytes `range` of the block into `buffer` (exactly `range.count` bytes); false when the store does not
    /// hold the block; throws `BlockRangeError` when the range lies outside it. Stores that can read part of a block
    /// without loading all of it (a CAR) override this.
    func read(_ cid: CID, range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool
}

extension BlockStore {
    public func has(_ cid: CID) throws -> Bool { try get(cid) != nil }

    public func read(_ cid: CID, range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
        guard let data = try get(cid) else { return false }
        try BlockRangeError.check(range, in: cid, length: data.count, buffer: buffer)
        data.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[range])) }
        return true
    }
}

/// A read of part of a block that lies outside it (a file node declaring more bytes than its leaf holds).
public struct BlockRangeError: Error, Equatable, CustomStringConvertible {
    public let cid: CID
    public let range: Range<Int>
    public let length: Int

    public var description: String { "bytes \(range.lowerBound)..<\(range.upperBound) of block \(cid) lie outside its \(length) bytes" }

    /// Throws unless `range` lies inside a block of `length` bytes and fits `buffer`.
    public static func check(_ range: Range<Int>, in cid: CID, length: Int, buffer: UnsafeMutableRawBufferPointer) throws(BlockRangeError) {
        guard range.lowerBound >= 0, range.upperBound <= length, buffer.count >= range.count else {
            throw BlockRangeError(cid: cid, range: range, length: length)
        }
    }
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
