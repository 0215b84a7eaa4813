import Foundation
@testable import ContentAddressing

/// A fresh folder under the system temp dir, removed when the test lets go of it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Names in the folder, hidden ones included, sorted.
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}

/// Builds small UnixFS DAGs by hand (independently of the importer) into a block store.
struct HandDAG {
    let store = MemoryBlockStore()

    /// A raw leaf (CIDv1 raw).
    func raw(_ text: String) -> (cid: CID, size: UInt64) {
        let block = Block(data: Array(text.utf8), codec: CID.raw, cidVersion: 1)
        store.put(block)
        return (block.cid, UInt64(block.data.count))
    }

    /// A dag-pb file node over raw leaves, `children` in order.
    func file(_ parts: [String], cidVersion: Int = 1) -> (cid: CID, size: UInt64) {
        let leaves = parts.map(raw)
        let data = UnixFSData(kind: .file, fileSize: leaves.reduce(0) { $0 + $1.size }, blockSizes: leaves.map(\.size))
        return put(PBNode(links: leaves.map { PBLink(cid: $0.cid, tsize: $0.size) }, data: data.encoded()), cidVersion)
    }

    /// A dag-pb leaf holding the content itself (the v0 profile's leaves).
    func pbLeaf(_ text: String, cidVersion: Int = 0) -> (cid: CID, size: UInt64) {
        let data = UnixFSData(kind: .file, data: Array(text.utf8), fileSize: UInt64(text.utf8.count))
        return put(PBNode(data: data.encoded()), cidVersion)
    }

    func symlink(_ target: String) -> (cid: CID, size: UInt64) {
        put(PBNode(data: UnixFSData(kind: .symlink, data: Array(target.utf8)).encoded()), 1)
    }

    /// A plain directory; entries sorted by name bytes as canonical DAG-PB requires.
    func directory(_ entries: [(String, (cid: CID, size: UInt64))], cidVersion: Int = 1) -> (cid: CID, size: UInt64) {
        let links = entries
            .sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
            .map { PBLink(cid: $0.1.cid, name: $0.0, tsize: $0.1.size) }
        return put(PBNode(links: links, data: UnixFSData(kind: .directory).encoded()), cidVersion)
    }

    func put(_ node: PBNode, _ cidVersion: Int) -> (cid: CID, size: UInt64) {
        let block = Block(data: node.encoded(), codec: CID.dagPB, cidVersion: cidVersion)
        store.put(block)
        return (block.cid, UInt64(block.data.count) + node.links.reduce(0) { $0 + $1.tsize })
    }
}

/// Splits CAR bytes into header and sections with the primitives alone, to check the writer independently of the reader.
func parseCARSections(_ bytes: [UInt8]) throws -> (header: [UInt8], blocks: [Block]) {
    var offset = 0
    let headerLength = Int(try Varint.read(bytes, at: &offset))
    let header = Array(bytes[offset..<(offset + headerLength)])
    offset += headerLength
    var blocks: [Block] = []
    while offset < bytes.count {
        let length = Int(try Varint.read(bytes, at: &offset))
        let end = offset + length
        let cid = try CID.read(bytes[..<end], at: &offset)
        blocks.append(Block(cid: cid, data: Array(bytes[offset..<end])))
        offset = end
    }
    return (header, blocks)
}

/// The repository's sibling `../shared` folder (gateway-conformance fixtures), found from this source file.
let sharedFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared").standardizedFileURL

let conformanceFolder = sharedFolder.appendingPathComponent("gateway-conformance")

/// Whether the gateway-conformance CARs are beside the repository (they are not copied into it).
let hasConformanceCARs = FileManager.default.fileExists(atPath: conformanceFolder.path)
