import Foundation
import POSIXFiles
import Synchronization

/// A block store that keeps block data in an unlinked temporary file and only an index in memory,
/// so packing a very large file stays small in RAM. The file vanishes with the store (or the process).
public final class SpillBlockStore: BlockStore {
    private struct State {
        var index: [CID: (offset: UInt64, length: Int)] = [:]
        var end: UInt64 = 0
    }

    private let fd: Int32
    private let path: String
    private let state = Mutex(State())

    /// Creates the spill file in `directory` (the system temp folder by default).
    public init(directory: URL = FileManager.default.temporaryDirectory) throws(SpillStoreError) {
        let path = directory.appendingPathComponent(".blogctl-spill-\(UUID().uuidString)").path
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path: path, reason: systemErrorMessage()) }
        // Unlinked at once: the data stays reachable through `fd` and no file is left behind, even after a crash.
        unlink(path)
        self.fd = fd
        self.path = path
    }

    deinit { close(fd) }

    /// Appends the block's data to the spill file unless the CID is already stored.
    public func put(_ block: Block) throws {
        try state.withLock { (state) throws(SpillStoreError) in
            guard state.index[block.cid] == nil else { return }
            let ok = block.data.withUnsafeBytes { writeFully(fd, $0, at: state.end) }
            guard ok else { throw .writeFailed(path: path, reason: systemErrorMessage()) }
            state.index[block.cid] = (state.end, block.data.count)
            state.end += UInt64(block.data.count)
        }
    }

    public func get(_ cid: CID) throws -> [UInt8]? {
        guard let location = state.withLock({ $0.index[cid] }) else { return nil }
        do {
            let data = try readFully(fd, at: location.offset, count: location.length, path: path)
            guard data.count == location.length else { throw SpillStoreError.readFailed(path: path, reason: "spill file is shorter than its index") }
            return data
        } catch let error as FileIOError {
            throw SpillStoreError.readFailed(path: path, reason: error.reason)
        }
    }

    public func has(_ cid: CID) -> Bool { state.withLock { $0.index[cid] != nil } }

    /// How many blocks are held.
    public var count: Int { state.withLock { $0.index.count } }

    /// Bytes of block data held on disk.
    public var byteCount: UInt64 { state.withLock { $0.end } }
}

/// A spill file that could not be created, written or read.
public enum SpillStoreError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotCreate(let p, let why): "cannot create the temporary block file \(p): \(why)"
        case .writeFailed(let p, let why): "cannot write the temporary block file \(p): \(why)"
        case .readFailed(let p, let why): "cannot read the temporary block file \(p): \(why)"
        }
    }
}
