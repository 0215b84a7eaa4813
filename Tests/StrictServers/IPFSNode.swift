import ContentAddressing
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// A peer's blocks and recursive pins: what a kubo node, a cluster peer or a pinning service holds.
public final class IPFSNode: Sendable {
    /// A libp2p-style peer ID (unique per node; only compared, never decoded).
    public let peerID: String
    public let store = MemoryBlockStore()
    private let pinned = Mutex<[CID]>([])
    private let received = Mutex<(blocks: Int, bytes: Int)>((0, 0))

    public init() {
        let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz")
        peerID = "12D3KooW" + String((0..<44).map { _ in alphabet.randomElement()! })
    }

    /// The multiaddrs it is reached at, each ending in its peer ID.
    public var addresses: [String] { ["/ip4/127.0.0.1/tcp/4001/p2p/\(peerID)", "/ip4/127.0.0.1/udp/4001/quic-v1/p2p/\(peerID)"] }

    /// Recursive pins, in the order they were made.
    public var pins: [CID] { pinned.withLock { $0 } }
    public func isPinned(_ cid: CID) -> Bool { pinned.withLock { $0.contains { $0.sameBlock(as: cid) } } }

    /// Blocks and bytes received through imports (not those copied from other peers).
    public var blocksReceived: Int { received.withLock { $0.blocks } }
    public var bytesReceived: Int { received.withLock { $0.bytes } }

    /// The first block of the DAG under `root` this node lacks, nil when it holds all of it.
    public func missingBlock(under root: CID) -> CID? {
        do {
            _ = try DAGBlocks.walk(root: root, store: store)
            return nil
        } catch {
            if case .missingBlock(_, let cid, _) = error { return cid }
            return root
        }
    }

    /// Pins `root` recursively; the DAG must be whole here.
    func pin(_ root: CID) throws(StrictServerError) {
        if let missing = missingBlock(under: root) { throw StrictServerError("block was not found locally (offline): ipld: could not find \(missing)") }
        pinned.withLock { if !$0.contains(where: { $0.sameBlock(as: root) }) { $0.append(root) } }
    }

    /// Drops the recursive pin of `cid`; false when there was none.
    @discardableResult
    func unpin(_ cid: CID) -> Bool {
        pinned.withLock { list in
            guard let index = list.firstIndex(where: { $0.sameBlock(as: cid) }) else { return false }
            list.remove(at: index)
            return true
        }
    }

    /// Takes the CAR's blocks, each checked against its CID; returns the CAR's roots. A block that
    /// does not match its CID fails the whole import (nothing of it is kept).
    func importCAR(_ bytes: [UInt8]) throws(StrictServerError) -> (roots: [CID], blocks: Int, bytes: Int) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("strict-import-\(UUID().uuidString).car")
        defer { try? FileManager.default.removeItem(at: file) }
        var blocks: [Block] = []
        let roots: [CID]
        do {
            try Self.write(bytes, to: file)
            let reader = try CARReader(url: file)
            roots = reader.roots
            while let block = try reader.next() {
                guard BlockLinks.inlineData(of: block.cid) != nil || block.cid.multihash.matches(block.data) else {
                    throw StrictServerError("block \(block.cid) does not match its hash: it was not imported")
                }
                blocks.append(block)
            }
        } catch let error as StrictServerError {
            throw error
        } catch {
            throw StrictServerError("the CAR cannot be read: \(error)")
        }
        for block in blocks { store.put(block) }
        let size = blocks.reduce(0) { $0 + $1.data.count }
        received.withLock { $0 = ($0.blocks + blocks.count, $0.bytes + size) }
        return (roots, blocks.count, size)
    }

    /// `bytes` written to a new file with write(2) in pieces: Foundation's `Data.write` garbles
    /// files over 2 GiB on Linux (swift-corelibs-foundation, Swift 6.3).
    private static func write(_ bytes: [UInt8], to file: URL) throws(StrictServerError) {
        let fd = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StrictServerError("cannot store the upload: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var done = 0
        while done < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, min(bytes.count - done, 1 << 30)) }
            guard written > 0 else { throw StrictServerError("cannot store the upload: \(String(cString: strerror(errno)))") }
            done += written
        }
    }

    /// Copies the DAG under `root` from `other`; false when `other` lacks part of it.
    func fetch(_ root: CID, from other: IPFSNode) -> Bool {
        guard other.missingBlock(under: root) == nil, let dag = try? DAGBlocks.walk(root: root, store: other.store) else { return false }
        for entry in dag.blocks {
            if let data = other.store.get(entry.cid) { store.put(Block(cid: entry.cid, data: data)) }
        }
        return true
    }
}

/// The peers that can reach one another: a pinning service or cluster fetches from them.
public final class IPFSNetwork: Sendable {
    private let nodes = Mutex<[IPFSNode]>([])

    public init() {}

    public func join(_ node: IPFSNode) { nodes.withLock { $0.append(node) } }

    /// The node a multiaddr ending in `/p2p/<id>` names.
    func node(at multiaddr: String) -> IPFSNode? {
        guard let id = multiaddr.split(separator: "/").last.map(String.init) else { return nil }
        return nodes.withLock { $0.first { $0.peerID == id } }
    }

    /// Every node that holds the whole DAG under `root`.
    func providers(of root: CID) -> [IPFSNode] {
        nodes.withLock { $0 }.filter { $0.isPinned(root) && $0.missingBlock(under: root) == nil }
    }
}

extension CID {
    /// Whether both name the same block (a CIDv0 and its CIDv1 do).
    func sameBlock(as other: CID) -> Bool { multihash == other.multihash && codec == other.codec }
}
