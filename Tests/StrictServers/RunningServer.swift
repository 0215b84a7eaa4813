import Foundation
import Hummingbird
import Logging

/// A Hummingbird server on 127.0.0.1 at a free port, serving until `stop()`.
public final class RunningServer: Sendable {
    public let port: Int
    private let task: Task<Void, any Error>

    /// `http://127.0.0.1:PORT`.
    public var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(port: Int, task: Task<Void, any Error>) {
        self.port = port
        self.task = task
    }

    /// Starts `responder` and returns once it accepts connections.
    static func start<Responder: HTTPResponder>(_ responder: Responder) async throws -> RunningServer
    where Responder.Context == BasicRequestContext {
        var logger = Logger(label: "strict-server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let task = Task { try await app.runService() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw StrictServerError("the server did not start")
        }
        return RunningServer(port: port, task: task)
    }

    /// Stops accepting, lets requests under way finish, and returns when the server is down.
    public func stop() async {
        task.cancel()
        _ = await task.result
    }
}

/// A test server that could not do what it was asked.
public struct StrictServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
