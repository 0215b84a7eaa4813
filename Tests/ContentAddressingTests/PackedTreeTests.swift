import Foundation
import Testing
@testable import ContentAddressing

@Suite struct PackedTreeTests {
    /// A small deterministic generator, so a failure replays.
    struct Xorshift {
        var state: UInt32
        mutating func next(_ bound: Int) -> Int {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            return Int(state % UInt32(bound))
        }
    }

    func fresh(_ tree: InMemoryTree, _ profile: ImportProfile) async throws -> CID {
        try await Importer.importTree(tree, profile: profile, into: DiscardingBlockStore()).root
    }

    @Test(arguments: ImportProfile.all)
    func editsGiveTheSameRootAsAFreshImport(_ profile: ImportProfile) async throws {
        let packed = PackedTree(profile: profile, store: DiscardingBlockStore())
        var mirror = InMemoryTree()
        var random = Xorshift(state: 2026)
        var paths: [String] = []
        for step in 0..<300 {
            let action = random.next(10)
            if action < 6 || paths.isEmpty {
                let path = ["index.html", "posts/\(random.next(40))/index.html", "tags/\(random.next(8))/page/\(random.next(3))/index.html",
                            "css/site.css", "img/\(random.next(5)).bin"][random.next(5)]
                let bytes = [UInt8](repeating: UInt8(step % 251), count: random.next(3000))
                try packed.setFile(path, bytes)
                mirror.addFile(path, bytes)
                if !paths.contains(path) { paths.append(path) }
            } else if action < 8 {
                let path = paths.remove(at: random.next(paths.count))
                try packed.remove(path)
                mirror.remove(path)
            }
            if step % 25 == 24, !mirror.entries.isEmpty {
                #expect(try packed.rootNode().cid == (try await fresh(mirror, profile)), "after step \(step)")
            }
        }
    }

    @Test func aLargeShardedDirectoryStaysEqualAfterOneEdit() async throws {
        // 6000 entries pass the v0 HAMT threshold, as in the dir-hamt-nested-parent vector.
        let profile = ImportProfile.unixfsV0_2015
        let store = MemoryBlockStore()
        let packed = PackedTree(profile: profile, store: store)
        var mirror = InMemoryTree()
        for i in 0..<6000 {
            let bytes = Array("tag \(i)\n".utf8)
            try packed.setFile("tags/tag-\(i)/index.html", bytes)
            mirror.addFile("tags/tag-\(i)/index.html", bytes)
        }
        let before = try packed.rootNode()
        #expect(before.cid == (try await fresh(mirror, profile)))
        try packed.setFile("tags/tag-17/index.html", Array("edited\n".utf8))
        mirror.addFile("tags/tag-17/index.html", Array("edited\n".utf8))
        let after = try packed.rootNode()
        #expect(after.cid != before.cid)
        #expect(after.cid == (try await fresh(mirror, profile)))
        #expect(store.has(after.cid))
    }

    @Test func removingTheLastFileOfAFolderRemovesTheFolder() async throws {
        let packed = PackedTree(store: DiscardingBlockStore())
        try packed.setFile("index.html", Array("home".utf8))
        let alone = try packed.rootNode()
        try packed.setFile("posts/a/index.html", Array("a".utf8))
        #expect(try packed.rootNode() != alone)
        try packed.remove("posts/a/index.html")
        #expect(try packed.rootNode() == alone)
    }

    @Test func badPathsAreRejectedWithThePath() throws {
        let packed = PackedTree(store: DiscardingBlockStore())
        try packed.setFile("a/b.html", [1])
        #expect(throws: ImportError.invalidTreePath("a//c", reason: "empty path component")) { try packed.setFile("a//c", [1]) }
        #expect(throws: ImportError.invalidTreePath("a/b.html/c", reason: "'a/b.html' is not a directory")) { try packed.setFile("a/b.html/c", [1]) }
        #expect(throws: ImportError.invalidTreePath("a", reason: "'a' is a directory")) { try packed.setFile("a", [1]) }
    }

    /// Files packed one by one (as a site build does in its render workers), then placed with
    /// `setLeaf`: the same root and directory count as importing the whole tree at once.
    @Test(arguments: ImportProfile.all)
    func leavesPackedApartGiveTheSameRootAsAFreshImport(_ profile: ImportProfile) async throws {
        var tree = InMemoryTree()
        var random = Xorshift(state: 499)
        for i in 0..<400 {
            let path = ["index.html", "posts/p\(i)/index.html", "tags/t\(i % 9)/page/\(i % 4)/index.html", "img/\(i % 13).bin",
                        ".well-known/x\(i % 3)", "a/b/c/d/\(i % 5).txt"][random.next(6)]
            tree.set(path, .data(Data([UInt8](repeating: UInt8(i % 251), count: random.next(2 * profile.chunkSize / 1000) * 1000))))
        }
        let files = FileImporter(profile: profile, store: DiscardingBlockStore())
        let packed = PackedTree(profile: profile, store: DiscardingBlockStore())
        for (path, entry) in tree.entries {
            guard case .data(let data) = entry else { continue }
            try packed.setLeaf(path, try files.importData(data))
        }
        let fresh = try await Importer.importTree(tree, profile: profile, into: DiscardingBlockStore())
        #expect(try packed.rootNode() == fresh.rootNode)
        #expect(packed.directoryCount == fresh.directories)
    }
}
