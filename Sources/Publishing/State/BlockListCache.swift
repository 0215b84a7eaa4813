import ContentAddressing
import Foundation
import POSIXFiles

/// The block CIDs of recent deployments (`.blogctl-cache/deployments/<cid>.blocks`), so the next
/// deployment sends a node that still holds one of them only the blocks it lacks. Losing it only
/// means sending everything once.
struct BlockListCache: Sendable {
    let directory: URL
    /// How many deployments' lists are kept.
    let keep = 8

    init(cacheDirectory: URL) {
        directory = cacheDirectory.appendingPathComponent("deployments")
    }

    private func file(_ root: CID) -> URL { directory.appendingPathComponent("\(root.string).blocks") }

    /// Saves the blocks of `dag`, and drops the oldest lists beyond `keep`.
    func save(_ dag: DAGBlocks) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(dag.blocks.count * 40)
        for block in dag.blocks {
            Varint.append(UInt64(block.cid.bytes.count), to: &bytes)
            bytes += block.cid.bytes
        }
        guard AtomicOutput.replace(file(dag.root), with: bytes, temporaryPrefix: ".blocks.tmp-", sync: false) else { return }
        let lists = ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.contentModificationDateKey])) ?? [])
            .filter { $0.pathExtension == "blocks" }
            .sorted { a, b in
                let da = (try? a.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                let db = (try? b.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate) ?? .distantPast
                return da > db
            }
        for old in lists.dropFirst(keep) { try? FileManager.default.removeItem(at: old) }
    }

    /// The block CIDs of the deployment of `root`; nil when not kept or unreadable.
    func load(_ root: CID) -> Set<CID>? {
        guard let data = FileManager.default.contents(atPath: file(root).path) else { return nil }
        let bytes = Array(data)
        var cids: Set<CID> = []
        var offset = 0
        while offset < bytes.count {
            guard let length = try? Varint.read(bytes, at: &offset), length <= UInt64(bytes.count - offset),
                let cid = try? CID(bytes: Array(bytes[offset..<(offset + Int(length))]))
            else { return nil }
            cids.insert(cid)
            offset += Int(length)
        }
        return cids.contains(root) ? cids : nil
    }
}
