import Foundation
import Testing
@testable import ContentAddressing

@Suite struct FolderBlockStoreTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-blocks-\(UUID().uuidString)")

    @Test func keepsBlocksAcrossInstancesUnderFlatfsShards() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let block = Block(data: Array("hello world".utf8), codec: CID.raw, cidVersion: 1)
        try FolderBlockStore(directory: folder).put(block)
        let reopened = try FolderBlockStore(directory: folder)
        #expect(reopened.has(block.cid))
        #expect(try reopened.get(block.cid) == block.data)
        // bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e: shard = 2 chars before the last.
        let expected = folder.appendingPathComponent("n5/bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")
        #expect(FileManager.default.fileExists(atPath: expected.path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("n5").path)
        #expect(leftovers == ["bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e"])
    }

    @Test func v0AndV1NamesFindTheSameBlock() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FolderBlockStore(directory: folder)
        let block = Block(data: PBNode(data: UnixFSData(kind: .directory).encoded()).encoded(), codec: CID.dagPB, cidVersion: 0)
        try store.put(block)
        #expect(try store.get(block.cid.v1) == block.data)
        #expect(try store.get(Block(data: [9], codec: CID.raw, cidVersion: 1).cid) == nil)
    }

    @Test func aDamagedBlockIsReportedWithItsCID() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FolderBlockStore(directory: folder)
        let block = Block(data: Array("intact".utf8), codec: CID.raw, cidVersion: 1)
        try store.put(block)
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: store.location(of: block.cid).file))
        #expect(throws: FolderBlockStoreError.corrupt(path: store.location(of: block.cid).file, cid: block.cid)) {
            try store.get(block.cid)
        }
    }

    @Test func anImportAndACARRoundTripThroughTheFolder() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FolderBlockStore(directory: folder)
        var tree = InMemoryTree()
        for i in 0..<50 { tree.addFile("posts/\(i)/index.html", Array("post \(i)\n".utf8)) }
        let summary = try await Importer(profile: .default, store: store).importTree(tree)
        let car = folder.appendingPathComponent("site.car")
        let written = try CARWriter.write(root: summary.root, from: store, to: car)
        #expect(written.blockCount == summary.blocks)
        let verification = try CARVerifier.verify(url: car)
        #expect(verification.isValid)
    }
}
