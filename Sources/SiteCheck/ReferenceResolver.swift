/// Where a reference found in a page points, in terms of files of the output folder.
enum ResolvedReference: Equatable {
    /// Another scheme (`https:`, `mailto:`, `data:` …) or protocol-relative `//host`.
    case external
    /// `#`, `#top` or empty: nothing to check.
    case ignored
    /// `/x`: root-absolute.
    case rootAbsolute
    /// `../` above the output folder.
    case escapesRoot
    /// A path inside the output folder; `isDirectory` when written as a directory (`x/`, `.`, `..`).
    case local(path: [UInt8], isDirectory: Bool, fragment: ArraySlice<UInt8>?)
}

enum ReferenceResolver {
    /// Resolves `reference` against the page at `page` (a path relative to the output folder).
    /// With `sitePath` (the site's path on its host: `/` or `/blog/`), `/x` under it is resolved from
    /// the output root instead of being reported.
    static func resolve(_ reference: [UInt8], from page: [UInt8], sitePath: [UInt8]? = nil) -> ResolvedReference {
        let trimmed = Bytes.trimmed(reference[...])
        guard let first = trimmed.first else { return .ignored }
        if first == Bytes.hash {
            // `#` and `#top` go to the top of any page (HTML standard); any other id must be on the page.
            let id = trimmed.dropFirst()
            if id.isEmpty || id.map(Bytes.lower).elementsEqual("top".utf8) { return .ignored }
            return .local(path: page, isDirectory: false, fragment: id)
        }
        if trimmed.starts(with: [Bytes.slash, Bytes.slash]) || hasScheme(trimmed) { return .external }
        if first == Bytes.slash || first == UInt8(ascii: "\\") {
            guard let sitePath else { return .rootAbsolute }
            // `/blog`, `/blog/…`, `/blog?…` and `/blog#…` are inside the site at `/blog/`; `/blogs/` is not.
            let base = sitePath.dropLast()
            guard trimmed.starts(with: base) else { return .rootAbsolute }
            var rest = Array(trimmed.dropFirst(base.count))
            let backslash = UInt8(ascii: "\\")
            if let next = rest.first, next != Bytes.slash, next != backslash, next != Bytes.hash, next != Bytes.question {
                return .rootAbsolute
            }
            if rest.first == Bytes.slash || rest.first == backslash { rest.removeFirst() }
            if rest.isEmpty || rest.first == Bytes.hash || rest.first == Bytes.question {
                return .local(path: [], isDirectory: true, fragment: rest.firstIndex(of: Bytes.hash).map { rest[($0 + 1)...] })
            }
            // A page at the root resolves `x` exactly as the root resolves `/x`.
            return resolve(rest, from: Array("index.html".utf8))
        }

        var pathPart = trimmed
        var fragment: ArraySlice<UInt8>?
        if let hash = pathPart.firstIndex(of: Bytes.hash) {
            fragment = pathPart[(hash + 1)...]
            pathPart = pathPart[..<hash]
        }
        if let question = pathPart.firstIndex(of: Bytes.question) { pathPart = pathPart[..<question] }
        if pathPart.isEmpty {
            // `?q` or `?q#x`: the page itself.
            return .local(path: page, isDirectory: false, fragment: fragment)
        }

        // Start from the page's folder and apply each segment in place.
        var path = Array(page[..<(page.lastIndex(of: Bytes.slash) ?? 0)])
        let decoded = Bytes.percentDecoded(pathPart)
        path.reserveCapacity(path.count + decoded.count + 1)
        var isDirectory = false
        var start = 0
        while start <= decoded.count {
            let end = decoded[start...].firstIndex(of: Bytes.slash) ?? decoded.count
            let piece = decoded[start..<end]
            start = end + 1
            isDirectory = true
            if piece.isEmpty || (piece.count == 1 && piece.first == Bytes.dot) { continue }
            if piece.count == 2, piece.first == Bytes.dot, piece.last == Bytes.dot {
                if path.isEmpty { return .escapesRoot }
                path.removeSubrange((path.lastIndex(of: Bytes.slash) ?? 0)...)
                continue
            }
            if !path.isEmpty { path.append(Bytes.slash) }
            path.append(contentsOf: piece)
            isDirectory = false
        }
        return .local(path: path, isDirectory: isDirectory, fragment: fragment)
    }

    /// `scheme:` per RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, before any `/?#`.
    private static func hasScheme(_ s: ArraySlice<UInt8>) -> Bool {
        guard let first = s.first, Bytes.isAlpha(first) else { return false }
        for b in s.dropFirst() {
            if b == Bytes.colon { return true }
            guard Bytes.isAlpha(b) || Bytes.isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == Bytes.dot
            else { return false }
        }
        return false
    }
}
