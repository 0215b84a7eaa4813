import Synchronization

/// Names the blocks an import makes, hands each new one to the store and counts them.
final class BlockSink: Sendable {
    let store: any BlockStore
    let profile: ImportProfile
    /// Whether to dedupe and count blocks (an import) or just pass them on (a long-lived importer).
    private let counting: Bool
    /// CIDs already stored, with the running byte total.
    private let seen = Mutex<(cids: Set<CID>, bytes: UInt64)>((cids: [], bytes: 0))

    init(store: any BlockStore, profile: ImportProfile, counting: Bool) {
        self.store = store
        self.profile = profile
        self.counting = counting
    }

    /// Hashes and stores a dag-pb block (CID version from the profile).
    func putDAGPB(_ bytes: [UInt8]) throws(ImportError) -> CID {
        try put(Block(data: bytes, codec: CID.dagPB, cidVersion: profile.cidVersion))
    }

    /// Hashes and stores a leaf: raw or dag-pb as the profile says.
    func putLeaf(_ bytes: [UInt8]) throws(ImportError) -> CID {
        profile.rawLeaves ? try put(Block(data: bytes, codec: CID.raw, cidVersion: 1)) : try putDAGPB(bytes)
    }

    private func put(_ block: Block) throws(ImportError) -> CID {
        if counting {
            let isNew = seen.withLock { state in
                guard state.cids.insert(block.cid).inserted else { return false }
                state.bytes += UInt64(block.data.count)
                return true
            }
            // A block already stored in this import need not be written again.
            guard isNew else { return block.cid }
        }
        do {
            try store.put(block)
        } catch let error as ImportError {
            throw error
        } catch {
            throw .blockStore(reason: "\(error)")
        }
        return block.cid
    }

    /// Distinct blocks stored and their total length.
    var statistics: (blocks: Int, bytes: UInt64) {
        seen.withLock { ($0.cids.count, $0.bytes) }
    }
}
