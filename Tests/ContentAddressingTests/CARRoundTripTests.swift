import Foundation
import Testing
import TestSupport
@testable import ContentAddressing

/// Importer → CAR → CARBlockStore → extract → importer again: the same root CID and the same bytes.
@Suite struct CARRoundTripTests {
    static func sampleTree() -> InMemoryTree {
        var tree = InMemoryTree()
        var rng = SplitMix64(seed: 42)
        tree.addFile("index.html", Array("<h1>home</h1>\n".utf8))
        tree.addFile("posts/first/index.html", Array("<p>first</p>".utf8))
        // Larger than both profiles' chunk sizes, so the file has interior nodes.
        tree.addFile("media/big.bin", (0..<(2_600_000)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        tree.addFile("empty.txt", [])
        tree.set("drafts", .directory)
        tree.set("latest", .symlink("posts/first/index.html"))
        tree.addFile("ünïcode ✓/a b.txt", Array("spaces and unicode".utf8))
        return tree
    }

    @Test(arguments: ImportProfile.all)
    func importedTreeSurvivesCARAndExtract(_ profile: ImportProfile) async throws {
        let tree = Self.sampleTree()
        let store = MemoryBlockStore()
        let imported = try await Importer.importTree(tree, profile: profile, into: store)
        let folder = try TemporaryFolder()
        let car = folder.file("site.car")

        let written = try CARWriter.write(root: imported.root, from: store, to: car)
        #expect(written.blockCount == imported.blocks)
        let verification = try CARVerifier.verify(url: car)
        #expect(verification.isValid)
        #expect(verification.blockCount == imported.blocks)

        let carStore = try CARBlockStore(url: car)
        let out = folder.file("out")
        try UnixFSReader(store: carStore).extract(root: imported.root, to: out)
        for (path, entry) in tree.entries {
            let url = out.appendingPathComponent(path)
            switch entry {
            case .file(let bytes): #expect(Array(try Data(contentsOf: url)) == bytes, "\(path)")
            case .data(let data): #expect(try Data(contentsOf: url) == data, "\(path)")
            case .directory: #expect(try FileManager.default.contentsOfDirectory(atPath: url.path).isEmpty)
            case .symlink(let target): #expect(try FileManager.default.destinationOfSymbolicLink(atPath: url.path) == target)
            }
        }
        let listed = try UnixFSReader(store: carStore).list(root: imported.root)
        #expect(listed.first { $0.path == "media/big.bin" }?.kind == .file(size: 2_600_000))

        // Packing the extracted folder again gives the very same root.
        let again = try await Importer.importPath(out, profile: profile, into: DiscardingBlockStore())
        #expect(again.root == imported.root)
    }

    @Test func shardedDirectoryRoundTrips() async throws {
        var tree = InMemoryTree()
        for i in 0..<4_500 { tree.addFile("entry-with-a-longish-name-\(i).html", Array("page \(i)".utf8)) }
        let store = MemoryBlockStore()
        let imported = try await Importer.importTree(tree, profile: .unixfsV0_2015, into: store)
        let rootBlock = try #require(store.get(imported.root))
        let rootPayload = try #require(try PBNode(decoding: rootBlock).data)
        let rootData = try UnixFSData(decoding: rootPayload)
        #expect(rootData.kind == .hamtShard)

        let folder = try TemporaryFolder()
        _ = try CARWriter.write(root: imported.root, from: store, to: folder.file("hamt.car"))
        let carStore = try CARBlockStore(url: folder.file("hamt.car"))
        let entries = try UnixFSReader(store: carStore).list(root: imported.root)
        #expect(Set(entries.map(\.path)) == Set(tree.entries.keys))
        try UnixFSReader(store: carStore).extract(root: imported.root, to: folder.file("out"))
        let again = try await Importer.importPath(folder.file("out"), profile: .unixfsV0_2015, into: DiscardingBlockStore())
        #expect(again.root == imported.root)
    }

    @Test func importThroughASpillStoreWritesTheSameCAR() async throws {
        let tree = Self.sampleTree()
        let memory = MemoryBlockStore()
        let spill = try SpillBlockStore()
        let a = try await Importer.importTree(tree, into: memory)
        let b = try await Importer.importTree(tree, into: spill)
        #expect(a.root == b.root)
        let folder = try TemporaryFolder()
        _ = try CARWriter.write(root: a.root, from: memory, to: folder.file("m.car"))
        _ = try CARWriter.write(root: b.root, from: spill, to: folder.file("s.car"))
        #expect(try Data(contentsOf: folder.file("m.car")) == Data(contentsOf: folder.file("s.car")))
    }
}
