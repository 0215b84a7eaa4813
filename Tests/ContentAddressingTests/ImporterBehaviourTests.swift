import ContentAddressing
import Foundation
import Synchronization
import Testing
import TestSupport

@Suite struct ImporterBehaviourTests {
    /// A tree with big files (split into segments hashed in parallel) and many small ones.
    static func mixedTree() -> InMemoryTree {
        var tree = InMemoryTree()
        tree.addFile("big/a.bin", XorShift32.bytes(seed: 1, count: 9 << 20 | 12345))
        tree.addFile("big/b.bin", XorShift32.bytes(seed: 2, count: 20 << 20))
        for i in 0..<300 {
            tree.addFile("posts/\(i % 7)/post-\(i).html", XorShift32.bytes(seed: UInt32(100 + i), count: i * 37 % 5000))
        }
        tree.set("empty", .directory)
        tree.set("latest", .symlink("posts/0/post-0.html"))
        return tree
    }

    @Test(arguments: ImportProfile.all)
    func sameResultAtAnyConcurrency(_ profile: ImportProfile) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let tree = ImporterBehaviourTests.mixedTree()
        try write(tree, to: temp.url)
        var summaries: [ImportSummary] = []
        for limit in [1, 2, 5] {
            let store = MemoryBlockStore()
            summaries.append(try await Importer(profile: profile, store: store, maxConcurrency: limit).importPath(temp.url))
            #expect(try DAGAudit.problems(root: summaries.last!.root, store: store) == [])
            #expect(store.count == summaries.last!.blocks)
        }
        let inMemory = try await Importer(profile: profile, store: DiscardingBlockStore(), maxConcurrency: 3).importTree(tree)
        summaries.append(inMemory)
        #expect(Set(summaries).count == 1, "\(summaries.map { "\($0.root) \($0.blocks) \($0.bytes)" })")
        #expect(inMemory.files == 302 && inMemory.directories == 11 && inMemory.symlinks == 1)
    }

    @Test(arguments: ImportProfile.all)
    func fileOnDiskEqualsBytesInMemory(_ profile: ImportProfile) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let bytes = XorShift32.bytes(seed: 9, count: 17 << 20 | 77)
        let url = temp.url.appendingPathComponent("f.bin")
        try Data(bytes).write(to: url)
        let importer = FileImporter(profile: profile, store: DiscardingBlockStore())
        let fromDisk = try await importer.importFile(at: url, maxConcurrency: 2)
        let fromMemory = try importer.importBytes(bytes)
        #expect(fromDisk == fromMemory)
        #expect(fromDisk.size == UInt64(bytes.count))
        #expect(fromDisk.cid.version == profile.cidVersion)
    }

    /// `importFile` follows a symbolic link to a file, as it promises (blogctl packs a site's
    /// symlinked static files from their source path): small and chunked files alike.
    @Test(arguments: [5, 3 << 20 | 11])
    func fileBehindASymbolicLinkEqualsItsTarget(_ count: Int) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let bytes = XorShift32.bytes(seed: 4, count: count)
        let target = temp.url.appendingPathComponent("target.bin")
        try Data(bytes).write(to: target)
        let absolute = temp.url.appendingPathComponent("absolute.bin")
        try FileManager.default.createSymbolicLink(atPath: absolute.path, withDestinationPath: target.path)
        let relative = temp.url.appendingPathComponent("relative.bin")
        try FileManager.default.createSymbolicLink(atPath: relative.path, withDestinationPath: "target.bin")
        let importer = FileImporter(store: DiscardingBlockStore())
        let expected = try importer.importBytes(bytes)
        #expect(try await importer.importFile(at: absolute, maxConcurrency: 2) == expected)
        #expect(try await importer.importFile(at: relative, maxConcurrency: 2) == expected)
    }

    @Test(arguments: ImportProfile.all, ["dir-flat-1000", "dir-flat-6000"])
    func directoryIgnoresEntryOrder(_ profile: ImportProfile, _ name: String) throws {
        let vector = VectorCase.named(name)
        let files = FileImporter(profile: profile, store: DiscardingBlockStore())
        var entries = try vector.items.map { item -> (name: String, node: ImportedNode) in
            guard case .file(let bytes) = item.kind else { throw ImportError.notAFile(path: item.path, kind: "other") }
            return (item.path, try files.importBytes(bytes))
        }
        let builder = DirectoryBuilder(profile: profile, store: DiscardingBlockStore())
        var generator = SplitMix64(seed: 42)
        entries.shuffle(using: &generator)
        #expect(try builder.build(entries).cid.string == vector.expectedCID(profile))
        entries.reverse()
        #expect(try builder.build(entries).cid.string == vector.expectedCID(profile))
    }

    @Test func v0ShardsOnlyAboveTheThreshold() throws {
        // 4096 entries of 30-byte names and 34-byte CIDv0s: a links-bytes estimate of exactly 262144.
        let file = try FileImporter(profile: .unixfsV0_2015, store: DiscardingBlockStore()).importBytes([1])
        var entries = (0..<4096).map { (name: "f" + String(repeating: "0", count: 29 - String($0).count) + String($0), node: file) }
        #expect(entries.allSatisfy { $0.name.utf8.count == 30 })
        let builder = DirectoryBuilder(profile: .unixfsV0_2015, store: DiscardingBlockStore())
        #expect(!builder.isSharded(entries))
        let atThreshold = try UnixFSData(decoding: PBNode(decoding: blockOf(builder, entries)).data!)
        #expect(atThreshold.kind == .directory)
        entries[0].name += "x"
        #expect(builder.isSharded(entries))
        #expect(try UnixFSData(decoding: PBNode(decoding: blockOf(builder, entries)).data!).kind == .hamtShard)
    }

    func blockOf(_ builder: DirectoryBuilder, _ entries: [(name: String, node: ImportedNode)]) throws -> [UInt8] {
        let store = MemoryBlockStore()
        let node = try DirectoryBuilder(profile: builder.profile, store: store).build(entries)
        return try #require(store.get(node.cid))
    }

    @Test func v0LayoutOf175Chunks() async throws {
        let vector = VectorCase.named("file-175-chunks")
        let store = MemoryBlockStore()
        let root = try FileImporter(profile: .unixfsV0_2015, store: store).importBytes(vector.file!.content)
        #expect(root.cid.string == vector.cid_v0)
        let node = try PBNode(decoding: store.get(root.cid)!)
        #expect(node.links.count == 2)
        let data = try UnixFSData(decoding: node.data!)
        #expect(data.kind == .file && data.fileSize == 45_613_057 && data.blockSizes == [174 * 262_144, 1])
        let first = try PBNode(decoding: store.get(node.links[0].cid)!)
        let second = try PBNode(decoding: store.get(node.links[1].cid)!)
        #expect(first.links.count == 174 && second.links.count == 1)
        #expect(node.links.allSatisfy { $0.name.isEmpty })
        #expect(try DAGAudit.problems(root: root.cid, store: store) == [])
    }

    @Test func leafEncodings() throws {
        let store = MemoryBlockStore()
        let empty = try FileImporter(profile: .unixfsV0_2015, store: store).importBytes([])
        #expect(store.get(empty.cid) == [0x0a, 0x04, 0x08, 0x02, 0x18, 0x00])
        let hello = try FileImporter(profile: .unixfsV0_2015, store: store).importBytes(Array("hi".utf8))
        #expect(store.get(hello.cid) == [0x0a, 0x08, 0x08, 0x02, 0x12, 0x02, 0x68, 0x69, 0x18, 0x02])
        #expect(hello.tsize == 10 && hello.size == 2)
        let raw = try FileImporter(profile: .unixfsV1_2025, store: store).importBytes(Array("hello world".utf8))
        #expect(raw.cid.string == "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")
        let link = try FileImporter(profile: .unixfsV1_2025, store: store).importSymlink(target: "index.html")
        #expect(try UnixFSData(decoding: PBNode(decoding: store.get(link.cid)!).data!) == UnixFSData(kind: .symlink, data: Array("index.html".utf8)))
    }

    @Test(arguments: ImportProfile.all)
    func hamtShardShape(_ profile: ImportProfile) async throws {
        let vector = VectorCase.named("dir-flat-6000")
        let store = MemoryBlockStore()
        let summary = try await Importer(profile: profile, store: store).importTree(vector.inMemoryTree)
        #expect(summary.root.string == vector.expectedCID(profile))
        let root = try PBNode(decoding: store.get(summary.root)!)
        let data = try UnixFSData(decoding: root.data!)
        #expect(data.kind == .hamtShard && data.fanout == 256 && data.hashType == 0x22)
        let bits = data.data!.reduce(0) { $0 + $1.nonzeroBitCount }
        #expect(bits == root.links.count)
        #expect(root.links.allSatisfy { $0.name.prefix(2).allSatisfy { "0123456789ABCDEF".contains($0) } })
        #expect(try DAGAudit.problems(root: summary.root, store: store) == [])
    }

    @Test func progressReachesTheTotals() async throws {
        let reports = Mutex<[ImportProgress]>([])
        let importer = Importer(store: DiscardingBlockStore(), progress: { p in reports.withLock { $0.append(p) } })
        let tree = ImporterBehaviourTests.mixedTree()
        let summary = try await importer.importTree(tree)
        let fileBytes = tree.entries.values.reduce(UInt64(0)) { total, entry in
            guard case .file(let bytes) = entry else { return total }
            return total + UInt64(bytes.count)
        }
        let seen = reports.withLock { $0 }
        #expect(seen.count > 2)
        let last = try #require(seen.last)
        #expect(last.filesDone == summary.files && last.files == summary.files)
        #expect(last.bytesDone == fileBytes && last.bytes == fileBytes)
        #expect(zip(seen, seen.dropFirst()).allSatisfy { $0.bytesDone <= $1.bytesDone })
    }

    @Test func cancelledImportStops() async {
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await Importer.importTree(ImporterBehaviourTests.mixedTree(), into: DiscardingBlockStore())
        }
        let result = await task.result
        #expect(throws: ImportError.cancelled) { try result.get() }
    }

    @Test func countsAndDedup() async throws {
        let summary = try await Importer.importTree(VectorCase.named("dir-dedup").inMemoryTree, into: DiscardingBlockStore())
        // Five identical files are one raw block; plus the directory.
        #expect(summary.files == 5 && summary.directories == 1 && summary.blocks == 2)
        let nested = try await Importer.importTree(VectorCase.named("dir-nested").inMemoryTree, profile: .unixfsV0_2015, into: DiscardingBlockStore())
        #expect(nested.files == 5 && nested.directories == 7)
        #expect(nested.rootNode.size == UInt64(35 + 13 + 14 + 15 + 524_291))
    }

    @Test func sharedDataFilesPackLikeByteArrays() async throws {
        for name in ["dir-dedup", "dir-nested"] {
            let tree = VectorCase.named(name).inMemoryTree
            var shared = InMemoryTree()
            for (path, entry) in tree.entries {
                if case .file(let bytes) = entry { shared.set(path, .data(Data(bytes))) } else { shared.set(path, entry) }
            }
            #expect(shared != tree)
            for profile in ImportProfile.all {
                let expected = try await Importer.importTree(tree, profile: profile, into: DiscardingBlockStore())
                let actual = try await Importer.importTree(shared, profile: profile, into: DiscardingBlockStore())
                #expect(actual == expected, "\(name) \(profile.name)")
            }
        }
    }

    func write(_ tree: InMemoryTree, to root: URL) throws {
        let fm = FileManager.default
        for (path, entry) in tree.entries {
            let url = root.appendingPathComponent(path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            switch entry {
            case .file(let bytes): try Data(bytes).write(to: url)
            case .data(let data): try data.write(to: url)
            case .directory: try fm.createDirectory(at: url, withIntermediateDirectories: true)
            case .symlink(let target): try fm.createSymbolicLink(atPath: url.path, withDestinationPath: target)
            }
        }
    }
}

