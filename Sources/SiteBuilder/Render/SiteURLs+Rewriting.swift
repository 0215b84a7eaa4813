extension SiteURLs {
    /// The site path a reference points to when it is the site's own: root-absolute (`/img/a.png`)
    /// or on `base_url`'s host (`https://example.com/img/a.png`). Nil for external links,
    /// fragments and page-relative references.
    func sitePath(of url: Substring) -> String? {
        guard let first = url.first else { return nil }
        if first == "/" {
            if url.hasPrefix("//") { return ownPath(afterScheme: url.dropFirst(2)) }
            return String(url)
        }
        guard first == "h" || first == "H" else { return nil }
        let lower = url.prefix(8).lowercased()
        if lower.hasPrefix("https://") { return ownPath(afterScheme: url.dropFirst(8)) }
        if lower.hasPrefix("http://") { return ownPath(afterScheme: url.dropFirst(7)) }
        return nil
    }

    private var baseAfterScheme: Substring {
        guard let range = baseURL.range(of: "://") else { return Substring(baseURL) }
        return baseURL[range.upperBound...]
    }

    private func ownPath(afterScheme rest: Substring) -> String? {
        let base = baseAfterScheme
        guard rest.count >= base.count, rest.prefix(base.count).lowercased() == base.lowercased() else { return nil }
        let remainder = rest.dropFirst(base.count)
        guard let next = remainder.first else { return "/" }
        switch next {
        case "/": return String(remainder)
        case "?", "#": return "/" + remainder
        default: return nil  // example.com.evil.org
        }
    }

    /// The final pass for the page at `pagePath`: the site's own references become page-relative.
    func pageRelativeRewriter(for pagePath: String) -> URLRewriter {
        URLRewriter { url in
            guard let target = sitePath(of: url) else { return nil }
            return SiteURLs.relative(from: pagePath, to: target)
        }
    }

    /// The final pass for any generated page: page-relative, except for `404.html`, which
    /// gateways serve in place of missing pages at any depth, so its links are root-relative.
    func outputRewriter(for pagePath: String) -> URLRewriter {
        guard pagePath == SiteURLs.notFound else { return pageRelativeRewriter(for: pagePath) }
        // Its template links are already root-relative; only own-domain absolute URLs change.
        return URLRewriter { url in
            guard url.first != "/" || url.hasPrefix("//"), let target = sitePath(of: url) else { return nil }
            return rootRelative(target)
        }
    }

    /// Puts rendered Markdown of the document at `documentPath` into site-absolute form:
    /// page-relative and own-domain references become root-absolute, so the HTML means the same
    /// wherever it is shown (its own page, a list page, a feed).
    /// A link to a Markdown source (`../other.md`) is resolved against the document's own source
    /// file, `sourcePath`, to `/content/…/other.md`, which `SourceLinks` turns into that page's URL.
    func contentNormalizer(for documentPath: String, sourcePath: String) -> URLRewriter {
        URLRewriter { url in
            if let target = sitePath(of: url) { return target == String(url) ? nil : target }
            guard SiteURLs.isPageRelative(url) else { return nil }
            return SiteURLs.resolve(url, against: SourceLinks.isSourceLink(url) ? "/" + sourcePath : documentPath)
        }
    }

    /// For feeds: root-absolute references become full `base_url` URLs.
    func absoluteRewriter(for documentPath: String) -> URLRewriter {
        URLRewriter { url in
            if let target = sitePath(of: url) { return absolute(target) }
            guard SiteURLs.isPageRelative(url) else { return nil }
            return absolute(SiteURLs.resolve(url, against: documentPath))
        }
    }

    /// True for `a.png`, `../x/`, `./`: no scheme, not root-absolute, not a bare fragment or query.
    static func isPageRelative(_ url: Substring) -> Bool {
        guard let first = url.first, first != "/", first != "#", first != "?" else { return false }
        for character in url {
            if character == ":" { return false }
            if character == "/" || character == "?" || character == "#" { return true }
        }
        return true
    }

    /// Resolves a page-relative reference against the directory of `base` (a site path).
    static func resolve(_ url: Substring, against base: String) -> String {
        // Every relative link of every document comes through here. In ASCII, bytes are
        // Characters (a CR LF pair is one Character, but neither byte is `/`, `?` or `#`).
        if url.utf8.allSatisfy({ $0 < 0x80 }), base.utf8.allSatisfy({ $0 < 0x80 }) {
            return resolveBytes(Array(url.utf8), against: Array(base.utf8))
        }
        return resolveByCharacters(url, against: base)
    }

    private static func resolveBytes(_ url: [UInt8], against base: [UInt8]) -> String {
        let slash = UInt8(ascii: "/")
        let cut = url.firstIndex { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? url.count
        var segments = base.split(separator: slash, omittingEmptySubsequences: false).dropFirst().map { $0 }
        if !segments.isEmpty { segments.removeLast() }  // the file name, or "" after a trailing slash
        let parts = url[..<cut].split(separator: slash, omittingEmptySubsequences: false)
        let dot: [UInt8] = [UInt8(ascii: ".")]
        let dots: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: ".")]
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            if part.elementsEqual(dot) {
                if isLast { segments.append([]) }
            } else if part.elementsEqual(dots) {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append([]) }
            } else {
                segments.append(ArraySlice(part))
            }
        }
        var result: [UInt8] = [slash]
        result.reserveCapacity(base.count + url.count + 1)
        for (index, segment) in segments.enumerated() {
            if index > 0 { result.append(slash) }
            result += segment
        }
        result += url[cut...]
        return String(decoding: result, as: UTF8.self)
    }

    /// `resolve(_:against:)` on Characters, for references and bases that are not ASCII.
    static func resolveByCharacters(_ url: Substring, against base: String) -> String {
        var reference = url
        var suffix: Substring = ""
        if let cut = reference.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = reference[cut...]
            reference = reference[..<cut]
        }
        var segments = base.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if !segments.isEmpty { segments.removeLast() }  // the file name, or "" after a trailing slash
        let parts = reference.split(separator: "/", omittingEmptySubsequences: false)
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            switch part {
            case ".": if isLast { segments.append("") }
            case "..":
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            default: segments.append(String(part))
            }
        }
        return "/" + segments.joined(separator: "/") + suffix
    }
}
