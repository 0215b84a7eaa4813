import Foundation

/// robots.txt, allowing everything and naming the sitemap (a site's own static/robots.txt replaces it).
struct RobotsFile: OutputKind {
    var file: String { SiteURLs.outputFile(for: SiteURLs.robots) }
    var owner: String { "generated robots.txt" }

    func render(in site: SiteContext) -> OutputContent {
        .bytes(Data("User-agent: *\nAllow: /\n\nSitemap: \(site.urls.absolute(SiteURLs.sitemap))\n".utf8))
    }
}
