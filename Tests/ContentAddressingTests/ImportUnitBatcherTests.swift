@testable import ContentAddressing
import Testing

/// Work units: small files batched, big files split, every chunk of every file in exactly one unit.
@Suite struct ImportUnitBatcherTests {
    @Test(arguments: ImportProfile.all)
    func unitsCoverEveryChunkOnce(_ profile: ImportProfile) {
        let sizes = [10, 9 << 20 | 1, 0, 5, 20 << 20] + Array(repeating: 3000, count: 600) + [4 << 20, 1]
        var batcher = ImportUnitBatcher(chunkSize: profile.chunkSize)
        var units: [ImportUnit] = []
        for (index, size) in sizes.enumerated() {
            units += batcher.add(file: index, .memory([UInt8](repeating: 0, count: size)))
        }
        units += batcher.finish()
        var chunksSeen = [[Int]](repeating: [], count: sizes.count)
        for unit in units {
            switch unit {
            case .files(let first, let sources):
                #expect(sources.count <= ImportUnitBatcher.batchFiles)
                for (offset, source) in sources.enumerated() {
                    #expect(source.length == sizes[first + offset])
                    chunksSeen[first + offset] += Array(0..<max(1, (source.length + profile.chunkSize - 1) / profile.chunkSize))
                }
            case .segment(let file, let source, let chunks):
                #expect(source.length == sizes[file] && source.length > ImportUnitBatcher.segmentBytes)
                chunksSeen[file] += Array(chunks)
            }
        }
        for (index, size) in sizes.enumerated() {
            #expect(chunksSeen[index].sorted() == Array(0..<max(1, (size + profile.chunkSize - 1) / profile.chunkSize)), "file \(index)")
        }
    }
}
