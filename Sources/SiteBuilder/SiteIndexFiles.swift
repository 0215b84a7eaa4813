/// The plain files beside the pages: `sitemap.xml`, `robots.txt` and `_redirects`.
enum SiteIndexFiles {
    /// Every listed HTML page (not 404, not alias pages) as an absolute URL, sorted.
    static func sitemap(_ model: SiteModel, pages: [PageJob]) -> String {
        var lastModified: [String: String] = [:]
        for document in model.posts + model.pages {
            if let date = document.updated ?? document.date { lastModified[document.path] = date.iso8601 }
        }
        let listed = pages.filter { $0.template != "alias" && $0.path != SiteURLs.notFound && !$0.claimedBy.hasPrefix("alias") }
            .map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in listed {
            xml += "<url><loc>\(HTMLText.escape(model.urls.absolute(path)))</loc>"
            if let date = lastModified[path] { xml += "<lastmod>\(date)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    static func robots(_ model: SiteModel) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(model.urls.absolute(SiteURLs.sitemap))\n"
    }

    /// One `301` line per alias (sorted), then the catch-all 404.
    static func redirects(_ model: SiteModel) -> String {
        var lines: [String] = []
        for document in model.posts + model.pages {
            for alias in document.aliases { lines.append("\(alias) \(document.path) 301") }
        }
        lines.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        lines.append("/* \(SiteURLs.notFound) 404")
        return lines.joined(separator: "\n") + "\n"
    }
}
