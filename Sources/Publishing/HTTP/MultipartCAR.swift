import AsyncHTTPClient
import ContentAddressing
import Foundation
import NIOCore

/// A CAR sent as the one file of a `multipart/form-data` body (kubo's `dag/import`, Cluster's
/// `add`), streamed from the blocks as it goes out, with its exact length (`Content-Length`).
struct MultipartCAR: Sendable {
    let car: CARPieces
    let boundary = "blogctl-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    /// Told of the CAR bytes and blocks that went out so far.
    let progress: @Sendable (_ bytes: UInt64, _ blocks: Int) -> Void

    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// The CAR of `blocks` of the job's site as an upload whose progress goes to the job as
    /// `phase`, counted from zero to the CAR's length.
    static func upload(_ blocks: [DAGBlocks.Entry], of job: TargetJob, phase: String, progress: inout TargetProgress) -> MultipartCAR {
        let pieces = CARPieces(root: job.site.root, blocks: blocks, store: job.site.store)
        progress.phase = phase
        progress.bytesTotal = pieces.length
        progress.blocksTotal = blocks.count
        job.progress(progress)
        let shown = progress
        let report = job.progress
        return MultipartCAR(car: pieces) { bytes, sentBlocks in
            var update = shown
            update.bytesSent = bytes
            update.blocksSent = sentBlocks
            report(update)
        }
    }

    private var head: [UInt8] {
        Array(("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"site.car\"\r\n"
            + "Content-Type: application/vnd.ipld.car\r\n\r\n").utf8)
    }

    private var tail: [UInt8] { Array("\r\n--\(boundary)--\r\n".utf8) }

    /// The whole body's length.
    var length: UInt64 { UInt64(head.count) + car.length + UInt64(tail.count) }

    /// A fresh body for one attempt.
    func body() -> HTTPClientRequest.Body {
        .stream(Pieces(head: head, car: car, tail: tail, progress: progress), length: .known(Int64(length)))
    }

    /// The body's pieces as an `AsyncSequence`; a block that cannot be read ends it with an error.
    struct Pieces: AsyncSequence, Sendable {
        typealias Element = ByteBuffer
        let head: [UInt8]
        let car: CARPieces
        let tail: [UInt8]
        let progress: @Sendable (UInt64, Int) -> Void

        func makeAsyncIterator() -> Iterator { Iterator(pieces: self) }

        struct Iterator: AsyncIteratorProtocol {
            let pieces: Pieces
            var stage = 0
            var car: CARPieces.Iterator
            var sent: UInt64 = 0

            init(pieces: Pieces) {
                self.pieces = pieces
                car = pieces.car.makeIterator()
            }

            mutating func next() async throws -> ByteBuffer? {
                switch stage {
                case 0:
                    stage = 1
                    return ByteBuffer(bytes: pieces.head)
                case 1:
                    if let piece = car.next() {
                        sent += UInt64(piece.count)
                        pieces.progress(sent, car.blocksDone)
                        return ByteBuffer(bytes: piece)
                    }
                    if let failure = car.failure { throw failure }
                    stage = 2
                    return ByteBuffer(bytes: pieces.tail)
                default:
                    return nil
                }
            }
        }
    }
}
