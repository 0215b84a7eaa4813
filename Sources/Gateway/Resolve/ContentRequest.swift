import ContentAddressing
import HTTPTypes

/// How a DAG is being reached; it decides links, caching and whether `_redirects` applies.
enum ContentOrigin: Equatable {
    /// `/ipfs/<cid>/…` on any host but a subdomain gateway's: `cidText` is the CID as the client wrote it.
    case pathGateway(cidText: String)
    /// `<cid>.ipfs.<gateway host>`; `gatewayHost` (with port) is where the path gateway lives.
    case subdomain(gatewayHost: String, scheme: String)
    /// The site root at `/` on a plain host, as a DNSLink gateway serves a domain.
    case site

    /// Only origin-isolated DAGs honour `_redirects` (web redirects file spec, same-origin requirement).
    var honoursRedirects: Bool {
        if case .pathGateway = self { return false }
        return true
    }

    /// `/ipfs/<cid>/…` content is immutable; the site at `/` changes when the site does (each preview rebuild).
    var cacheControl: String { self == .site ? "no-cache" : "public, max-age=29030400, immutable" }

    /// The URL path prefix under which this DAG's root lives for links in generated pages.
    var linkPrefix: String {
        if case .pathGateway(let cidText) = self { return "/ipfs/" + cidText }
        return ""
    }
}

/// One request for content in a DAG, after routing: everything the responses need.
struct ContentRequest {
    let root: CID
    let path: ContentPathSegments
    let origin: ContentOrigin
    let target: RequestTarget
    let headers: HTTPFields
    let snapshot: ContentSnapshot

    var reader: UnixFSReader { UnixFSReader(store: snapshot.blocks) }

    /// `names` resolved from the root, through the snapshot's cache.
    func resolve(_ names: [String]) throws(UnixFSError) -> ResolvedPath {
        let reader = self.reader
        return try snapshot.resolutions.resolution(root: root, path: names) { () throws(UnixFSError) in
            try reader.resolve(root: root, segments: names)
        }
    }

    /// The content path, `/ipfs/<root>/a/b`, as `X-Ipfs-Path` gives it.
    var contentPath: String { "/ipfs/" + root.string + (path.names.isEmpty && !path.trailingSlash ? "" : path.encoded) }

    /// Headers every content response carries.
    func commonHeaders(_ resolved: ResolvedPath) -> HTTPFields {
        var headers: HTTPFields = [:]
        headers[.xIpfsPath] = contentPath
        headers[.xIpfsRoots] = resolved.segmentCIDs.map(\.string).joined(separator: ",")
        headers[.cacheControl] = origin.cacheControl
        headers[.vary] = "Accept"
        return headers
    }

    /// The same request, for another path in the same DAG (a `_redirects` rewrite).
    func rewritten(to path: ContentPathSegments) -> ContentRequest {
        ContentRequest(root: root, path: path, origin: origin, target: target, headers: headers, snapshot: snapshot)
    }
}
