import Testing
@testable import Markdown

private let renderer = MarkdownRenderer()

@Test func noTableOfContentsBelowTwoHeadings() {
    #expect(renderer.render("Just text.").tableOfContents == nil)
    #expect(renderer.render("# One\n\ntext").tableOfContents == nil)
}

@Test func flatTableOfContents() {
    #expect(renderer.render("## A\n\n## B\n").tableOfContents
        == "<nav class=\"toc\"><ol><li><a href=\"#a\">A</a></li><li><a href=\"#b\">B</a></li></ol></nav>")
}

@Test func nestedTableOfContents() {
    let toc = renderer.render("# T\n\n## A\n\n### A1\n\n### A2\n\n## B\n\n# U\n").tableOfContents
    #expect(toc == "<nav class=\"toc\"><ol>"
        + "<li><a href=\"#t\">T</a><ol>"
        + "<li><a href=\"#a\">A</a><ol><li><a href=\"#a1\">A1</a></li><li><a href=\"#a2\">A2</a></li></ol></li>"
        + "<li><a href=\"#b\">B</a></li></ol></li>"
        + "<li><a href=\"#u\">U</a></li></ol></nav>")
}

@Test func skippedLevelsNestOnceAndDeepStartClosesCleanly() {
    let toc = renderer.render("### Deep\n\n#### Deeper\n\n## Shallow\n\n#### Jump\n").tableOfContents
    #expect(toc == "<nav class=\"toc\"><ol>"
        + "<li><a href=\"#deep\">Deep</a><ol><li><a href=\"#deeper\">Deeper</a></li></ol></li>"
        + "<li><a href=\"#shallow\">Shallow</a><ol><li><a href=\"#jump\">Jump</a></li></ol></li>"
        + "</ol></nav>")
}

@Test func tableOfContentsTagsBalance() {
    let toc = renderer.render("# a\n\n### b\n\n## c\n\n###### d\n\n# e\n\n#### f\n").tableOfContents ?? ""
    func count(_ s: String) -> Int { toc.split(separator: s, omittingEmptySubsequences: false).count - 1 }
    #expect(count("<ol>") == count("</ol>"))
    #expect(count("<li>") == count("</li>"))
    #expect(count("<li>") == 6)
}
