/// The one place that knows the site's URL scheme: the path of every page kind, the output
/// file that serves a path, page-relative links between paths and absolute `base_url` links.
///
/// Site paths start with `/` and are percent-encoded (`/tags/swift/`, `/posts/hello/`);
/// a path ending in `/` is served by its `index.html`.
public struct SiteURLs: Sendable {
    /// `https://example.com` or `https://example.com/blog`, no trailing slash.
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public static let home = "/"
    public static let tags = "/tags/"
    /// The list of all posts, where a reader trimming a post's URL lands.
    public static let posts = "/posts/"
    public static let archive = "/archive/"
    public static let notFound = "/404.html"
    public static let rss = "/rss.xml"
    public static let atom = "/atom.xml"
    public static let jsonFeed = "/feed.json"
    public static let sitemap = "/sitemap.xml"
    public static let robots = "/robots.txt"
    public static let redirects = "/_redirects"
    public static let stylesheet = "/css/style.css"
    /// The colours of highlighted code (written when `highlight` is on).
    public static let highlightStylesheet = "/css/highlight.css"
    /// The search page, its script (a theme static file) and the manifest of its index (when `search` is on).
    public static let search = "/search/"
    public static let searchScript = "/js/search.js"
    public static let searchManifest = "/search/index.json"

    /// `/`, `/page/2/`, ...
    public static func home(page: Int) -> String { page <= 1 ? home : "/page/\(page)/" }
    /// `/posts/`, `/posts/page/2/`, ...
    public static func posts(page: Int) -> String { page <= 1 ? posts : "/posts/page/\(page)/" }
    /// The slug blogctl makes of a title, tag or file name (`Swift & IPFS!` -> `swift-ipfs`).
    public static func slug(_ text: String) -> String { Slug.make(text) }
    public static func post(slug: String) -> String { "/posts/\(encode(slug))/" }
    public static func page(slug: String) -> String { "/\(encode(slug))/" }
    /// `/tags/<slug>/`, `/tags/<slug>/page/2/`, ...
    public static func tag(slug: String, page: Int = 1) -> String {
        page <= 1 ? "/tags/\(encode(slug))/" : "/tags/\(encode(slug))/page/\(page)/"
    }

    /// A user-written path (front matter `path`, `aliases`) in canonical form: leading `/`,
    /// trailing `/` unless it names a file (`.html`, `.xml`, ...), no `.`/`..` segments.
    public static func normalize(userPath: String) -> String? {
        let trimmed = userPath.trimmingWhitespace()
        guard !trimmed.isEmpty, !trimmed.contains("://"), !trimmed.contains("?"), !trimmed.contains("#") else { return nil }
        var segments: [String] = []
        for segment in trimmed.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { return nil }
            segments.append(encodePreservingEscapes(String(segment)))
        }
        if segments.isEmpty { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        let last = segments[segments.count - 1]
        // Only a real extension makes a file (`feed.xml`); `2025/06/26/hello` and `release-1.0`
        // are folders, as in Zola and Hugo, where an extension-less file would be a download.
        let isFile = hasFileExtension(last) && !trimmed.hasSuffix("/")
        return isFile ? joined : joined + "/"
    }

