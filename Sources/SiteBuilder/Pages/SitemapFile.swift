import Foundation
import HTMLEscaping

/// sitemap.xml: every listed HTML page (not 404, not aliases) as an absolute URL, in plan order
/// (home, the posts list, posts, pages, tags, archive), which is already deterministic.
struct SitemapFile: OutputKind {
    /// Each listed page's `<url>` line.
    let entries: [String]

    var file: String { SiteURLs.outputFile(for: SiteURLs.sitemap) }
    var owner: String { "generated sitemap" }

    func render(in site: SiteContext) -> OutputContent {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml.reserveCapacity(entries.count * 96)
        for entry in entries { xml += entry }
        xml += "</urlset>\n"
        return .bytes(Data(xml.utf8))
    }

    /// One `<url>` line.
    static func entry(absoluteURL: String, lastModified: String?) -> String {
        // One string, sized once: every document makes its line on every build.
        let location = HTMLEscaper.escape(absoluteURL, .xml)
        var entry = ""
        entry.reserveCapacity(location.utf8.count + (lastModified?.utf8.count ?? 0) + 45)
        entry += "<url><loc>"
        entry += location
        entry += "</loc>"
        if let lastModified {
            entry += "<lastmod>"
            entry += lastModified
            entry += "</lastmod>"
        }
        entry += "</url>\n"
        return entry
    }
}
