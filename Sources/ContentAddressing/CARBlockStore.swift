import Foundation
import POSIXFiles
import Synchronization

/// A read-only block store over a CAR file: one pass indexes where each block lies, reads happen on demand
/// and each block is checked against its hash the first time it is read (later reads of the same block, as a
/// server makes, skip the hash, as kubo does without `HashOnRead`), so a CAR of any size costs memory only for
/// its index.
public final class CARBlockStore: BlockStore {
    public let url: URL
    public let roots: [CID]

    private struct Location: Sendable {
        let sectionOffset: UInt64
        let dataOffset: UInt64
        let length: Int
        /// The block's bit in `verified`.
        let ordinal: Int
    }

    private let file: ReadOnlyFile
    private let index: [CID: Location]
    /// One bit per block: set once the block was read and matched its hash.
    private let verified: Mutex<[UInt64]>

    /// Indexes the CAR at `url` (v1 or v2); the first copy of a duplicated block wins.
    public init(url: URL) throws(CARError) {
        let reader = try CARReader(url: url)
        var index: [CID: Location] = [:]
        while let section = try reader.nextSection(readingData: false) {
            guard index[section.cid] == nil else { continue }
            index[section.cid] = Location(sectionOffset: section.offset, dataOffset: section.dataOffset, length: section.dataLength,
                                          ordinal: index.count)
        }
        verified = Mutex([UInt64](repeating: 0, count: (index.count + 63) / 64))
        file = reader.file
        self.url = url
        self.roots = reader.roots
        self.index = index
    }

    /// Blocks in the CAR (each CID once).
    public var count: Int { index.count }

    /// Always throws `CARError.readOnly`.
    public func put(_ block: Block) throws {
        throw CARError.readOnly(path: url.path)
    }

    /// The block's bytes; throws `CARError.corruptBlock` when they do not hash to `cid` (checked on the first read).
    public func get(_ cid: CID) throws -> [UInt8]? {
        guard let location = index[cid] else { return nil }
        let data: [UInt8]
        do { data = try file.read(at: location.dataOffset, count: location.length) } catch {
            throw CARError.readFailed(path: url.path, reason: error.reason)
        }
        guard data.count == location.length else {
            throw CARError.truncated(path: url.path, offset: location.sectionOffset, needed: UInt64(location.length), available: UInt64(data.count))
        }
        let (word, bit) = (location.ordinal / 64, UInt64(1) << (location.ordinal % 64))
        if verified.withLock({ $0[word] & bit != 0 }) { return data }
        // Hashes blogctl cannot compute are passed through; `CARVerifier` reports them.
        guard !cid.multihash.isVerifiable || cid.multihash.matches(data) else {
            throw CARError.corruptBlock(path: url.path, cid: cid, offset: location.sectionOffset)
        }
        verified.withLock { $0[word] |= bit }
        return data
    }

    public func has(_ cid: CID) -> Bool { index[cid] != nil }

    /// Reads part of a block straight from the file once the block has matched its hash; before that, the whole
    /// block is read and checked first.
    public func read(_ cid: CID, range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
        guard let location = index[cid] else { return false }
        try BlockRangeError.check(range, in: cid, length: location.length, buffer: buffer)
        let (word, bit) = (location.ordinal / 64, UInt64(1) << (location.ordinal % 64))
        guard verified.withLock({ $0[word] & bit != 0 }) else {
            guard let data = try get(cid) else { return false }
            data.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[range])) }
            return true
        }
        let count: Int
        do { count = try file.read(at: location.dataOffset + UInt64(range.lowerBound), into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<range.count])) } catch {
            throw CARError.readFailed(path: url.path, reason: error.reason)
        }
        guard count == range.count else {
            throw CARError.truncated(path: url.path, offset: location.sectionOffset, needed: UInt64(location.length), available: UInt64(range.lowerBound + count))
        }
        return true
    }
}
