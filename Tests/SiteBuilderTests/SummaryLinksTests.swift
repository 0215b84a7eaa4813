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

/// The first implementation (Foundation replacements per link), kept as the reference the
/// offset-based one must match byte for byte.
private func referenceRebasing(_ html: String, to postURL: String) -> String {
    let bytes = Array(html.utf8)
    var out: [UInt8] = []
    var copied = 0
    var index = 1
    let escaped = postURL.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    while index + 6 < bytes.count {
        let lower = bytes[index..<index + 4].map { $0 | 0x20 }
        if bytes[index + 6] == UInt8(ascii: "#"), lower == Array("href".utf8), bytes[index + 4] == UInt8(ascii: "="),
            bytes[index + 5] == UInt8(ascii: "\"") || bytes[index + 5] == UInt8(ascii: "'"), isSpace(bytes[index - 1])
        {
            out += bytes[copied..<index + 6]
            out += escaped.utf8
            copied = index + 6
            index += 7
        } else {
            index += 1
        }
    }
    guard copied > 0 else { return html }
    out += bytes[copied...]
    return String(decoding: out, as: UTF8.self)
}

@Test func precomputedOffsetsRebaseLikeTheReference() {
    let pieces = [
        ##" href="#a""##, ##" HREF='#b'"##, "\thref=\"#c\"", "\nhReF='#'", ##"data-href="#n""##, ##" href="/x#y""##, ##" href = "#z""##,
        "é", "e\u{301}", "\u{A0}", "\r\n", "👩‍👩‍👧", "&amp;", "<a", ">", " ", "href=\"#", "#", "x",
    ]
    let urls = ["posts/a/", "../../posts/b/", "a&b/", "q\"uote/", "it's/", "https://e.com/p?x=1&y='2'#", "", "ü/"]
    var generator = SystemRandomNumberGenerator()
    for round in 0..<400 {
        var html = ""
        for _ in 0..<Int.random(in: 0...12, using: &generator) { html += pieces.randomElement(using: &generator)! }
        let url = urls[round % urls.count]
        let offsets = SummaryLinks.fragmentOffsets(in: html)
        let expected = referenceRebasing(html, to: url)
        #expect(SummaryLinks.rebasingFragments(html, at: offsets, to: url) == expected, "\(html.debugDescription) \(url)")
        #expect(SummaryLinks.rebasingFragments(html, to: url) == expected)
        if !url.isEmpty { #expect(offsets.isEmpty == (expected == html), "\(html.debugDescription)") }
        #expect(offsets.allSatisfy { Array(html.utf8)[$0] == UInt8(ascii: "#") })
    }
    #expect(SummaryLinks.fragmentOffsets(in: ##"<p> href="#a" x HREF='#b'</p>"##) == [10, 22])
    #expect(SummaryLinks.rebasingFragments(##" href="#a""##, at: [7], to: ##"x"&'y"##) == ##" href="x&quot;&amp;&#39;y#a""##)
}
