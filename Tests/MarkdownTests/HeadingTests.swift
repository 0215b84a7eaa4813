import Testing
@testable import Markdown

private let renderer = MarkdownRenderer()

@Test func headingGetsIDAndAnchor() {
    let rendered = renderer.render("## Intro")
    #expect(rendered.html == "<h2 id=\"intro\">Intro <a class=\"anchor\" href=\"#intro\" aria-label=\"Link to this section\">#</a></h2>\n")
    #expect(rendered.headings == [Heading(level: 2, text: "Intro", id: "intro")])
}

@Test func headingKeepsInlineMarkupButIDUsesText() {
    let rendered = renderer.render("# Using `swift build` *fast*")
    #expect(rendered.html.hasPrefix("<h1 id=\"using-swift-build-fast\">Using <code>swift build</code> <em>fast</em> <a "))
    #expect(rendered.headings[0].text == "Using swift build fast")
}

@Test(arguments: [
    ("Hello, World!", "hello-world"),
    ("  --Trim me--  ", "trim-me"),
    ("C++ & Swift 6.3", "c-swift-6-3"),
    ("Ünïcode Straße", "ünïcode-straße"),
    ("Ελληνικά Κείμενα", "ελληνικά-κείμενα"),
    ("日本語の見出し", "日本語の見出し"),
    ("Emoji 🚀 launch", "emoji-launch"),
    ("!!!", "section"),
    ("", "section"),
])
func slugs(text: String, expected: String) {
    #expect(HeadingSlugger.slug(text) == expected)
}

@Test func duplicateHeadingsGetNumberedIDs() {
    let rendered = renderer.render("# A\n\n## A\n\n### A\n\n## A 1\n")
    // "A 1" would collide with the generated "a-1", so it moves on.
    #expect(rendered.headings.map(\.id) == ["a", "a-1", "a-2", "a-1-1"])
}

@Test func emptyAndPunctuationHeadingsBecomeSection() {
    let rendered = renderer.render("## ???\n\n## \n\n## ...\n")
    #expect(rendered.headings.map(\.id) == ["section", "section-1", "section-2"])
}

@Test func setextHeadingsAndLevels() {
    let rendered = renderer.render("Title\n=====\n\nSub\n---\n\n###### Six\n")
    #expect(rendered.headings.map(\.level) == [1, 2, 6])
    #expect(rendered.html.contains("<h6 id=\"six\">Six "))
}

@Test func rawHTMLHeadingsAreNotCountedOrRenumbered() {
    let rendered = MarkdownRenderer(options: .init(rawHTML: true))
        .render("<h2>Raw</h2>\n\n## Raw\n\n## Raw\n")
    #expect(rendered.headings.map(\.id) == ["raw", "raw-1"])
    #expect(rendered.html.hasPrefix("<h2>Raw</h2>\n<h2 id=\"raw\">"))
}

@Test func headingAnchorIsEmittedEvenWhenRawHTMLIsOff() {
    let html = renderer.render("# Title <b>x</b>").html
    #expect(html.hasPrefix("<h1 id=\"title-x\">Title <!-- raw HTML omitted -->x<!-- raw HTML omitted --> <a class=\"anchor\""))
}

@Test func headingTextIsEscapedInTableOfContents() {
    let rendered = renderer.render("# 1 < 2 & \"so\"\n\n# B\n")
    #expect(rendered.tableOfContents?.contains(">1 &lt; 2 &amp; \u{201C}so\u{201D}</a>") == true)
}

@Test func manyDuplicateHeadingsKeepNumberingAroundLiteralCollisions() {
    var slugger = HeadingSlugger()
    let ids = ["A", "A 2", "A", "A", "A", "A 4"].map { slugger.uniqueID(for: $0) }
    #expect(ids == ["a", "a-2", "a-1", "a-3", "a-4", "a-4-1"])
    // A long post repeating one heading (every step "Example") numbers them all in order.
    var many = HeadingSlugger()
    let repeated = (0..<5_000).map { _ in many.uniqueID(for: "Example") }
    #expect(repeated.first == "example")
    #expect(repeated.last == "example-4999")
    #expect(Set(repeated).count == 5_000)
}

@Test func headingIDsDoNotDuplicateFootnoteIDs() {
    let rendered = renderer.render("## FN 1\n\nA note[^1] and again[^1].\n\n## fnref 1\n\n## Fnref 1 2\n\n[^1]: The note.\n")
    #expect(rendered.headings.map(\.id) == ["fn-1-1", "fnref-1-1", "fnref-1-2-1"])
    var counts: [String: Int] = [:]
    for piece in rendered.html.split(separator: " id=\"").dropFirst() {
        counts[String(piece.prefix { $0 != "\"" }), default: 0] += 1
    }
    #expect(counts.filter { $0.value > 1 } == [:])
    #expect(counts["fn-1"] == 1 && counts["fnref-1"] == 1 && counts["fnref-1-2"] == 1)
}