    /// `hello.html`, `feed.xml`: a name ending in `.` and 1 to 8 letters and digits, a letter among them.
    public static func hasFileExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let ext = name[name.index(after: dot)...]
        return (1...8).contains(ext.count) && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.contains { $0.isLetter }
    }

    /// The output file for a site path: `/posts/a/` -> `posts/a/index.html`.
    public static func outputFile(for path: String) -> String {
        let decoded = decode(path)
        let relative = String(decoded.dropFirst())
        if relative.isEmpty { return "index.html" }
        return decoded.hasSuffix("/") ? relative + "index.html" : relative
    }

    /// The site path of an output file: `posts/a/index.html` -> `/posts/a/`, `css/x.css` -> `/css/x.css`.
    public static func path(forOutputFile file: String) -> String {
        if file == "index.html" { return "/" }
        if file.hasSuffix("/index.html") { return "/" + encodePreservingEscapes(String(file.dropLast("index.html".count))) }
        return "/" + encodePreservingEscapes(file)
    }

    /// The full URL of a site path: `/posts/a/` -> `https://example.com/posts/a/`.
    public func absolute(_ path: String) -> String { baseURL + path }

    /// A site path as seen from the host's root: `base_url`'s own path in front
    /// (`/blog/css/style.css` for `https://example.com/blog`). Only `404.html` links this way.
    public func rootRelative(_ path: String) -> String { basePath + path }

    /// The path part of `base_url` without its trailing slash (`""` or `/blog`).
    var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://"), let slash = baseURL[schemeEnd.upperBound...].firstIndex(of: "/") else { return "" }
        return String(baseURL[slash...])
    }

    /// The link from the page at site path `from` to site path `to`, relative so the site works
    /// under any prefix: from `/posts/a/` to `/img/x.png` is `../../img/x.png`; to itself `./`.
    /// `to` may carry a `?query` or `#fragment`, which is kept.
    public static func relative(from: String, to: String) -> String {
        // Byte-level: this runs dozens of times per page (menu, site links, every listed post).
        var from = from
        var to = to
        return from.withUTF8 { source in
            to.withUTF8 { target in relativeBytes(from: source, to: target) }
        }
    }

    private static func relativeBytes(from source: UnsafeBufferPointer<UInt8>, to target: UnsafeBufferPointer<UInt8>) -> String {
        let slash = UInt8(ascii: "/")
        // Split off ?query / #fragment.
        var targetEnd = target.count
        for index in 0..<target.count where target[index] == UInt8(ascii: "?") || target[index] == UInt8(ascii: "#") {
            targetEnd = index
            break
        }
        // Directory of the source: up to and including its last slash.
        var sourceDirectoryEnd = 0
        for index in 0..<source.count where source[index] == slash { sourceDirectoryEnd = index + 1 }
        // Directory of the target, the same way.
        var targetDirectoryEnd = 0
        for index in 0..<targetEnd where target[index] == slash { targetDirectoryEnd = index + 1 }
        // Longest shared directory prefix (ending at a slash).
        var common = 0
        var index = 0
        let limit = min(sourceDirectoryEnd, targetDirectoryEnd)
        while index < limit, source[index] == target[index] {
            if source[index] == slash { common = index + 1 }
            index += 1
        }
        var ups = 0
        for position in common..<sourceDirectoryEnd where source[position] == slash { ups += 1 }
        var result: [UInt8] = []
        result.reserveCapacity(ups * 3 + target.count - common + 2)
        for _ in 0..<ups { result.append(contentsOf: [0x2E, 0x2E, slash]) }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: target[common..<targetEnd]))
        if result.isEmpty { result = [0x2E, slash] }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: target[targetEnd...]))
        return String(decoding: result, as: UTF8.self)
    }

    /// The page-relative link to the site root from `from` (`./`, `../`, `../../`).
    public static func root(from: String) -> String { relative(from: from, to: "/") }

    /// The bytes a path segment keeps as they are: `A-Z a-z 0-9 -._~!$&'()*+,;=:@`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "$"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: ":"), UInt8(ascii: "@"):
            return true
        default: return false
        }
    }

    /// Percent-encodes one path segment (UTF-8 bytes outside the URL-safe set).
    static func encode(_ segment: String) -> String {
        // Slugs almost never need escaping: every tag link on every page comes through here.
        if segment.utf8.allSatisfy({ isUnreserved($0) }) { return segment }
        var result = ""
        for byte in segment.utf8 {
            if isUnreserved(byte) {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += "%" + hex(byte)
            }
        }
        return result
    }

    static func encodePreservingEscapes(_ text: String) -> String {
        if text.utf8.allSatisfy({ isUnreserved($0) || $0 == 0x25 || $0 == 0x2F }) { return text }
        var result = ""
        for byte in text.utf8 {
            if isUnreserved(byte) || byte == 0x25 || byte == 0x2F {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += "%" + hex(byte)
            }
        }
        return result
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    /// Undoes percent-encoding (for output file names).
    static func decode(_ path: String) -> String {
        guard path.utf8.contains(0x25) else { return path }
        return path.removingPercentEncoding ?? path
    }
}

import Foundation
