import ContentAddressing
import Foundation

/// Content read from CAR files (`blogctl serve --car`): every block of every CAR, read on demand and checked
/// against its hash. With one root in all, that root is also the site at `/`.
public struct CARContent: GatewayContent {
    private let content: ContentSnapshot

    /// Indexes each CAR (v1 or v2); throws `CARError` naming the file that cannot be read.
    public init(files: [URL]) throws(CARError) {
        var stores: [CARBlockStore] = []
        for url in files { stores.append(try CARBlockStore(url: url)) }
        var roots: [CID] = []
        for root in stores.flatMap(\.roots) where !roots.contains(root) { roots.append(root) }
        content = ContentSnapshot(blocks: SmallBlockCache(BlockStoreUnion(stores)), roots: roots)
    }

    public func snapshot() -> ContentSnapshot { content }
}

/// Several read-only stores as one: the first that holds a block answers.
struct BlockStoreUnion: BlockStore {
    let stores: [any BlockStore]

    init(_ stores: [any BlockStore]) { self.stores = stores }

    func put(_ block: Block) throws { throw CARError.readOnly(path: "the gateway's CAR files") }

    func get(_ cid: CID) throws -> [UInt8]? {
        for store in stores { if let data = try store.get(cid) { return data } }
        return nil
    }

    func has(_ cid: CID) throws -> Bool {
        for store in stores where try store.has(cid) { return true }
        return false
    }

    func read(_ cid: CID, range: Range<Int>, into buffer: UnsafeMutableRawBufferPointer) throws -> Bool {
        for store in stores where try store.read(cid, range: range, into: buffer) { return true }
        return false
    }
}
