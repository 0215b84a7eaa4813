import ContentAddressing
import HTTPTypes

/// The trustless gateway's verifiable responses: one block (`application/vnd.ipld.raw`) or a CAR of the path
/// (`application/vnd.ipld.car`), with the headers the trustless gateway spec requires.
struct TrustlessResponses {
    let request: ContentRequest

    /// The block at the end of the path, byte for byte (a Range may pick part of it).
    func rawBlock(_ resolved: ResolvedPath) throws(UnixFSError) -> GatewayResponse {
        let cid = resolved.terminal.cid
        let data = try request.reader.load(cid, path: resolved.terminal.path)
        var headers = headers(resolved, type: "application/vnd.ipld.raw", etag: ETag.quoted(cid.string + ".raw"), file: cid.string + ".bin")
        headers[.acceptRanges] = "bytes"
        if let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, headers[.eTag]!) {
            return GatewayResponse(status: .notModified, headers: headers)
        }
        switch ByteRangeRequest(header: request.headers[.range], size: UInt64(data.count)) {
        case .whole:
            return GatewayResponse(status: .ok, headers: headers, body: .bytes(data))
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(data.count)"
            return GatewayResponse(status: .partialContent, headers: headers, body: .bytes(Array(data[Int(range.lowerBound)..<Int(range.upperBound)])))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(data.count)"
            return GatewayResponse(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    /// A CAR of the path and, after it, the terminal's DAG by `dag-scope` (and `entity-bytes`).
    func car(_ resolved: ResolvedPath, _ options: CAROptions) -> GatewayResponse {
        var scope = options.scope
        var entityRange: Range<UInt64>?
        if let entityBytes = options.entityBytes, case .file(let size) = resolved.terminal.kind {
            entityRange = entityBytes.range(in: size)
            if entityRange == nil { scope = .block }  // an empty range: the root block tells the client the file's size
        }
        let etag = ETag.quoted(resolved.terminal.cid.string + options.etagSuffix)
        let headers = headers(resolved, type: options.contentType, etag: etag, file: resolved.terminal.cid.string + ".car")
        if let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, etag) {
            return GatewayResponse(status: .notModified, headers: headers)
        }
        let stream = CARPathStream(path: resolved, scope: scope, entityBytes: entityRange, duplicates: options.duplicates, from: request.snapshot.blocks)
        return GatewayResponse(status: .ok, headers: headers, body: .car(stream))
    }

    private func headers(_ resolved: ResolvedPath, type: String, etag: String, file: String) -> HTTPFields {
        var headers = request.commonHeaders(resolved)
        headers[.contentType] = type
        headers[.eTag] = etag
        headers[.xContentTypeOptions] = "nosniff"
        let name = request.target.parameter("filename") ?? file
        headers[.contentDisposition] = UnixFSResponses.contentDisposition("attachment", filename: name)
        return headers
    }
}
