import AsyncHTTPClient
import ContentAddressing
import Foundation
import Gateway
import NIOCore
import NIOHTTP1

/// A response as the tests look at it.
struct TestResponse {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    func header(_ name: String) -> String? { headers.first(name: name) }
    var text: String { String(decoding: body, as: UTF8.self) }
}

/// A real gateway server on 127.0.0.1 (a free port) and an HTTP client that does not follow redirects.
struct TestGateway {
    let port: Int
    let client: HTTPClient

    /// `path` is sent as is (already percent-encoded where it must be); `host` replaces the Host header.
    func request(_ path: String, method: HTTPMethod = .GET, host: String? = nil, headers: [(String, String)] = []) async throws -> TestResponse {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let host { request.headers.replaceOrAdd(name: "Host", value: host) }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 256 << 20)
        return TestResponse(status: Int(response.status.code), headers: response.headers, body: Array(buffer: body))
    }

    /// The Host header for `<cid>.ipfs.localhost` on this server's port.
    func subdomain(_ cid: CID) -> String { "\(cid.v1).ipfs.localhost:\(port)" }
    var localhost: String { "localhost:\(port)" }

    /// Starts a server over `content`, runs `body` against it, stops the server.
    static func with(_ content: any GatewayContent, preview: PreviewHooks? = nil,
                     configure: (inout GatewayConfiguration) -> Void = { _ in },
                     _ body: (TestGateway) async throws -> Void) async throws {
        var configuration = GatewayConfiguration(host: "127.0.0.1", port: 0)
        configure(&configuration)
        let server = GatewayServer(configuration: configuration, content: content, preview: preview)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await server.run { port in continuation.yield(port) }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CancellationError() }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
            do {
                try await body(TestGateway(port: port, client: client))
            } catch {
                try? await client.shutdown()
                group.cancelAll()
                throw error
            }
            try await client.shutdown()
            group.cancelAll()
        }
    }
}
