import ContentAddressing
import Foundation
import POSIXFiles

/// A CAR file of the site (for services that take CAR uploads), written whole through a
/// temporary file and a rename.
struct CARFileTarget: PublishTarget {
    let config: TargetConfig
    let file: URL

    var endpoint: String { file.path }

    func holds(_ cid: CID, record: TargetRecord) async throws(PublishError) -> Bool {
        guard let reader = try? CARReader(url: file) else { return false }
        return reader.roots == [cid]
    }

    func publish(_ job: TargetJob) async throws(PublishError) -> TargetRecord {
        let pieces = CARPieces(root: job.site.root, blocks: job.site.blocks.blocks, store: job.site.store)
        var progress = TargetProgress(target: config.name, phase: "writing \(file.path)", bytesTotal: pieces.length,
            blocksTotal: job.site.blocks.blocks.count)
        job.progress(progress)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicOutput.writeFile(file) { writer in
                var iterator = pieces.makeIterator()
                while let piece = iterator.next() {
                    try writer.write(piece)
                    progress.bytesSent += UInt64(piece.count)
                    progress.blocksSent = iterator.blocksDone
                    job.progress(progress)
                }
                if let failure = iterator.failure { throw failure }
            }
        } catch {
            throw .target(target: config.name, "writing \(file.path): \(error)")
        }
        progress.phase = "written"
        job.progress(progress)
        return record(.pinned, pin: job.site.root.string, bytes: pieces.length, blocks: job.site.blocks.blocks.count)
    }
}
