import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1.1 channel with one more rule: a request target must be a path (origin form). The HTTP
/// types Hummingbird uses drop the scheme and host of an absolute-form target (`GET http://host/x`), so the check
/// runs on the raw request head, before that conversion; such requests get 400 and their connection is closed.
struct OriginFormChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    let inner: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        inner.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let codec = try operations.handler(type: HTTP1ToHTTPServerCodec.self)
            try operations.addHandler(OriginFormOnly(), position: .before(codec))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// Turns a request head whose target does not start with `/` into the parse error Hummingbird answers with 400.
private final class OriginFormOnly: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    private var refusing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head) where !head.uri.hasPrefix("/"):
            refusing = true
            context.fireErrorCaught(HTTPParserError.invalidURL)
        case .head:
            refusing = false
            context.fireChannelRead(data)
        default:
            if !refusing { context.fireChannelRead(data) }
        }
    }
}
