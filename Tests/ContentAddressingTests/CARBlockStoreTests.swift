import Foundation
import Testing
@testable import ContentAddressing

@Suite struct SpillBlockStoreTests {
    @Test func storesAndReturnsBlocksWithoutLeavingAFile() throws {
        let folder = try TemporaryFolder()
        let store = try SpillBlockStore(directory: folder.url)
        let a = Block(data: Array("alpha".utf8), codec: CID.raw, cidVersion: 1)
        let b = Block(data: [UInt8](repeating: 7, count: 300_000), codec: CID.raw, cidVersion: 1)
        let empty = Block(data: [], codec: CID.raw, cidVersion: 1)
        for block in [a, b, empty, a] { try store.put(block) }
        #expect(store.count == 3)
        #expect(store.byteCount == 5 + 300_000)
        #expect(try store.get(a.cid) == a.data)
        #expect(try store.get(b.cid) == b.data)
        #expect(try store.get(empty.cid) == [])
        #expect(store.has(b.cid))
        let absent = Block(data: [1], codec: CID.raw, cidVersion: 1).cid
        #expect(try store.get(absent) == nil)
        #expect(!store.has(absent))
        // The spill file is unlinked as soon as it is made.
        #expect(try folder.contents().isEmpty)
    }

    @Test func concurrentPutsAndGetsAgree() async throws {
        let store = try SpillBlockStore()
        let blocks = (0..<400).map { i in Block(data: Array("block \(i) ".utf8) + [UInt8](repeating: UInt8(i % 251), count: i * 37), codec: CID.raw, cidVersion: 1) }
        await withTaskGroup(of: Void.self) { group in
            for chunk in stride(from: 0, to: blocks.count, by: 50) {
                group.addTask { for block in blocks[chunk..<(chunk + 50)] { try? store.put(block) } }
                group.addTask { for block in blocks[chunk..<(chunk + 50)].reversed() { _ = try? store.get(block.cid) } }
            }
        }
        #expect(store.count == 400)
        for block in blocks { #expect(try store.get(block.cid) == block.data) }
    }

    @Test func aCARWrittenFromSpillEqualsOneFromMemory() throws {
        let dag = HandDAG()
        let root = dag.directory([("f", dag.file(["one", "two", "three"])), ("g", dag.raw("gee"))])
        let spill = try SpillBlockStore()
        for cid in [root.cid] + (try PBNode(decoding: dag.store.get(root.cid)!).links.map(\.cid)) {
            try copyTree(cid, from: dag.store, to: spill)
        }
        let folder = try TemporaryFolder()
        _ = try CARWriter.write(root: root.cid, from: dag.store, to: folder.file("memory.car"))
        _ = try CARWriter.write(root: root.cid, from: spill, to: folder.file("spill.car"))
        #expect(try Data(contentsOf: folder.file("memory.car")) == Data(contentsOf: folder.file("spill.car")))
    }

    private func copyTree(_ cid: CID, from: MemoryBlockStore, to: SpillBlockStore) throws {
        let data = try #require(from.get(cid))
        try to.put(Block(cid: cid, data: data))
        for link in try BlockLinks.links(of: cid, data: data) { try copyTree(link, from: from, to: to) }
    }
}

@Suite struct CARBlockStoreTests {
    @Test func indexesEveryBlockAndReadsOnDemand() throws {
        let dag = HandDAG()
        let big = String(repeating: "x", count: 1_500_000)  // larger than the reader's buffer
        let root = dag.directory([("big", dag.raw(big)), ("small", dag.raw("s"))])
        let folder = try TemporaryFolder()
        let url = folder.file("s.car")
        _ = try CARWriter.write(root: root.cid, from: dag.store, to: url)
        let store = try CARBlockStore(url: url)
        #expect(store.count == 3)
        #expect(store.roots == [root.cid])
        for cid in [root.cid, Block(data: Array(big.utf8), codec: CID.raw, cidVersion: 1).cid] {
            #expect(try store.get(cid) == dag.store.get(cid))
        }
        #expect(throws: CARError.readOnly(path: url.path)) { try store.put(Block(data: [1], codec: CID.raw, cidVersion: 1)) }
    }

    @Test func duplicateSectionsAreIndexedOnce() throws {
        let block = Block(data: Array("twice".utf8), codec: CID.raw, cidVersion: 1)
        let header = CARHeader(roots: [block.cid]).encoded()
        let section = Varint.encode(UInt64(block.cid.bytes.count + block.data.count)) + block.cid.bytes + block.data
        let folder = try TemporaryFolder()
        let url = folder.file("dup.car")
        try Data(Varint.encode(UInt64(header.count)) + header + section + section).write(to: url)
        let store = try CARBlockStore(url: url)
        #expect(store.count == 1)
        #expect(try store.get(block.cid) == block.data)
        let verification = try CARVerifier.verify(url: url)
        #expect(verification.blockCount == 2)
        #expect(verification.isValid)
    }
}
