import Foundation
import Testing
@testable import SiteBuilder

private func build(_ body: String, extraFiles: [String: String] = [:]) async throws -> (page: String, result: BuildResult) {
    var files = extraFiles
    files["content/posts/p.md"] = post("Embeds", date: "2026-01-03", body: body)
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    return (result.text("posts/p/index.html"), result)
}

private func buildError(_ body: String, extraFiles: [String: String] = [:]) async throws -> String? {
    var files = extraFiles
    files["content/posts/p.md"] = post("Embeds", date: "2026-01-03", body: body)
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    return await site.buildError()
}

@Test func figureReplacesItsParagraphAndItsImageIsPageRelative() async throws {
    let (page, _) = try await build(#"{{< figure src="/img/cat.png" alt="A cat" caption="Our cat & me" width="640" height="480" link="/about/" >}}"#,
        extraFiles: ["static/img/cat.png": "PNG", "content/about.md": "---\ntitle: About\n---\nHi\n"])
    #expect(page.contains(#"<figure>"#) && !page.contains("<p><figure>"), "a figure alone is no paragraph's child")
    #expect(page.contains(#"<a href="../../about/"><img src="../../img/cat.png" alt="A cat" width="640" height="480" decoding="async"></a>"#))
    #expect(page.contains("<figcaption>Our cat &amp; me</figcaption>"))
}

@Test func videosLoadNothingFromTheVideoSiteUntilClicked() async throws {
    let (page, result) = try await build("Watch:\n\n{{< youtube dQw4w9WgXcQ >}}\n\nand {{< vimeo id=\"76979871\" title=\"A film\" >}}\n")
    #expect(page.contains(#"<div class="embed-video" data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1""#))
    #expect(page.contains(#"<a class="embed-video-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ">"#))
    #expect(page.contains(#"data-embed-src="https://player.vimeo.com/video/76979871?dnt=1&amp;autoplay=1" data-embed-title="A film""#))
    #expect(!page.contains("<iframe") && !page.contains(#"<img src="https"#), "nothing from another origin before a click")
    #expect(page.contains(#"<script defer src="../../js/embeds.js"></script>"#))
    #expect(result.text("js/embeds.js").contains("iframe"))
    let plain = result.text("archive/index.html")
    #expect(!plain.contains("embeds.js"), "a page without an embed loads no script")
}

@Test func gistIsALinkCard() async throws {
    let (page, _) = try await build("{{< gist spf13 7896402 img.html >}}\n")
    #expect(page.contains(#"<a class="embed-card" href="https://gist.github.com/spf13/7896402#file-img-html">"#))
    #expect(page.contains("spf13/7896402 · img.html"))
}

@Test func shortcodesInCodeStayTextAndCanBeWrittenLiterally() async throws {
    let (page, _) = try await build("`{{< youtube x >}}` and\n\n```\n{{< nope >}}\n```\n\nShow {{</* figure src=\"a.png\" */>}} here.\n")
    #expect(page.contains("<code>{{&lt; youtube x &gt;}}</code>"))
    #expect(page.contains("<pre><code>{{&lt; nope &gt;}}\n</code></pre>"))
    #expect(page.contains("Show {{&lt; figure src=&quot;a.png&quot; &gt;}} here."), "written exactly, quotes not curled")
}

@Test func aSiteShortcodeGetsItsArgumentsAndInnerMarkdown() async throws {
    let template = #"<aside class="note note-{{kind}}"><b>{{arg0}}</b>{{{inner_html}}}</aside>"#
    let (page, _) = try await build("{{< note Careful kind=\"warn\" >}}\nThis is **bold**.\n\nTwo paragraphs.\n{{< /note >}}\n",
        extraFiles: ["templates/shortcodes/note.mustache": template])
    #expect(page.contains(#"<aside class="note note-warn"><b>Careful</b><p>This is <strong>bold</strong>.</p>"#))
    #expect(page.contains("<p>Two paragraphs.</p>\n</aside>"))
}

@Test func shortcodeMistakesNameTheirLineAndColumn() async throws {
    // The fixture's front matter is 4 lines and a blank one, so the body's first line is line 6.
    let unknown = try await buildError("Text.\n\nSee {{< tweet 123 >}}.\n")
    #expect(unknown?.hasSuffix("content/posts/p.md:8:5: unknown shortcode 'tweet': add templates/shortcodes/tweet.mustache, or use a built-in one (figure, youtube, vimeo, gist, ref, relref)") == true, "\(unknown ?? "")")
    let badID = try await buildError("{{< youtube nope >}}\n")
    #expect(badID?.contains("p.md:6:1: 'nope' is not a YouTube video id") == true, "\(badID ?? "")")
    let missing = try await buildError("{{< figure alt=\"x\" >}}\n")
    #expect(missing?.contains("shortcode 'figure' needs 'src'") == true, "\(missing ?? "")")
    let unknownArgument = try await buildError("{{< figure src=\"a.png\" size=\"big\" >}}\n")
    #expect(unknownArgument?.contains("shortcode 'figure' has no argument 'size'") == true, "\(unknownArgument ?? "")")
    let unclosed = try await buildError("Line.\n{{< figure src=\"a.png\"\n")
    #expect(unclosed?.contains("p.md:7:1: shortcode 'figure' is not closed with >}}") == true, "\(unclosed ?? "")")
    let stray = try await buildError("{{< /note >}}\n")
    #expect(stray?.contains("closes a shortcode that was never opened") == true)
    let quote = try await buildError("{{< figure src=\"a.png >}}\n")
    #expect(quote?.contains("opens a quote that is never closed") == true, "\(quote ?? "")")
}

@Test func editingAShortcodeTemplateRebuildsThePostsUsingIt() async throws {
    let site = try FixtureSite(files: [
        "content/posts/p.md": post("P", date: "2026-01-03", body: "{{< note >}}\n"),
        "templates/shortcodes/note.mustache": "<aside>one</aside>",
    ], themeOnly: true)
    defer { site.cleanUp() }
    let session = site.session()
    #expect(try await session.build().text("posts/p/index.html").contains("<aside>one</aside>"))
    try site.write("templates/shortcodes/note.mustache", "<aside>two</aside>")
    let rebuilt = try await session.rebuild(changedPaths: ["templates/shortcodes/note.mustache"])
    #expect(rebuilt.text("posts/p/index.html").contains("<aside>two</aside>"))
    // A fresh process with the document cache on disk makes the same.
    #expect(try await site.build().text("posts/p/index.html") == rebuilt.text("posts/p/index.html"))
}

@Test func theBuildWarnsWhenTheTagFilterEscapesAnEmbed() async throws {
    let site = try FixtureSite(files: [
        "content/posts/p.md": post("P", date: "2026-01-03", body: "<iframe src=\"https://example.org/\"></iframe>\n"),
        "content/posts/q.md": post("Q", date: "2026-01-02", body: "No embed, just `<iframe>` in code."),
    ], siteYML: FixtureSite.siteYML + "markdown:\n  tag_filter: true\n", themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/p/index.html").contains("&lt;iframe"))
    let warnings = result.warnings.map(\.description)
    #expect(warnings.count == 1 && warnings[0].hasSuffix("content/posts/p.md: <iframe> escaped by markdown.tag_filter, so shown as text; remove tag_filter: true from site.yml to keep them"), "\(warnings)")
}
