import ContentAddressing
import HTTPTypes

/// Answers a path that does not exist in an origin-isolated DAG from its root's `_redirects`:
/// a redirect, a rewrite to another path of the DAG with the rule's status, or a plain 404.
struct RedirectsResponder {
    let request: ContentRequest
    let injection: HTMLInjection?

    func respond() throws(UnixFSError) -> GatewayResponse {
        let reader = request.reader
        guard let fileCID = try reader.lookup("_redirects", inDirectory: request.root, path: "").cid,
              case .file(let size) = try reader.entry(fileCID, path: "_redirects").kind else { return notFound() }
        guard size <= UInt64(RedirectsFile.maxSize) else {
            return .text(.internalServerError, "could not parse _redirects: redirects file size cannot exceed \(RedirectsFile.maxSize) bytes")
        }
        let file: RedirectsFile
        let bytes = try reader.fileContents(fileCID, path: "_redirects")
        do { file = try RedirectsFile(parsing: bytes) } catch {
            return .text(.internalServerError, "could not parse _redirects: \(error.message)")
        }
        guard let (rule, to) = file.match(request.path.names) else { return notFound() }
        let status = HTTPResponse.Status(code: rule.status)
        if (300..<400).contains(rule.status) { return .redirect(status, to: withQuery(to)) }
        // A rewrite: the target's content with the rule's status; the target must be a path in this DAG.
        let targetPath = to.split(separator: "?", maxSplits: 1)[0]
        guard targetPath.hasPrefix("/"), let segments = try? ContentPathSegments(targetPath, droppingFirst: 0),
              let resolved = try? reader.resolve(root: request.root, segments: segments.names) else { return notFound() }
        let rewritten = request.rewritten(to: ContentPathSegments(names: segments.names, trailingSlash: resolved.terminal.kind == .directory))
        return try UnixFSResponses(request: rewritten, injection: injection).respond(resolved, status: status)
    }

    /// `to` with the request's query parameters added; the client's values win over the rule's.
    private func withQuery(_ to: String) -> String {
        guard !request.target.query.isEmpty else { return to }
        let parts = to.split(separator: "?", maxSplits: 1)
        let mine = Set(request.target.query.map(\.name))
        var pairs = parts.count > 1 ? parts[1].split(separator: "&").filter { pair in
            !mine.contains(PercentEncoding.decode(pair.split(separator: "=")[0], plusIsSpace: true) ?? "")
        }.map(String.init) : []
        pairs += request.target.query.map { PercentEncoding.encodeQueryValue($0.name) + "=" + PercentEncoding.encodeQueryValue($0.value) }
        return parts[0] + "?" + pairs.joined(separator: "&")
    }

    private func notFound() -> GatewayResponse {
        .text(.notFound, "404 Not Found: \(request.path.encoded) is not in \(request.root)")
    }
}
