import Foundation
import Testing
@testable import ContentAddressing

/// Looking names up and resolving paths without listing directories: plain directories and HAMT shards.
@Suite struct UnixFSPathTests {
    /// A profile that shards any directory over 1 KiB of links, so a few hundred names give nested shards.
    static let tinyHAMT = ImportProfile(name: "tiny-hamt", cidVersion: 1, rawLeaves: true, chunkSize: 1 << 20, maxLinks: 174,
                                        hamtThreshold: 1024, directorySizeEstimate: .linksBytes)

    static func shardedTree(count: Int) async throws -> (store: MemoryBlockStore, root: CID, tree: InMemoryTree) {
        var tree = InMemoryTree()
        for i in 0..<count { tree.addFile("dir/page-\(i).html", Array("page \(i)".utf8)) }
        tree.addFile("dir/é", Array("precomposed".utf8))
        let store = MemoryBlockStore()
        let imported = try await Importer.importTree(tree, profile: tinyHAMT, into: store)
        return (store, imported.root, tree)
    }

    @Test func lookupInHAMTFindsEveryNameAndOnlyThose() async throws {
        let (store, root, _) = try await Self.shardedTree(count: 3_000)
        let reader = UnixFSReader(store: store)
        let dir = try #require(try reader.lookup("dir", inDirectory: root, path: "").cid)
        let listed = try reader.directoryEntries(dir, path: "dir")
        #expect(listed.count == 3_001)
        var deepest = 0
        for (name, cid) in listed {
            let found = try reader.lookup(name, inDirectory: dir, path: "dir")
            #expect(found.cid == cid, "\(name)")
            #expect(found.blocks.first == dir)
            deepest = max(deepest, found.blocks.count)
        }
        #expect(deepest >= 2, "3,000 names under a 256-way HAMT must nest at least one shard")
        #expect(try reader.lookup("page-3000.html", inDirectory: dir, path: "dir").cid == nil)
        // Byte equality, not Unicode equivalence: "e" + combining acute is another name than "é".
        #expect(try reader.lookup("e\u{301}", inDirectory: dir, path: "dir").cid == nil)
        #expect(try reader.lookup("é", inDirectory: dir, path: "dir").cid != nil)
    }

    @Test func lookupReadsOnlyTheShardsOnTheWay() async throws {
        let (store, root, _) = try await Self.shardedTree(count: 3_000)
        let counting = CountingStore(store)
        let reader = UnixFSReader(store: counting)
        let dir = try #require(try UnixFSReader(store: store).lookup("dir", inDirectory: root, path: "").cid)
        let found = try reader.lookup("page-1234.html", inDirectory: dir, path: "dir")
        #expect(found.cid != nil)
        #expect(counting.reads == found.blocks, "every block read is on the path, once")
    }

    @Test func resolveGivesSegmentCIDsAndPathBlocks() async throws {
        let (store, root, _) = try await Self.shardedTree(count: 3_000)
        let reader = UnixFSReader(store: store)
        let resolved = try reader.resolve(root: root, segments: ["dir", "page-7.html"])
        #expect(resolved.segmentCIDs.count == 3)
        #expect(resolved.segmentCIDs.first == root)
        #expect(resolved.terminal.kind == .file(size: 6))
        #expect(resolved.terminal.path == "dir/page-7.html")
        #expect(resolved.blocks.first == root && resolved.blocks.last == resolved.terminal.cid)
        #expect(resolved.blocks.contains(resolved.segmentCIDs[1]))
        #expect(try reader.fileContents(resolved.terminal.cid) == Array("page 7".utf8))

        let root2 = try reader.resolve(root: root, segments: [])
        #expect(root2.terminal.kind == .directory && root2.blocks == [root])
    }

    @Test func resolveRefusesMissingNamesStepsThroughFilesAndUnsafeNames() async throws {
        let (store, root, _) = try await Self.shardedTree(count: 10)
        let reader = UnixFSReader(store: store)
        #expect(throws: UnixFSError.notFound(path: "dir/nope")) { try reader.resolve(root: root, segments: ["dir", "nope"]) }
        #expect(throws: UnixFSError.notFound(path: "dir/page-1.html/x")) {
            try reader.resolve(root: root, segments: ["dir", "page-1.html", "x"])
        }
        #expect(throws: UnixFSError.notFound(path: "..")) { try reader.resolve(root: root, segments: [".."]) }
    }

    @Test func lookupInConformanceHAMT() throws {
        let url = conformanceFolder.appendingPathComponent("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car")
        guard FileManager.default.fileExists(atPath: url.path) else {
            print("skipped: \(url.path) is absent (../shared/gateway-conformance)")
            return
        }
        let store = try CARBlockStore(url: url)
        let reader = UnixFSReader(store: store)
        let root = try #require(store.roots.first)
        for (name, cid) in try reader.directoryEntries(root, path: "") {
            let found = try reader.lookup(name, inDirectory: root, path: "")
            #expect(found.cid == cid)
            #expect(found.blocks.first == root)
            // Every block read on the way is a shard of this HAMT, not a listing of it.
            for shard in found.blocks { #expect(try UnixFSReader(store: store).entry(shard, path: "").kind == .directory) }
        }
    }
}

/// A store that records which blocks were read, in order.
final class CountingStore: BlockStore, @unchecked Sendable {
    let inner: any BlockStore
    private let lock = NSLock()
    private var _reads: [CID] = []
    var reads: [CID] { lock.withLock { _reads } }

    init(_ inner: any BlockStore) { self.inner = inner }

    func put(_ block: Block) throws { try inner.put(block) }

    func get(_ cid: CID) throws -> [UInt8]? {
        lock.withLock { _reads.append(cid) }
        return try inner.get(cid)
    }
}
