import ContentAddressing
import HTTPTypes

/// An IPFS HTTP gateway over `GatewayContent`, with no server attached: `respond(to:)` turns a request into a
/// response (status, headers, body source). Path, subdomain and trustless gateway, `_redirects` on
/// origin-isolated hosts, and the site root at `/` on plain hosts.
public struct Gateway: Sendable {
    public let content: any GatewayContent
    /// Host names whose subdomains are `<cid>.ipfs.<host>` (default `localhost`, as kubo's local gateway).
    public let subdomainHosts: [String]
    /// Requests with a longer target get 414.
    public let maxTargetLength: Int
    let injection: HTMLInjection?

    /// `htmlSnippet` (the preview's live-reload script) goes into every full 200 `text/html` page this gateway
    /// sends, never into raw blocks, CARs or ranges; those pages get their own ETag.
    public init(content: any GatewayContent, subdomainHosts: [String] = ["localhost"], maxTargetLength: Int = 8192, htmlSnippet: String? = nil) {
        self.content = content
        self.subdomainHosts = subdomainHosts.map { $0.lowercased() }
        self.maxTargetLength = maxTargetLength
        injection = htmlSnippet.map(HTMLInjection.init(snippet:))
    }

    /// The response to `request`; never throws: what is wrong with a request is a 4xx, with content a 5xx.
    public func respond(to request: GatewayRequest) -> GatewayResponse {
        do {
            return try route(request)
        } catch let error as RequestError {
            return .failure(error)
        } catch UnixFSError.notFound(let path) {
            return .text(.notFound, "404 Not Found: /\(path) does not exist")
        } catch UnixFSError.missingBlock(let cid, _) {
            return .text(.notFound, "404 Not Found: block \(cid) is not in this gateway's content")
        } catch {
            return .text(.internalServerError, "500 Internal Server Error: \(error)")
        }
    }

    private func route(_ request: GatewayRequest) throws -> GatewayResponse {
        guard request.method == .get || request.method == .head else {
            return .text(.methodNotAllowed, "405 Method Not Allowed: this gateway is read-only (GET and HEAD)", headers: [.allow: "GET, HEAD"])
        }
        let target = try RequestTarget(request.target, maxLength: maxTargetLength)
        guard let authority = request.headers[.xForwardedHost] ?? request.authority else {
            throw RequestError.badRequest("a Host header is required")
        }
        let snapshot = content.snapshot()
        let context = RoutingContext(request: request, target: target, snapshot: snapshot, injection: injection)
        switch try HostRoute.classify(authority, gatewayHosts: subdomainHosts) {
        case .subdomain(let cid, let gatewayHost):
            return try context.serve(root: cid, path: target.segments(), origin: .subdomain(gatewayHost: gatewayHost, scheme: context.scheme))
        case .subdomainGateway(let host):
            guard context.isUnderIPFS else { return try context.serveSite() }
            if let uriRedirect = try context.protocolHandlerRedirect() { return uriRedirect }
            let (cid, _) = try context.pathCID()
            try HostRoute.checkFitsLabel(cid)
            var location = "\(context.scheme)://\(cid.v1.string).ipfs.\(host)" + (try target.segments(droppingFirst: 2)).encoded
            if let query = target.rawQuery { location += "?" + query }
            return .redirect(to: location)
        case .plain:
            guard context.isUnderIPFS else { return try context.serveSite() }
            if let uriRedirect = try context.protocolHandlerRedirect() { return uriRedirect }
            let (cid, text) = try context.pathCID()
            return try context.serve(root: cid, path: target.segments(droppingFirst: 2), origin: .pathGateway(cidText: text))
        }
    }
}

/// One request on its way through the gateway, after its target and host were parsed.
private struct RoutingContext {
    let request: GatewayRequest
    let target: RequestTarget
    let snapshot: ContentSnapshot
    let injection: HTMLInjection?

    /// `http` unless a proxy in front says `https` (`X-Forwarded-Proto`).
    var scheme: String { request.headers[.xForwardedProto] == "https" ? "https" : "http" }

    var isUnderIPFS: Bool { target.rawPath == "/ipfs" || target.rawPath.hasPrefix("/ipfs/") }

    /// The CID after `/ipfs/`, and its text as sent.
    func pathCID() throws(RequestError) -> (CID, String) {
        let raw = target.rawPath.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        let text = raw.count > 2 ? String(raw[2].prefix { $0 != "/" }) : ""
        do { return (try CID(text), text) } catch {
            throw .badRequest("invalid path \"\(target.rawPath)\": \(error)")
        }
    }

    /// `/ipfs/?uri=ipfs://<cid>/<path>`, what a browser's registered protocol handler sends, goes to the path gateway form.
    func protocolHandlerRedirect() throws(RequestError) -> GatewayResponse? {
        guard target.rawPath == "/ipfs/" || target.rawPath == "/ipfs", let uri = target.parameter("uri") else { return nil }
        guard uri.hasPrefix("ipfs://"), uri.count > 7 else { throw .badRequest("uri must be an ipfs:// URL, not \"\(uri)\"") }
        let rest = uri.dropFirst(7)
        let cidText = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        do { _ = try CID(String(cidText)) } catch { throw .badRequest("invalid CID in uri \"\(uri)\": \(error)") }
        return .redirect(to: "/ipfs/" + rest)
    }

    func serveSite() throws -> GatewayResponse {
        guard let root = snapshot.siteRoot else {
            guard target.rawPath == "/" else { return .text(.notFound, "404 Not Found: this gateway has no site at /; see / for its DAGs") }
            return RootsIndex(roots: snapshot.roots).response(method: request.method)
        }
        return try serve(root: root, path: target.segments(), origin: .site)
    }

    func serve(root requested: CID, path: ContentPathSegments, origin: ContentOrigin) throws -> GatewayResponse {
        let root = try snapshot.storedForm(of: requested)
        let content = ContentRequest(root: root, path: path, origin: origin, target: target, headers: request.headers, snapshot: snapshot)
        if request.headers[.cacheControl]?.contains("only-if-cached") == true, try !snapshot.blocks.has(root) {
            return .text(.preconditionFailed, "412 Precondition Failed: \(root) is not in this gateway's content")
        }
        let format = try ResponseFormat.negotiate(target, accept: request.headers[.accept])
        let resolved: ResolvedPath
        do {
            resolved = try content.resolve(path.names)
        } catch {
            guard case .notFound = error, origin.honoursRedirects, format == .unixfs else { throw error }
            return try RedirectsResponder(request: content, injection: injection).respond()
        }
        switch format {
        case .unixfs: return try UnixFSResponses(request: content, injection: injection).respond(resolved)
        case .raw: return try TrustlessResponses(request: content).rawBlock(resolved)
        case .car(let options): return TrustlessResponses(request: content).car(resolved, options)
        }
    }
}
