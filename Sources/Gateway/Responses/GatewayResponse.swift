import ContentAddressing
import HTTPTypes

/// What the gateway answers, independent of any server: status, headers and where the body comes from.
public struct GatewayResponse: Sendable {
    public var status: HTTPResponse.Status
    public var headers: HTTPFields
    public var body: Body

    /// Where a response's bytes come from; big ones are read piece by piece while they are sent.
    public enum Body: Sendable {
        case empty
        case bytes([UInt8])
        /// A byte range of a UnixFS file (or raw block), read block by block.
        case file(UnixFSReader, CID, Range<UInt64>)
        /// A CAR of a path, made block by block; its length is not known up front.
        case car(CARPathStream)

        /// The body's length when known before sending (`Content-Length`).
        public var length: UInt64? {
            switch self {
            case .empty: 0
            case .bytes(let bytes): UInt64(bytes.count)
            case .file(_, _, let range): UInt64(range.count)
            case .car: nil
            }
        }
    }

    public init(status: HTTPResponse.Status, headers: HTTPFields = [:], body: Body = .empty) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text answer (errors, redirects).
    static func text(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) -> GatewayResponse {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        return GatewayResponse(status: status, headers: headers, body: .bytes(Array((message + "\n").utf8)))
    }

    static func redirect(_ status: HTTPResponse.Status = .movedPermanently, to location: String, headers: HTTPFields = [:]) -> GatewayResponse {
        var headers = headers
        headers[.location] = location
        return text(status, "\(status.code) \(status.reasonPhrase): \(location)", headers: headers)
    }

    static func failure(_ error: RequestError) -> GatewayResponse { text(error.status, error.message) }
}

extension HTTPField.Name {
    static let xIpfsPath = Self("X-Ipfs-Path")!
    static let xIpfsRoots = Self("X-Ipfs-Roots")!
    static let xForwardedHost = Self("X-Forwarded-Host")!
    static let xForwardedProto = Self("X-Forwarded-Proto")!
}
