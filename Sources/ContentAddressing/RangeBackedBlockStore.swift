import Foundation
import POSIXFiles
import Synchronization

/// A block store that can keep a raw leaf as the range of the file it was cut from, instead of
/// its bytes: importing a 2 GiB video for an upload then costs an index entry per MiB, not 2 GiB
/// of memory or a temporary copy on disk.
public protocol FileRangeBlockStore: BlockStore {
    /// Keeps the raw leaf `cid` as `length` bytes of the file at `path` from `offset`.
    func putFileRange(_ cid: CID, path: String, offset: UInt64, length: Int) throws
}

/// Blocks in memory, and raw leaves of imported files as ranges of those files (read, and their
/// hash checked, whenever they are read: a file changed since it was imported is an error, never
/// a wrong block).
public final class RangeBackedBlockStore: FileRangeBlockStore {
    private struct State {
        var blocks: [CID: [UInt8]] = [:]
        var ranges: [CID: (path: String, offset: UInt64, length: Int)] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func put(_ block: Block) {
        state.withLock { $0.blocks[block.cid] = block.data }
    }

    public func putFileRange(_ cid: CID, path: String, offset: UInt64, length: Int) {
        state.withLock { state in
            if state.blocks[cid] == nil { state.ranges[cid] = (path, offset, length) }
        }
    }

    public func get(_ cid: CID) throws -> [UInt8]? {
        let (block, range) = state.withLock { ($0.blocks[cid], $0.ranges[cid]) }
        if let block { return block }
        guard let range else { return nil }
        let file = try ReadOnlyFile(path: range.path)
        let bytes = try file.read(at: range.offset, count: range.length)
        guard bytes.count == range.length, cid.multihash.matches(bytes) else {
            throw FileIOError(path: range.path, reason: "changed since it was packed (block \(cid) no longer matches); publish again")
        }
        return bytes
    }

    public func has(_ cid: CID) -> Bool {
        state.withLock { $0.blocks[cid] != nil || $0.ranges[cid] != nil }
    }

    /// The length of a block's data without reading it; nil when the store does not hold it.
    public func size(of cid: CID) -> Int? {
        state.withLock { $0.blocks[cid]?.count ?? $0.ranges[cid]?.length }
    }

    /// Blocks held in memory, and their bytes (ranges are not counted).
    public var memoryFootprint: (blocks: Int, bytes: Int) {
        state.withLock { ($0.blocks.count, $0.blocks.values.reduce(0) { $0 + $1.count }) }
    }
}
