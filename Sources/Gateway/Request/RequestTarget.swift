/// The request target split into path segments (decoded) and query parameters.
struct RequestTarget: Sendable {
    /// The path as sent, still percent-encoded.
    let rawPath: Substring
    /// The query as sent, without `?`; nil when there was none.
    let rawQuery: Substring?
    let query: [(name: String, value: String)]

    /// Refuses what no browser sends: a target that is not a path (absolute or authority form, `*`),
    /// one longer than `maxLength` bytes, broken escapes and NUL bytes.
    init(_ target: String, maxLength: Int) throws(RequestError) {
        guard target.utf8.count <= maxLength else {
            throw RequestError(status: .uriTooLong, message: "the request target is longer than \(maxLength) bytes")
        }
        guard target.utf8.first == UInt8(ascii: "/") else { throw .badRequest("the request target must be a path starting with /") }
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        rawPath = parts[0]
        rawQuery = parts.count > 1 ? parts[1] : nil
        var query: [(String, String)] = []
        for pair in (rawQuery ?? "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentEncoding.decode(kv[0], plusIsSpace: true),
                  let value = PercentEncoding.decode(kv.count > 1 ? kv[1] : "", plusIsSpace: true) else {
                throw .badRequest("the query holds a broken percent-escape or bytes that are not UTF-8")
            }
            query.append((name, value))
        }
        self.query = query
    }

    /// The first value of a query parameter.
    func parameter(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The path after `prefix` segments as decoded names; `.`/`..`, empty names are skipped, encoded `/` and NUL are refused.
    func segments(droppingFirst prefix: Int = 0) throws(RequestError) -> ContentPathSegments {
        try ContentPathSegments(rawPath, droppingFirst: prefix)
    }
}

/// Decoded path segments and whether the path ended with `/`.
struct ContentPathSegments: Sendable, Equatable {
    var names: [String]
    var trailingSlash: Bool

    init(names: [String], trailingSlash: Bool) {
        self.names = names
        self.trailingSlash = trailingSlash
    }

    init(_ rawPath: Substring, droppingFirst prefix: Int) throws(RequestError) {
        var raw = rawPath.split(separator: "/", omittingEmptySubsequences: false).dropFirst()  // before the leading "/"
        trailingSlash = raw.last?.isEmpty == true
        if trailingSlash { raw = raw.dropLast() }
        var names: [String] = []
        for part in raw.dropFirst(prefix) {
            guard let name = PercentEncoding.decode(part) else {
                throw .badRequest("the path holds a broken percent-escape or bytes that are not UTF-8")
            }
            if name.isEmpty { continue }  // "a//b" is "a/b", as web servers take it
            // Browsers resolve dot segments before sending; one that arrives is an attempt to step out of the DAG.
            guard name != ".", name != "..", !name.utf8.contains(UInt8(ascii: "/")), !name.utf8.contains(0) else {
                throw .badRequest("invalid path segment \"\(part)\": a dot segment, or holding an encoded / or NUL")
            }
            names.append(name)
        }
        self.names = names
    }

    /// The path re-encoded for a URL, as a directory: `/a/b/`, or `/`.
    var encodedDirectory: String {
        names.isEmpty ? "/" : "/" + names.map(PercentEncoding.encodeSegment).joined(separator: "/") + "/"
    }

    /// The path re-encoded for a URL: `/a/b` (plus `/` when it had one), or `/` for no segments.
    var encoded: String {
        let body = names.map(PercentEncoding.encodeSegment).joined(separator: "/")
        if names.isEmpty { return "/" }
        return "/" + body + (trailingSlash ? "/" : "")
    }
}
