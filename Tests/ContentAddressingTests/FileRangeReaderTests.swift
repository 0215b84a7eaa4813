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
}
