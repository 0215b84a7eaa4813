import Foundation
import SiteBuilder

/// blogctl's URL rules (docs/site.md, URLs), so an import sets `path` only where blogctl's
/// default URL differs from the old one. The slug and file-name rules are SiteBuilder's own; the
/// tests build every imported site with SiteBuilder and compare the URLs.
enum BlogctlURLs {
    /// The URL blogctl gives a document written at `destination` (`content/posts/2024-01-02-hello.md`)
    /// with front matter `slug`.
    static func defaultURL(kind: DocumentKind, destination: String, slug: String?) -> String {
        let slugText = Slug.blogctl(slug ?? nameRest(destination))
        return kind == .post ? "/posts/\(slugText)/" : "/\(slugText)/"
    }

    /// The name a slug is made from: the bundle folder or file stem, without a `YYYY-MM-DD-` prefix.
    static func nameRest(_ destination: String) -> String {
        var parts = destination.split(separator: "/").map(String.init)
        if let last = parts.last, ContentScan.isIndex(last) { parts.removeLast() } else if let last = parts.last {
            parts[parts.count - 1] = ContentScan.split(last).stem
        }
        let name = parts.last ?? ""
        return DatePrefix.split(name, separators: ["-"]).map { $0.rest } ?? name
    }

    /// A site path as blogctl compares them: `/a/b/` with a trailing slash unless the last
    /// segment has a real file extension (`/feed.xml`; not `release-1.0`), no `.` segments,
    /// percent-escapes decoded.
    static func normalize(_ path: String) -> String? {
        let trimmed = path.trimmingCharacters(in: .whitespaces)
        guard !trimmed.contains("://"), !trimmed.contains(".."), !trimmed.contains("?"), !trimmed.contains("#") else { return nil }
        let segments = trimmed.split(separator: "/").map { String($0).removingPercentEncoding ?? String($0) }.filter { $0 != "." }
        if segments.isEmpty { return "/" }
        let joined = "/" + segments.joined(separator: "/")
        let isFile = SiteURLs.hasFileExtension(segments[segments.count - 1]) && !trimmed.hasSuffix("/")
        return isFile ? joined : joined + "/"
    }
}
