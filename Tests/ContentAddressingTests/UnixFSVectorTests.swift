import ContentAddressing
import Foundation
import Testing

/// Every kubo vector, both profiles, from disk and from memory.
@Suite struct UnixFSVectorTests {
    @Test(arguments: VectorCase.all)
    func diskImportMatchesKubo(_ vector: VectorCase) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let root = temp.url.appendingPathComponent(vector.name)
        try vector.materialize(at: root)
        for profile in ImportProfile.all {
            let summary = try await Importer.importPath(root, profile: profile, into: DiscardingBlockStore())
            #expect(summary.root.string == vector.expectedCID(profile), "\(vector.name) under \(profile)")
        }
    }

    @Test(arguments: VectorCase.all.filter { $0.file == nil })
    func inMemoryImportMatchesKubo(_ vector: VectorCase) async throws {
        let tree = vector.inMemoryTree
        for profile in ImportProfile.all {
            let summary = try await Importer.importTree(tree, profile: profile, into: DiscardingBlockStore())
            #expect(summary.root.string == vector.expectedCID(profile), "\(vector.name) under \(profile)")
        }
    }

    @Test(arguments: VectorCase.all.filter { $0.file != nil && $0.file!.size ?? 0 < 4_000_000 })
    func bytesImportMatchesKubo(_ vector: VectorCase) throws {
        for profile in ImportProfile.all {
            let importer = FileImporter(profile: profile, store: DiscardingBlockStore())
            let node = try importer.importBytes(vector.file!.content)
            #expect(node.cid.string == vector.expectedCID(profile), "\(vector.name) under \(profile)")
            #expect(node.size == UInt64(vector.file!.content.count))
            // Bytes shared with a Data (a built page) pack the same.
            #expect(try importer.importData(Data(vector.file!.content)) == node)
        }
    }
}
