import ContentAddressing
import Synchronization

/// Paths already resolved in one snapshot. A CID's DAG never changes, so a resolution stays true as long as
/// the snapshot's blocks do; a new snapshot (a rebuild) starts a new cache. Bounded: emptied when full.
final class ResolutionCache: Sendable {
    private struct Key: Hashable {
        let root: CID
        let path: [String]
    }

    private let entries = Mutex<[Key: ResolvedPath]>([:])
    private let capacity: Int

    init(capacity: Int = 8192) {
        self.capacity = capacity
    }

    /// The cached resolution of `path` from `root`, or `resolve()`'s, remembered.
    func resolution(root: CID, path: [String], resolve: () throws(UnixFSError) -> ResolvedPath) throws(UnixFSError) -> ResolvedPath {
        let key = Key(root: root, path: path)
        if let known = entries.withLock({ $0[key] }) { return known }
        let resolved = try resolve()
        entries.withLock {
            if $0.count >= capacity { $0.removeAll(keepingCapacity: true) }
            $0[key] = resolved
        }
        return resolved
    }
}
