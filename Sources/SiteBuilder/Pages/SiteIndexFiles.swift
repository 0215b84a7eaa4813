import ContentAddressing
/// The plain files beside the pages: `sitemap.xml`, `robots.txt` and `_redirects`.
enum SiteIndexFiles {
    /// Every listed HTML page (not 404, not alias pages) as an absolute URL, in page-plan order
    /// (home, the posts list, posts, pages, tags, archive), which is already deterministic.
    static func sitemap(pages: [PageJob]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml.reserveCapacity(pages.count * 96)
        for page in pages {
            if let entry = page.sitemapEntry { xml += entry }
        }
        xml += "</urlset>\n"
        return xml
    }

    /// One `<url>` line of the sitemap.
    static func sitemapEntry(absoluteURL: String, lastModified: String?) -> String {
        // One string, sized once: every document makes its line on every build.
        let location = HTMLText.escape(absoluteURL)
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

    static func robots(_ model: SiteModel) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(model.urls.absolute(SiteURLs.sitemap))\n"
    }

    /// `301` lines for every alias (folder aliases with and without their trailing slash),
    /// sorted, then the catch-all 404.
    static func redirects(_ model: SiteModel) -> String {
        var lines: [String] = []
        for document in model.posts + model.pages {
            for alias in document.aliases {
                lines.append("\(alias) \(document.path) 301")
                // Folder aliases are requested with and without their trailing slash.
                if alias.count > 1, alias.hasSuffix("/") { lines.append("\(alias.dropLast()) \(document.path) 301") }
            }
        }
        lines.sort { $0.precedesInUTF8($1) }
        lines.append("/* \(SiteURLs.notFound) 404")
        return lines.joined(separator: "\n") + "\n"
    }
}
