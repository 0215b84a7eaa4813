import Foundation
import SiteCheck
import Testing
@testable import SiteBuilder

@Test func summaryFragmentLinksPointAtThePostOnListPagesAndInFeeds() async throws {
    let body = "A claim[^1] and [see below](#later).\n\n<!--more-->\n\n## Later\n\nMore.\n\n[^1]: The source."
    let site = try FixtureSite(files: [
        "content/posts/2026-01-02-notes.md": post("Notes", date: "2026-01-02", tags: ["t"], body: body),
        "content/posts/2026-01-01-other.md": post("Other", date: "2026-01-01", tags: ["t"]),
    ], themeOnly: true)
    defer { site.cleanUp() }
    let output = site.root.appendingPathComponent("public")
    _ = try await SiteBuilder.build(siteDirectory: site.root, options: BuildOptions(now: FixtureSite.now))
    let check = try await SiteCheck.check(outputDirectory: output)
    #expect(check.broken.isEmpty, "\(check.broken.prefix(5).map(\.description))")

    func page(_ path: String) throws -> String { try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
    let home = try page("index.html")
    #expect(home.contains(##"href="posts/notes/#fn-1""##) && home.contains(##"href="posts/notes/#later""##), "\(home)")
    #expect(!home.contains(##"href="#fn-1""##) && !home.contains(##"href="#later""##))
    let tag = try page("tags/t/index.html")
    #expect(tag.contains(##"href="../../posts/notes/#later""##))
    // The post's own page keeps its same-page links.
    let postPage = try page("posts/notes/index.html")
    #expect(postPage.contains(##"href="#later""##) && postPage.contains(##"href="#fn-1""##))
    for feed in ["rss.xml", "atom.xml", "feed.json"] {
        let text = try page(feed)
        #expect(text.contains("https://blog.example.com/posts/notes/#later"), "\(feed)")
        #expect(!text.contains(##"href=\"#later"##) && !text.contains("href=&quot;#later"), "\(feed)")
    }
}

@Test func rebasingTouchesOnlyFragmentOnlyHrefs() {
    let html = ##"<p><a href="#x">x</a> <a HREF='#y'>y</a> <a href="/a/#z">z</a> <code>href="#q"</code> <a data-href="#n">n</a> <a href="https://e.com/#w">w</a></p>"##
    #expect(SummaryLinks.rebasingFragments(html, to: "posts/a/") ==
        ##"<p><a href="posts/a/#x">x</a> <a HREF='posts/a/#y'>y</a> <a href="/a/#z">z</a> <code>href="#q"</code> <a data-href="#n">n</a> <a href="https://e.com/#w">w</a></p>"##)
    #expect(SummaryLinks.rebasingFragments("no links", to: "p/") == "no links")
    #expect(SummaryLinks.rebasingFragments(##"<a href="#a">é</a>"##, to: "a&b/") == ##"<a href="a&amp;b/#a">é</a>"##)
}
