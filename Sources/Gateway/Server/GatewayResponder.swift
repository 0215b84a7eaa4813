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

    static func body(_ body: GatewayResponse.ResponseBody) -> ResponseBody {
        switch body {
        case .empty:
            return ResponseBody()
        case .bytes(let bytes):
            return ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        case .file(let reader, let cid, let range):
            return ResponseBody(contentLength: Int(range.count)) { writer in
                var pieces = FileRangeReader(reader: reader, file: cid, range: range)
                while let piece = try pieces.next() {
                    if !piece.content.isEmpty { try await writer.write(ByteBuffer(bytes: piece.content)) }
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
