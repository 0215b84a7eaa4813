import ContentAddressing
import Hummingbird
import NIOCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The thin Hummingbird binding: a request becomes a `GatewayRequest`, the `GatewayResponse` becomes a
/// Hummingbird response whose body is read from the block store piece by piece as it is written.
struct GatewayResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let gateway: Gateway
    let preview: PreviewHooks?

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        if let preview, target.hasPrefix(preview.pathPrefix) {
            return try await preview.routes.respond(to: request, context: context)
        }
        let answer = gateway.respond(to: GatewayRequest(method: request.method, target: target, authority: request.head.authority, headers: request.headers))
        var headers = answer.headers
        if let length = answer.body.length { headers[.contentLength] = String(length) }
        guard request.method != .head else { return Response(status: answer.status, headers: headers) }
        return Response(status: answer.status, headers: headers, body: Self.body(answer.body))
    }

    /// Files up to this size are read before the response is written, and sent in one write.
    static let smallFile: UInt64 = 256 << 10
    /// Bigger bodies are written this many bytes at a time.
    static let writeSlice = 32 << 10

    static func body(_ body: GatewayResponse.Body) -> ResponseBody {
        switch body {
        case .empty:
            return ResponseBody()
        case .bytes(let bytes):
            return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        case .file(let reader, let cid, let range) where range.count <= smallFile:
            // A page goes out in one write with its head (Hummingbird's fast path for a ByteBuffer body).
            var buffer = ByteBuffer()
            buffer.reserveCapacity(Int(range.count))
            do {
                var pieces = FileRangeReader(reader: reader, file: cid, range: range)
                while let piece = try pieces.next() { buffer.writeBytes(piece.content) }
            } catch {
                return ResponseBody { _ in throw error }  // the head is sent, then the connection closes
            }
            return ResponseBody(byteBuffer: buffer)
        case .file(let reader, let cid, let range):
            return ResponseBody(contentLength: Int(range.count)) { writer in
                try await stream(reader, cid, range, to: &writer)
                try await writer.finish(nil)
            }
        case .car(let car):
            return ResponseBody { writer in
                var car = car
                while let bytes = try car.next() { try await writer.write(ByteBuffer(bytes: bytes)) }
                try await writer.finish(nil)
            }
        }
    }

    /// Writes a big file's range in `writeSlice` pieces, each copied from the store straight into its send buffer
    /// (raw leaves are never loaded whole): each write waits for the socket, so a client holds about one slice.
    private static func stream(_ reader: UnixFSReader, _ cid: CID, _ range: Range<UInt64>, to writer: inout any ResponseBodyWriter) async throws {
        var extents = FileRangeReader(reader: reader, file: cid, range: range)
        while let extent = try extents.nextExtent() {
            switch extent {
            case .bytes(var rest):
                while !rest.isEmpty {
                    try await writer.write(ByteBuffer(bytes: rest.prefix(writeSlice)))
                    rest = rest.dropFirst(writeSlice)
                }
            case .rawLeaf(let leaf, let leafRange):
                var offset = leafRange.lowerBound
                while offset < leafRange.upperBound {
                    let slice = offset..<min(offset + writeSlice, leafRange.upperBound)
                    var buffer = ByteBuffer()
                    let found = try buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: slice.count) { space in
                        try reader.store.read(leaf, range: slice, into: UnsafeMutableRawBufferPointer(rebasing: space[..<slice.count])) ? slice.count : 0
                    }
                    guard found == slice.count else { throw UnixFSError.missingBlock(leaf, path: "") }
                    try await writer.write(buffer)
                    offset = slice.upperBound
                    MemoryReturn.wrote(slice.count)
                }
            }
        }
    }
}

/// glibc keeps the send buffers that event-loop threads freed in its per-thread arenas, so a server streaming big
/// files to many clients would hold hundreds of MiB it no longer uses; handing them back every few dozen MiB sent
/// keeps its memory near what is live (about one slice per client).
enum MemoryReturn {
    private static let written = Atomic<Int>(0)
    /// Bytes streamed (by all clients together) between two hand-backs.
    private static let interval = 32 << 20

    /// Counts streamed bytes and hands freed memory back every `interval` of them.
    static func wrote(_ count: Int) {
        let total = written.add(count, ordering: .relaxed).newValue
        guard total / interval != (total - count) / interval else { return }
        #if canImport(Glibc)
        trim?(0)
        #endif
    }

    #if canImport(Glibc)
    /// glibc's `malloc_trim`, which its Swift module does not export; nil elsewhere (musl).
    private static let trim: (@convention(c) (Int) -> Int32)? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim")
        .map { unsafeBitCast($0, to: (@convention(c) (Int) -> Int32).self) }
    #endif
}
