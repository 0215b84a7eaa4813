import Foundation
import Testing
@testable import ContentAddressing

/// Reading byte ranges of multi-block files: the right bytes, from only the blocks that hold them.
@Suite struct FileRangeReaderTests {
    /// 7-byte chunks, 3 links a node: a 200-byte file is a four-level tree.
    static let smallChunks = ImportProfile(name: "small-chunks", cidVersion: 1, rawLeaves: true, chunkSize: 7, maxLinks: 3,
                                           hamtThreshold: 262_144, directorySizeEstimate: .linksBytes)
    static let smallPBChunks = ImportProfile(name: "small-pb-chunks", cidVersion: 0, rawLeaves: false, chunkSize: 7, maxLinks: 3,
                                             hamtThreshold: 262_144, directorySizeEstimate: .linksBytes)

    static func importFile(_ content: [UInt8], profile: ImportProfile) async throws -> (MemoryBlockStore, CID) {
        let folder = try TemporaryFolder()
        let url = folder.file("f.bin")
        try Data(content).write(to: url)
        let store = MemoryBlockStore()
        let imported = try await Importer.importPath(url, profile: profile, into: store)
        return (store, imported.root)
    }

    @Test(arguments: [smallChunks, smallPBChunks])
    func everyRangeGivesTheSameBytesAsTheWholeFile(profile: ImportProfile) async throws {
        let content = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let (store, root) = try await Self.importFile(content, profile: profile)
        let reader = UnixFSReader(store: store)
        #expect(try reader.fileContents(root) == content)
        for lower in stride(from: 0, through: 200, by: 3) {
            for upper in stride(from: lower, through: 230, by: 5) {
                var got: [UInt8] = []
                try reader.readFile(root, range: UInt64(lower)..<UInt64(upper)) { got += $0 }
                #expect(got == Array(content[min(lower, 200)..<min(upper, 200)]), "\(lower)..<\(upper)")
            }
        }
    }

    @Test func aRangeReadsOnlyTheLeavesThatHoldIt() async throws {
        let content = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
        let (store, root) = try await Self.importFile(content, profile: Self.smallChunks)
        let counting = CountingStore(store)
        var got: [UInt8] = []
        try UnixFSReader(store: counting).readFile(root, range: 70..<77) { got += $0 }
        #expect(got == Array(content[70..<77]))
        let leaves = counting.reads.filter { $0.codec == CID.raw }
        #expect(leaves.count == 1, "bytes 70..<77 are exactly the eleventh 7-byte chunk")
        #expect(counting.reads.count <= 5, "the leaf and the inner nodes above it, nothing else")
    }

    @Test func missingBlocksOutsideTheRangeDoNotMatter() async throws {
        let content = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
        let (store, root) = try await Self.importFile(content, profile: Self.smallChunks)
        // Keep only the blocks a read of bytes 100..<110 needs, then read that range again from the reduced store.
        let needed = MemoryBlockStore()
        var pieces = FileRangeReader(reader: UnixFSReader(store: store), file: root, range: 100..<110)
        while let piece = try pieces.next() { needed.put(Block(cid: piece.cid, data: piece.block)) }
        #expect(needed.count < store.count)
        var got: [UInt8] = []
        try UnixFSReader(store: needed).readFile(root, range: 100..<110) { got += $0 }
        #expect(got == Array(content[100..<110]))
        #expect(throws: UnixFSError.self) { try UnixFSReader(store: needed).readFile(root, range: 0..<10) { _ in } }
    }

    @Test func extentsNameRawLeavesWithoutReadingThem() async throws {
        let content = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let (store, root) = try await Self.importFile(content, profile: Self.smallChunks)
        for (lower, upper) in [(0, 200), (3, 4), (6, 8), (13, 190), (199, 200)] {
            let counting = CountingStore(store)
            var extents = FileRangeReader(reader: UnixFSReader(store: counting), file: root, range: UInt64(lower)..<UInt64(upper))
            var got: [UInt8] = []
            while let extent = try extents.nextExtent() {
                switch extent {
                case .bytes(let bytes): got += bytes
                case .rawLeaf(let cid, let range):
                    var part = [UInt8](repeating: 0, count: range.count)
                    #expect(try part.withUnsafeMutableBytes { try store.read(cid, range: range, into: $0) })
                    got += part
                }
            }
            #expect(got == Array(content[lower..<upper]), "\(lower)..<\(upper)")
            #expect(counting.reads.allSatisfy { $0.codec == CID.dagPB }, "only inner nodes are loaded")
        }
    }

    @Test func carStoresReadPartsOfBlocksAndCheckEachBlockOnce() async throws {
        let content = (0..<200).map { UInt8(truncatingIfNeeded: $0) }
        let (store, root) = try await Self.importFile(content, profile: Self.smallChunks)
        let folder = try TemporaryFolder()
        _ = try CARWriter.write(root: root, from: store, to: folder.file("f.car"))
        let car = try CARBlockStore(url: folder.file("f.car"))
        var leaf: CID?
        var pieces = FileRangeReader(reader: UnixFSReader(store: store), file: root, range: 0..<7)
        while let piece = try pieces.next() {
            if piece.cid.codec == CID.raw { leaf = piece.cid }
        }
        let cid = try #require(leaf)
        var part = [UInt8](repeating: 0, count: 3)
        for _ in 0..<2 {  // before and after the block was checked
            #expect(try part.withUnsafeMutableBytes { try car.read(cid, range: 2..<5, into: $0) })
            #expect(part == [2, 3, 4])
        }
        #expect(throws: BlockRangeError.self) { try part.withUnsafeMutableBytes { _ = try car.read(cid, range: 5..<8, into: $0) } }
        let absent = Block(data: [1, 2, 3], codec: CID.raw, cidVersion: 1).cid
        #expect(try part.withUnsafeMutableBytes { try car.read(absent, range: 0..<3, into: $0) } == false)
    }
}
