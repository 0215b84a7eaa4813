import ContentAddressing
import Hummingbird
import NIOCore

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
    static let writeSlice = 128 << 10

    static func body(_ body: GatewayResponse.ResponseBody) -> ResponseBody {
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
                var pieces = FileRangeReader(reader: reader, file: cid, range: range)
                while let piece = try pieces.next() {
                    // Written in slices: each write waits for the socket, so a slow reader holds little memory.
                    var rest = piece.content
                    while !rest.isEmpty {
                        try await writer.write(ByteBuffer(bytes: rest.prefix(writeSlice)))
                        rest = rest.dropFirst(writeSlice)
                    }
                }
                try await writer.finish(nil)
            }
        case .car(let stream):
            return ResponseBody { writer in
                var car = stream
                while let bytes = try car.next() { try await writer.write(ByteBuffer(bytes: bytes)) }
                try await writer.finish(nil)
            }
        }
    }
}
