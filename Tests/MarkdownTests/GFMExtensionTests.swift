import Testing
@testable import Markdown

private let renderer = MarkdownRenderer()
private let unsafeRenderer = MarkdownRenderer(options: .init(rawHTML: true))

@Test func rendersTablesWithAlignment() {
    let html = renderer.render("| a | b |\n|:--|--:|\n| 1 | 2 |\n").html
    #expect(html.contains("<table>"))
    #expect(html.contains("<th align=\"left\">a</th>"))
    #expect(html.contains("<td align=\"right\">2</td>"))
}

@Test func rendersStrikethrough() {
    #expect(renderer.render("~~gone~~ here").html == "<p><del>gone</del> here</p>\n")
}

@Test func autolinksBareURLsAndWWW() {
    let html = renderer.render("See https://example.com/x and www.example.org.").html
    #expect(html.contains("<a href=\"https://example.com/x\">https://example.com/x</a>"))
    #expect(html.contains("<a href=\"http://www.example.org\">www.example.org</a>."))
}

@Test func rendersTaskLists() {
    let html = renderer.render("- [ ] open\n- [x] done\n").html
    #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> open</li>"))
    #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
}

/// With raw HTML on, the tag filter is off unless asked for: embeds and scripts are the author's own.
@Test func rawHTMLKeepsEmbedsUnlessTheTagFilterIsAskedFor() {
    let source = "<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>\n\n<video src=v.mp4></video> <script>go()</script>\n"
    let html = unsafeRenderer.render(source).html
    #expect(html.contains("<iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe>"))
    #expect(html.contains("<video src=v.mp4></video>") && html.contains("<script>go()</script>"))
    // Without raw HTML the filter is on by default, and raw HTML is left out anyway.
    #expect(MarkdownOptions().tagFilter == nil)
    #expect(!MarkdownRenderer().render(source).html.contains("<iframe"))
}

@Test func tagfilterEscapesDangerousTagsEvenWithRawHTML() {
    let rendered = MarkdownRenderer(options: MarkdownOptions(rawHTML: true, tagFilter: true)).render("<script>alert(1)</script>\n\n<b>kept</b> <iframe src=x></iframe> `<style>`")
    let html = rendered.html
    #expect(rendered.escapedTags == ["iframe", "script"], "what was escaped is reported; code is not raw HTML")
    #expect(MarkdownRenderer(options: MarkdownOptions(rawHTML: true)).render("<iframe></iframe>").escapedTags.isEmpty)
    #expect(html.contains("&lt;script>alert(1)&lt;/script>"))
    #expect(html.contains("<b>kept</b>"))
    #expect(html.contains("&lt;iframe src=x>"))
    #expect(!html.contains("<script>"))
}

@Test func rendersFootnotes() {
    let html = renderer.render("Claim[^src].\n\n[^src]: The source.\n").html
    #expect(html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-src\" id=\"fnref-src\""))
    #expect(html.contains("<section class=\"footnotes\""))
    #expect(html.contains("<li id=\"fn-src\">"))
    #expect(html.contains("The source."))
}

@Test func fencedCodeKeepsLanguageClass() {
    let html = renderer.render("```swift\nlet x = 1 < 2\n```\n").html
    #expect(html == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>\n")
}

@Test func autolinksEmailAddresses() {
    #expect(renderer.render("Write to me@example.com today.").html
        == "<p>Write to <a href=\"mailto:me@example.com\">me@example.com</a> today.</p>\n")
}

@Test func strikethroughTakesOneOrTwoTildes() {
    #expect(renderer.render("~one~ and ~~two~~ and ~~~three~~~").html
        == "<p><del>one</del> and <del>two</del> and ~~~three~~~</p>\n")
}
