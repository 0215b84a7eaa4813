import Foundation
import SiteCheck
import Testing
@testable import SiteBuilder

private func fivePosts() -> [String: String] {
    var files: [String: String] = [:]
    for index in 1...5 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-0\(index)", body: "Summary \(index).")
    }
    return files
}

@Test("/posts/ lists every post newest first, paginated like home, and is in the sitemap")
func postsListIsPaginated() async throws {
    let site = try FixtureSite(files: fivePosts().merging([
        "templates/posts.mustache": """
            {{<base}}{{$main}}<h1>{{page.title}} {{count}}</h1>{{#posts}}<a href="{{url}}">{{title}}</a>{{{summary}}}
            {{/posts}}{{>partials/pager}}{{/main}}{{/base}}
            """,
    ]) { $1 })
    defer { site.cleanUp() }
    let result = try await site.build()
    let first = result.text("posts/index.html")
    #expect(first.contains(#"<body class="posts""#) && first.contains("<h1>Posts 5</h1>"))
    #expect(first.contains(#"<a href="p5/">Post 5</a>"#) && first.contains(#"<a href="p4/">Post 4</a>"#) && !first.contains("Post 3"))
    #expect(first.contains(#"1/3 <a rel="next" href="page/2/">next</a>"#), "\(first)")
    let second = result.text("posts/page/2/index.html")
    #expect(second.contains(#"<a href="../../p3/">Post 3</a>"#) && second.contains(#"<a rel="prev" href="../../">prev</a>"#))
    #expect(result.text("posts/page/3/index.html").contains("Post 1"))
    #expect(!result.has("posts/page/4/index.html"))
    let sitemap = result.text("sitemap.xml")
    #expect(sitemap.contains("<loc>https://blog.example.com/posts/</loc>") && sitemap.contains("<loc>https://blog.example.com/posts/page/3/</loc>"))
}

@Test("The built-in theme renders /posts/ and links it from every post")
func builtinPostsList() async throws {
    let site = try FixtureSite(files: fivePosts(), themeOnly: true)
    defer { site.cleanUp() }
    let output = site.root.appendingPathComponent("public")
    _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    let list = try String(contentsOf: output.appendingPathComponent("posts/index.html"), encoding: .utf8)
    #expect(list.contains("<title>All posts · Fixture Blog</title>"))
    #expect(list.contains("5 posts, newest first") && list.contains(#"<a href="../archive/">By year</a>"#))
    #expect(list.contains(#"<a href="p5/">Post 5</a>"#) && list.contains(#"href="page/2/" rel="next""#))
    let page2 = try String(contentsOf: output.appendingPathComponent("posts/page/2/index.html"), encoding: .utf8)
    #expect(page2.contains("<title>All posts · Page 2 of 3 · Fixture Blog</title>"))
    let postPage = try String(contentsOf: output.appendingPathComponent("posts/p3/index.html"), encoding: .utf8)
    #expect(postPage.contains(#"<p class="post-all"><a href="../">All posts</a></p>"#))
    let check = try await SiteCheck.check(outputDirectory: output)
    #expect(check.broken.isEmpty, "\(check.broken.prefix(5).map(\.description))")
}

@Test("A site without posts still has a /posts/ page")
func emptyPostsList() async throws {
    let site = try FixtureSite(files: [:], themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/index.html").contains("No posts yet.") && result.text("posts/index.html").contains("0 posts"))
}

@Test("A document claiming /posts/ conflicts with the posts list, naming both")
func postsListPathConflict() async throws {
    let site = try FixtureSite(files: ["content/all.md": "---\ntitle: All\npath: /posts/\n---\nx\n"])
    defer { site.cleanUp() }
    let message = try #require(await site.buildError())
    #expect(message.contains("/posts/index.html: claimed by both generated posts page and ") && message.contains("content/all.md"), "\(message)")
}

/// "Everything on one page" written as a huge posts_per_page (up to Int.max) overflowed the page
/// count arithmetic and crashed the build (Swift runtime failure: arithmetic overflow).
@Test(arguments: [Int.max, Int.max - 1, 1_000_000_000_000])
func hugePostsPerPageMakesOnePage(_ perPage: Int) async throws {
    let yml = FixtureSite.siteYML.replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: \(perPage)")
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01"),
        "content/posts/b.md": post("B", date: "2026-01-02"),
        "content/posts/c.md": post("C", date: "2026-01-03", tags: ["t"]),
    ], siteYML: yml)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.has("index.html") && result.has("posts/index.html") && result.has("tags/t/index.html"))
    #expect(!result.output.paths.contains { $0.contains("page/2/") })
}
