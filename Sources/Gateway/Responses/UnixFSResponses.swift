import ContentAddressing
import HTTPTypes

/// The deserialized responses of the path gateway: files (whole or a range), directories (index.html or a
/// listing), symlinks (their target as text) and blocks of other codecs (their bytes).
struct UnixFSResponses {
    let request: ContentRequest
    let injection: HTMLInjection?

    func respond(_ resolved: ResolvedPath, status: HTTPResponse.Status = .ok) throws(UnixFSError) -> GatewayResponse {
        let terminal = resolved.terminal
        switch terminal.kind {
        case .file(let size):
            return try file(terminal.cid, size: size, resolved: resolved, etag: ETag.quoted(terminal.cid.string), status: status)
        case .directory:
            return try directory(resolved, status: status)
        case .symlink(let target):
            return small(Array(target.utf8), type: "text/plain; charset=utf-8", resolved: resolved, status: status)
        case .other(let codec):
            let data = try request.reader.load(terminal.cid, path: terminal.path)
            return small(data, type: Self.mediaType(codec: codec), resolved: resolved, status: status)
        }
    }

    private func directory(_ resolved: ResolvedPath, status: HTTPResponse.Status) throws(UnixFSError) -> GatewayResponse {
        guard request.path.trailingSlash else {
            var location = request.origin.linkPrefix + request.path.encodedDirectory
            if let query = request.target.rawQuery { location += "?" + query }
            return .redirect(to: location, headers: request.commonHeaders(resolved))
        }
        let dir = resolved.terminal
        if let index = try indexPage(), case .file(let size) = index.kind {
            // The directory's CID names the page as served here (conformance: TestGatewayCache).
            return try file(index.cid, size: size, resolved: resolved, etag: ETag.quoted(dir.cid.string), status: status, name: "index.html")
        }
        let listing = DirectoryListing(request: request, directory: dir.cid, entries: try request.reader.directoryEntries(dir.cid, path: dir.path))
        var headers = request.commonHeaders(resolved)
        if request.origin != .site { headers[.cacheControl] = "public, max-age=604800, stale-while-revalidate=2678400" }
        return html(listing.html(), etag: listing.etag, headers: headers, status: status)
    }

    /// The directory's `index.html`, when it has one.
    private func indexPage() throws(UnixFSError) -> UnixFSEntry? {
        do {
            return try request.resolve(request.path.names + ["index.html"]).terminal
        } catch .notFound {
            return nil
        }
    }

    private func file(_ cid: CID, size: UInt64, resolved: ResolvedPath, etag: String, status: HTTPResponse.Status,
                      name: String? = nil) throws(UnixFSError) -> GatewayResponse {
        let reader = request.reader
        let filename = request.target.parameter("filename")
        let type = try MediaTypes.type(forName: filename ?? name ?? request.path.names.last ?? "") { () throws(UnixFSError) in
            var head: [UInt8] = []
            try readAll(reader, cid, 0..<min(size, 512)) { head += $0 }
            return head[...]
        }
        var headers = request.commonHeaders(resolved)
        headers[.contentType] = type
        headers[.acceptRanges] = "bytes"
        if let filename {
            let disposition = request.target.parameter("download") == "true" ? "attachment" : "inline"
            headers[.contentDisposition] = Self.contentDisposition(disposition, filename: filename)
        }
        if let injection, status == .ok, MediaTypes.isHTML(type), request.headers[.range] == nil {
            var page: [UInt8] = []
            try readAll(reader, cid, 0..<size) { page += $0 }
            return html(injection.inject(into: page), etag: injection.etag(etag), headers: headers, status: status, injected: true)
        }
        headers[.eTag] = etag
        if status == .ok, let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, etag) {
            return GatewayResponse(status: .notModified, headers: headers)
        }
        switch ByteRangeRequest(header: status == .ok ? request.headers[.range] : nil, size: size) {
        case .whole:
            return GatewayResponse(status: status, headers: headers, body: .file(reader, cid, 0..<size))
        case .part(let range):
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(size)"
            return GatewayResponse(status: .partialContent, headers: headers, body: .file(reader, cid, range))
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return GatewayResponse(status: .rangeNotSatisfiable, headers: headers)
        }
    }

    /// A generated or small page, with the preview's snippet when there is one.
    private func html(_ page: [UInt8], etag: String, headers: HTTPFields, status: HTTPResponse.Status, injected: Bool = false) -> GatewayResponse {
        var headers = headers
        var (page, etag) = (page, etag)
        if let injection, !injected, status == .ok {
            page = injection.inject(into: page)
            etag = injection.etag(etag)
        }
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.eTag] = etag
        headers[.contentRange] = nil
        if status == .ok, let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, etag) {
            return GatewayResponse(status: .notModified, headers: headers)
        }
        return GatewayResponse(status: status, headers: headers, body: .bytes(page))
    }

    private func small(_ bytes: [UInt8], type: String, resolved: ResolvedPath, status: HTTPResponse.Status) -> GatewayResponse {
        var headers = request.commonHeaders(resolved)
        let etag = ETag.quoted(resolved.terminal.cid.string)
        headers[.contentType] = type
        headers[.eTag] = etag
        if status == .ok, let ifNoneMatch = request.headers[.ifNoneMatch], ETag.matches(ifNoneMatch: ifNoneMatch, etag) {
            return GatewayResponse(status: .notModified, headers: headers)
        }
        return GatewayResponse(status: status, headers: headers, body: .bytes(bytes))
    }

    private func readAll(_ reader: UnixFSReader, _ cid: CID, _ range: Range<UInt64>, _ sink: (ArraySlice<UInt8>) -> Void) throws(UnixFSError) {
        var pieces = FileRangeReader(reader: reader, file: cid, range: range)
        while let piece = try pieces.next() { sink(piece.content) }
    }

    static func mediaType(codec: UInt64) -> String {
        switch codec {
        case CID.dagCBOR: "application/vnd.ipld.dag-cbor"
        case 0x0129: "application/vnd.ipld.dag-json"
        case 0x51: "application/cbor"
        case 0x0200: "application/json"
        default: "application/octet-stream"
        }
    }

    /// `inline; filename="…"` with an RFC 5987 `filename*` for names that are not plain ASCII.
    static func contentDisposition(_ kind: String, filename: String) -> String {
        let ascii = String(filename.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        var value = "\(kind); filename=\"\(ascii)\""
        if ascii != filename { value += "; filename*=UTF-8''" + PercentEncoding.encodeQueryValue(filename) }
        return value
    }
}
