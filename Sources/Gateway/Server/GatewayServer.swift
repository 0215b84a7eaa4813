import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import UnixSignals

/// The gateway on Hummingbird's HTTP/1.1 server: `run` binds, serves until stopped, then shuts down gracefully
/// (requests under way finish).
public struct GatewayServer: Sendable {
    public let configuration: GatewayConfiguration
    public let gateway: Gateway
    public let preview: PreviewHooks?

    public init(configuration: GatewayConfiguration, content: any GatewayContent, preview: PreviewHooks? = nil) {
        self.configuration = configuration
        self.preview = preview
        gateway = Gateway(content: content, subdomainHosts: configuration.subdomainHosts,
                          maxTargetLength: configuration.maxTargetLength, htmlSnippet: preview?.htmlSnippet)
    }

    /// Serves until the calling task is cancelled or, with `stopOnSignals`, SIGINT or SIGTERM arrives.
    /// `onListening` gets the bound port once the server accepts connections. Throws `GatewayServerError`.
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(GatewayServerError) {
        var logger = Logger(label: "blogctl.gateway")
        logger.logLevel = .error
        let decoder = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: configuration.maxHeaderBytes, maxHeaderListSize: configuration.maxHeaderBytes, maxHeaderFieldCount: 100)
        let channel = HTTP1Channel.Configuration(idleTimeout: TimeAmount(configuration.idleTimeout), httpDecoderConfiguration: decoder)
        let app = Application(
            responder: GatewayResponder(gateway: gateway, preview: preview),
            server: HTTPServerBuilder { responder in
                OriginFormChannel(inner: HTTP1Channel(responder: responder, configuration: channel))
            },
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let signals: [UnixSignal] = stopOnSignals ? [.sigterm, .sigint] : []
        do {
            try await app.runService(gracefulShutdownSignals: signals)
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw .addressInUse(host: configuration.host, port: configuration.port)
        } catch {
            throw .cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }
}

/// Why the server could not run; each says what to change.
public enum GatewayServerError: Error, Equatable, CustomStringConvertible {
    case addressInUse(host: String, port: Int)
    case cannotListen(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .addressInUse(let host, let port): "port \(port) on \(host) is already in use; choose another with --port"
        case .cannotListen(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
