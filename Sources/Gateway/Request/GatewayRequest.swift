import HTTPTypes

/// An HTTP request as the gateway sees it, independent of any server: method, target and headers.
public struct GatewayRequest: Sendable {
    public var method: HTTPRequest.Method
    /// The request target as sent (origin form: path and query, still percent-encoded).
    public var target: String
    /// The `Host` (HTTP/1) or `:authority` (HTTP/2), nil when the client sent none.
    public var authority: String?
    public var headers: HTTPFields

    public init(method: HTTPRequest.Method, target: String, authority: String?, headers: HTTPFields = [:]) {
        self.method = method
        self.target = target
        self.authority = authority
        self.headers = headers
    }
}

/// A request the gateway refuses: a 4xx status and one line saying why.
struct RequestError: Error, Equatable {
    let status: HTTPResponse.Status
    let message: String

    static func badRequest(_ message: String) -> RequestError { RequestError(status: .badRequest, message: message) }
}
