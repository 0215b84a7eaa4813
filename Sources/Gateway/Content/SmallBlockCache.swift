import ContentAddressing
import Synchronization

/// Keeps the small blocks of a read-only store in memory once they were read (and, from a CAR, checked against
/// their hash): directories and pages are read on every request, big files' chunks are not kept. Bounded:
/// emptied when full.
final class SmallBlockCache: BlockStore {
    private let inner: any BlockStore
    private let blocks = Mutex<(bytes: Int, map: [CID: [UInt8]])>((0, [:]))
    private let maxBlock: Int
    private let budget: Int

    init(_ inner: any BlockStore, maxBlock: Int = 64 << 10, budget: Int = 64 << 20) {
        self.inner = inner
        self.maxBlock = maxBlock
        self.budget = budget
    }

    func put(_ block: Block) throws { try inner.put(block) }

    func get(_ cid: CID) throws -> [UInt8]? {
        if let cached = blocks.withLock({ $0.map[cid] }) { return cached }
        guard let data = try inner.get(cid) else { return nil }
        if data.count <= maxBlock {
            blocks.withLock {
                if $0.bytes + data.count > budget { $0 = (0, [:]) }
                if $0.map.updateValue(data, forKey: cid) == nil { $0.bytes += data.count }
            }
        }
        return data
    }

    func read(_ cid: CID, range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
        guard let cached = blocks.withLock({ $0.map[cid] }) else { return try inner.read(cid, range: range, into: buffer) }
        try BlockRangeError.check(range, in: cid, length: cached.count, buffer: buffer)
        cached.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[range])) }
        return true
    }

    func has(_ cid: CID) throws -> Bool {
        try blocks.withLock({ $0.map[cid] != nil }) || inner.has(cid)
    }
}
