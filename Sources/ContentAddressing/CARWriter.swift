import Foundation
import POSIXFiles

/// What a written CAR holds.
public struct CARSummary: Sendable, Equatable {
    public let roots: [CID]
    /// Blocks written, each once.
    public let blockCount: Int
    /// Length of the whole CAR, header included.
    public let byteCount: UInt64
}

/// Writes CARv1 files in kubo's `dag export` order: depth-first from each root, root first, links in order,
/// each block once; identity-hash CIDs carry their data inline and are not written.
public enum CARWriter {
    /// Writes the DAG under `root` to `url` atomically (temp file beside it, fsync, rename).
    public static func write(root: CID, from store: any BlockStore, to url: URL) throws(CARError) -> CARSummary {
        try write(roots: [root], from: store, to: url)
    }

    /// Writes the DAGs under `roots` to `url` atomically; on error an existing `url` is untouched.
    public static func write(roots: [CID], from store: any BlockStore, to url: URL) throws(CARError) -> CARSummary {
        do {
            return try AtomicOutput.writeFile(url) { file in
                try stream(roots: roots, from: store, name: url.path) { try file.write($0) }
            }
        } catch let error as CARError {
            throw error
        } catch let error as FileIOError {
            throw .writeFailed(path: url.path, reason: error.reason)
        } catch {
            throw .writeFailed(path: url.path, reason: "\(error)")
        }
    }

    /// Streams the CAR as byte chunks to `emit` (for uploads); `name` labels errors.
    /// Throws `CARError` for missing or undecodable blocks, and whatever `emit` throws.
    public static func stream(
        roots: [CID], from store: any BlockStore, name: String, emit: ([UInt8]) throws -> Void
    ) throws -> CARSummary {
        let header = CARHeader(roots: roots).encoded()
        try emit(Varint.encode(UInt64(header.count)) + header)
        var byteCount = UInt64(Varint.size(UInt64(header.count)) + header.count)
        var blockCount = 0
        try DAGWalk.depthFirst(roots: roots) { cid, parent in
            let data: [UInt8]
            if let inline = BlockLinks.inlineData(of: cid) {
                data = inline
            } else {
                let stored: [UInt8]?
                do { stored = try store.get(cid) } catch { throw CARError.storeFailed(path: name, reason: "\(error)") }
                guard let stored else { throw CARError.missingBlock(path: name, cid: cid, linkedFrom: parent) }
                data = stored
                var prefix = Varint.encode(UInt64(cid.bytes.count + data.count))
                prefix += cid.bytes
                try emit(prefix)
                try emit(data)
                byteCount += UInt64(prefix.count + data.count)
                blockCount += 1
            }
            do { return try BlockLinks.links(of: cid, data: data) } catch {
                throw CARError.undecodableBlock(path: name, cid: cid, reason: "\(error)")
            }
        }
        return CARSummary(roots: roots, blockCount: blockCount, byteCount: byteCount)
    }
}
