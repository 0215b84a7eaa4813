import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Something to go wrong with the next request(s) to one path, as it does with real services.
public enum Fault: Sendable, Equatable {
    /// Answer with this status (a 5xx, or 429) and, when given, `Retry-After` in seconds.
    case status(Int, retryAfter: Int? = nil)
    /// Start an answer and close the connection in the middle of it.
    case cut
    /// Answer normally, after this long.
    case delay(Duration)
}

/// Faults waiting for requests, and every request that came: what the tests inject and inspect.
public final class FaultPlan: Sendable {
    private struct Pending {
        let path: String
        let fault: Fault
        var times: Int
    }

    private let pending = Mutex<[Pending]>([])
    private let seen = Mutex<[LoggedRequest]>([])

    public init() {}

    /// The next `times` requests whose path is `path` (or starts with it, when it ends in `/`) meet `fault`.
    public func inject(_ fault: Fault, on path: String, times: Int = 1) {
        pending.withLock { $0.append(Pending(path: path, fault: fault, times: times)) }
    }

    /// Every request so far, oldest first.
    public var requests: [LoggedRequest] { seen.withLock { $0 } }

    /// The requests to `path`.
    public func requests(to path: String) -> [LoggedRequest] { requests.filter { $0.path == path } }

    func take(for path: String) -> Fault? {
        pending.withLock { list in
            guard let index = list.firstIndex(where: { $0.path == path || ($0.path.hasSuffix("/") && path.hasPrefix($0.path)) }) else { return nil }
            list[index].times -= 1
            let fault = list[index].fault
            if list[index].times == 0 { list.remove(at: index) }
            return fault
        }
    }

    func log(_ request: LoggedRequest) { seen.withLock { $0.append(request) } }
}

/// One request as a server saw it.
public struct LoggedRequest: Sendable {
    public let method: String
    public let path: String
    public let query: [String: [String]]
    public let headers: [String: String]
    /// The status it was answered with (a fault's included).
    public let status: Int
    /// From the request's head to its answer being ready (for an upload: receiving and checking the body).
    public let duration: Duration
}

/// Wraps a server's own responder: logs each request and meets it with its injected fault first.
struct FaultingResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == BasicRequestContext {
    typealias Context = BasicRequestContext
    let plan: FaultPlan
    let inner: Inner

    func respond(to request: Request, context: Context) async throws -> Response {
        let started = ContinuousClock.now
        let path = request.uri.path
        var query: [String: [String]] = [:]
        for (name, value) in request.uri.queryParameters { query[String(name), default: []].append(String(value)) }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let response: Response
        switch plan.take(for: path) {
        case .status(let code, let retryAfter)?:
            var fields: HTTPFields = [.contentType: "text/plain"]
            if let retryAfter { fields[.retryAfter] = String(retryAfter) }
            response = Response(status: .init(code: code), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: "injected fault \(code)\n")))
        case .cut?:
            response = Response(status: .ok, headers: [.contentLength: "1000", .contentType: "application/json"],
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: "{\"cut"))
                    throw StrictServerError("the connection is cut on purpose")
                })
        case .delay(let duration)?:
            try await Task.sleep(for: duration)
            response = try await inner.respond(to: request, context: context)
        case nil:
            response = try await inner.respond(to: request, context: context)
        }
        plan.log(LoggedRequest(method: request.method.rawValue, path: path, query: query, headers: headers, status: response.status.code,
            duration: ContinuousClock.now - started))
        return response
    }
}
