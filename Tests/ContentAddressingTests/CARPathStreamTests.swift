import Foundation
import Testing
@testable import ContentAddressing

/// CARs of a content path with each dag-scope, as a trustless gateway sends them.
@Suite struct CARPathStreamTests {
    static func car(_ path: ResolvedPath, _ scope: DAGScope, entityBytes: Range<UInt64>? = nil, duplicates: Bool = false,
                    store: any BlockStore) throws -> [CID] {
        var bytes: [UInt8] = []
        try CARWriter.stream(path: path, scope: scope, entityBytes: entityBytes, duplicates: duplicates, from: store) { bytes += $0 }
        let (header, blocks) = try parseCARSections(bytes)
        #expect(header == CARHeader(roots: [path.root]).encoded())
        for block in blocks { #expect(block.isIntact) }
        return blocks.map(\.cid)
    }

    /// root/ { a.txt (multi-block), sub/ { b.txt, c.txt = same bytes as b.txt } }
    static func tree() async throws -> (MemoryBlockStore, CID) {
        var tree = InMemoryTree()
        tree.addFile("a.txt", (0..<40).map { UInt8($0) })
        tree.addFile("sub/b.txt", Array("same".utf8))
        tree.addFile("sub/c.txt", Array("same".utf8))
        let store = MemoryBlockStore()
        return (store, try await Importer.importTree(tree, profile: FileRangeReaderTests.smallChunks, into: store).root)
    }

    @Test func scopesOfAFileOnAPath() async throws {
        let (store, root) = try await Self.tree()
        let reader = UnixFSReader(store: store)
        let path = try reader.resolve(root: root, segments: ["a.txt"])
        let file = path.terminal.cid
        let all = try Self.car(path, .all, store: store)
        var fileBlocks: [CID] = []
        var pieces = FileRangeReader(reader: reader, file: file, range: 0..<40)
        while let piece = try pieces.next() { fileBlocks.append(piece.cid) }
        #expect(all == [root] + fileBlocks)
        #expect(try Self.car(path, .entity, store: store) == all)
        #expect(try Self.car(path, .block, store: store) == [root, file])
        let ranged = try Self.car(path, .entity, entityBytes: 14..<21, store: store)
        #expect(ranged.first == root && ranged.count < all.count && ranged.count >= 3)
        #expect(ranged.filter { $0.codec == CID.raw }.count == 1)
    }

    @Test func scopesOfADirectoryAndDuplicates() async throws {
        let (store, root) = try await Self.tree()
        let reader = UnixFSReader(store: store)
        let sub = try reader.resolve(root: root, segments: ["sub"])
        #expect(try Self.car(sub, .entity, store: store) == [root, sub.terminal.cid])
        #expect(try Self.car(sub, .block, store: store) == [root, sub.terminal.cid])
        // b.txt and c.txt are one block: sent once, or twice with dups=y.
        #expect(try Self.car(sub, .all, store: store).count == 3)
        #expect(try Self.car(sub, .all, duplicates: true, store: store).count == 4)
    }

    @Test func aMissingBlockEndsTheStreamWithAnError() async throws {
        let (store, root) = try await Self.tree()
        let path = try UnixFSReader(store: store).resolve(root: root, segments: ["sub"])
        let partial = MemoryBlockStore()
        for cid in [root, path.terminal.cid] { partial.put(Block(cid: cid, data: try #require(store.get(cid)))) }
        #expect(throws: CARError.self) { try Self.car(path, .all, store: partial) }
        #expect(try Self.car(path, .entity, store: partial).count == 2)
    }
}
