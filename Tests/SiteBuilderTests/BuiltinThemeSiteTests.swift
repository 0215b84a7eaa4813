import Foundation
import SiteCheck
import Testing
@testable import SiteBuilder

/// The built-in theme renders every page kind of a real site, with no broken references.
@Test func builtinThemeRendersEveryPageKindWithWorkingLinks() async throws {
    var files: [String: String] = [:]
    for index in 0..<7 {
        files["content/posts/2026-01-0\(index + 1)-post-\(index).md"] = post("Post \(index)", date: "2026-01-0\(index + 1)",
            tags: ["alpha", "beta\(index % 2)"], extra: index == 3 ? "aliases: [/old/three/]\n" : "",
            body: "## One\n\nText with [about](/about/) and ![pic](/img/p.png).\n\n<!--more-->\n\n## Two\n\nMore.")
    }
    files["content/about.md"] = "---\ntitle: About\n---\nAbout [me](https://blog.example.com/).\n"
    files["static/img/p.png"] = "PNG"
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    let output = site.root.appendingPathComponent("public")
    let report = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    #expect(report.stats.posts == 7)

    let check = try await SiteCheck.check(outputDirectory: output)
    // 404.html links root-relative on purpose (docs/templates.md); SiteCheck resolves those from the root.
    #expect(check.broken.isEmpty, "\(check.broken.prefix(5).map(\.description))")
    #expect(check.pagesChecked > 15)

    func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
    for (path, marker) in [
        ("index.html", "Post 6"), ("page/4/index.html", "Post 0"), ("posts/post-3/index.html", "Post 3"),
        ("about/index.html", "About"), ("tags/index.html", "alpha"), ("tags/alpha/index.html", "alpha"),
        ("archive/index.html", "2026"), ("404.html", "not found"), ("old/three/index.html", "posts/post-3/"),
    ] {
        let html = try page(path)
        #expect(html.localizedCaseInsensitiveContains(marker), "\(path) lacks \(marker)")
        #expect(!html.contains("{{") && !html.contains("}}"), "\(path) has unrendered tags")
        if path != "404.html" {
            #expect(!html.contains("href=\"/") && !html.contains("src=\"/"), "\(path) has root-absolute URLs")
        }
    }
    let postPage = try page("posts/post-3/index.html")
    #expect(postPage.contains(#"href="https://blog.example.com/posts/post-3/""#))
    #expect(postPage.contains(#"href="../../css/style.css""#))
    #expect(postPage.contains("<nav class=\"toc\""))
    #expect(try page("404.html").contains(#"href="/css/style.css""#))
}
