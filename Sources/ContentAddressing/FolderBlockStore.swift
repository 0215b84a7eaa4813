import Foundation
import POSIXFiles

/// A persistent block store: one file per block in a folder, sharded like kubo's flatfs
/// (`next-to-last/2`: the two characters before the last of the CID's base32 name), so a
/// publish or preview can keep blocks between runs. Blocks are checked against their CID when read.
public struct FolderBlockStore: BlockStore {
    /// The folder holding the blocks.
    public let directory: URL

    /// Opens (creating if needed) a block folder.
    public init(directory: URL) throws(FolderBlockStoreError) {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreate(path: directory.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Where a block lives: the CIDv1 of its multihash and codec, so v0 and v1 names share a file.
    func location(of cid: CID) -> (shard: String, file: String) {
        let name = cid.v1.string
        let shardEnd = name.index(before: name.endIndex)
        let shard = String(name[name.index(shardEnd, offsetBy: -2)..<shardEnd])
        return (directory.path + "/" + shard, directory.path + "/" + shard + "/" + name)
    }

    /// Writes the block to a temporary file and renames it into place, so readers never see half a block.
    public func put(_ block: Block) throws {
        let (shard, file) = location(of: block.cid)
        if access(file, F_OK) == 0 { return }
        if mkdir(shard, 0o755) != 0 && errno != EEXIST {
            throw FolderBlockStoreError.writeFailed(path: shard, reason: systemErrorMessage())
        }
        let temporary = file + ".tmp-\(UUID().uuidString)"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FolderBlockStoreError.writeFailed(path: temporary, reason: systemErrorMessage()) }
        let written = block.data.withUnsafeBytes { writeFully(fd, $0) }
        let reason = written ? nil : systemErrorMessage()
        close(fd)
        guard written, rename(temporary, file) == 0 else {
            let why = reason ?? systemErrorMessage()
            unlink(temporary)
            throw FolderBlockStoreError.writeFailed(path: file, reason: why)
        }
    }

    /// The block's bytes, or nil when absent; a file whose bytes do not match its CID is an error.
    public func get(_ cid: CID) throws -> [UInt8]? {
        let file = location(of: cid).file
        let fd = open(file, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FolderBlockStoreError.readFailed(path: file, reason: systemErrorMessage())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FolderBlockStoreError.readFailed(path: file, reason: systemErrorMessage()) }
        let data: [UInt8]
        do {
            data = try readFully(fd, at: 0, count: Int(info.st_size), path: file)
        } catch {
            throw FolderBlockStoreError.readFailed(path: file, reason: error.reason)
        }
        guard cid.multihash.matches(data) else { throw FolderBlockStoreError.corrupt(path: file, cid: cid) }
        return data
    }

    public func has(_ cid: CID) -> Bool {
        access(location(of: cid).file, F_OK) == 0
    }
}

/// A block folder that could not be created, written or read, or holds a damaged block.
public enum FolderBlockStoreError: Error, Equatable, CustomStringConvertible {
    case cannotCreate(path: String, reason: String)
    case writeFailed(path: String, reason: String)
    case readFailed(path: String, reason: String)
    case corrupt(path: String, cid: CID)

    public var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "\(path): cannot create the block folder: \(reason)"
        case .writeFailed(let path, let reason): "\(path): cannot write block: \(reason)"
        case .readFailed(let path, let reason): "\(path): cannot read block: \(reason)"
        case .corrupt(let path, let cid): "\(path): block does not match its CID \(cid) (the file is damaged; delete it and publish again)"
        }
    }
}
