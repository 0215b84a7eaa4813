import ContentAddressing
import Foundation
import Testing

/// The pieces an upload is made of: the blocks in CAR order (less those a previous deployment
/// held), the CAR streamed with its length known beforehand, and the check of a CAR fetched back.
@Suite struct DAGUploadTests {
    func tree(_ files: [String: String]) -> InMemoryTree {
        InMemoryTree(files: files.mapValues { Array($0.utf8) })
    }

    func packed(_ files: [String: String]) async throws -> (root: CID, store: MemoryBlockStore) {
        let store = MemoryBlockStore()
        let summary = try await Importer.importTree(tree(files), into: store)
        return (summary.root, store)
    }

    @Test func aStreamedCAREqualsTheWrittenOneAndItsLengthIsKnownFirst() async throws {
        let files = Dictionary(uniqueKeysWithValues: (0..<300).map { ("posts/p\($0)/index.html", String(repeating: "post \($0) ", count: 400)) })
        let (root, store) = try await packed(files)
        let blocks = try DAGBlocks.walk(root: root, store: store)
        let pieces = CARPieces(root: root, blocks: blocks.blocks, store: store, pieceSize: 4096)
        var streamed: [UInt8] = []
        var count = 0
        for piece in pieces {
            streamed += piece
            count += 1
        }
        #expect(count > 10)
        #expect(UInt64(streamed.count) == pieces.length)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-upload-\(UUID().uuidString).car")
        defer { try? FileManager.default.removeItem(at: file) }
        _ = try CARWriter.write(root: root, from: store, to: file)
        #expect(streamed == Array(try Data(contentsOf: file)))
    }

    @Test func theDeltaLeavesOutWhatThePreviousDeploymentHeld() async throws {
        var files = Dictionary(uniqueKeysWithValues: (0..<200).map { ("posts/p\($0)/index.html", String(repeating: "text \($0) ", count: 300)) })
        let (before, store) = try await packed(files)
        let previous = Set(try DAGBlocks.walk(root: before, store: store).blocks.map(\.cid))
        files["posts/p7/index.html"] = "edited"
        let after = try await Importer.importTree(tree(files), into: store).root
        let all = try DAGBlocks.walk(root: after, store: store)
        let delta = try DAGBlocks.walk(root: after, store: store, excluding: previous.contains)
        #expect(delta.blocks.first?.cid == after)
        #expect(delta.blocks.allSatisfy { !previous.contains($0.cid) })
        // What a node holding the previous deployment needs: every new block, and only those.
        #expect(Set(delta.blocks.map(\.cid)) == Set(all.blocks.map(\.cid)).subtracting(previous))
        #expect(delta.byteCount * 20 < all.byteCount)
    }

    @Test func aFetchedCARIsCheckedBlockByBlockAsItArrives() async throws {
        let (root, store) = try await packed(["a.html": "alpha", "b/c.html": String(repeating: "x", count: 5000)])
        let blocks = try DAGBlocks.walk(root: root, store: store)
        let car = Array(CARPieces(root: root, blocks: blocks.blocks, store: store).joined())
        // In pieces of any size.
        for size in [1, 7, 100, car.count] {
            var checker = CARStreamVerifier()
            for start in stride(from: 0, to: car.count, by: size) { try checker.feed(car[start..<min(start + size, car.count)]) }
            try checker.finish()
            #expect(checker.roots == [root])
            #expect(checker.missing(from: blocks).isEmpty)
        }
        // A block left out is missing; a changed byte is a corrupt block; a cut is a truncated CAR.
        let partial = CARPieces(root: root, blocks: Array(blocks.blocks.dropLast()), store: store).joined()
        var checker = CARStreamVerifier()
        try checker.feed(Array(partial))
        try checker.finish()
        #expect(checker.missing(from: blocks) == [blocks.blocks.last!.cid])
        var corrupt = car
        corrupt[corrupt.count - 2] ^= 0x01
        var corruptChecker = CARStreamVerifier()
        #expect(throws: CARError.self) { try corruptChecker.feed(corrupt) }
        var cut = CARStreamVerifier()
        try cut.feed(car.dropLast(3))
        #expect(throws: CARError.self) { try cut.finish() }
    }

    @Test func aLargeFilesLeavesStayInTheFileAndAreCheckedWhenRead() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-range-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        var random = SystemRandomNumberGenerator()
        try Data((0..<(3 << 20) + 123).map { _ in UInt8.random(in: 0...255, using: &random) }).write(to: file)
        let store = RangeBackedBlockStore()
        let node = try await FileImporter(store: store).importFile(at: file)
        let reference = MemoryBlockStore()
        #expect(try await FileImporter(store: reference).importFile(at: file).cid == node.cid)
        // Only the interior node is in memory; the leaves are ranges of the file.
        #expect(store.memoryFootprint.bytes < 4096)
        let blocks = try DAGBlocks.walk(root: node.cid, store: store, sizeOf: { store.size(of: $0) })
        for block in blocks.blocks { #expect(try store.get(block.cid) == reference.get(block.cid)) }
        // A file changed since it was packed is an error when read, never a wrong block.
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: Data([0, 1, 2, 3]))
        try handle.close()
        let leaf = try #require(blocks.blocks.first { $0.cid.codec == CID.raw })
        #expect(throws: (any Error).self) { try store.get(leaf.cid) }
    }
}
