import Testing
@testable import Markdown

private let renderer = MarkdownRenderer()

@Test func countsVisibleWordsNotMarkup() {
    let rendered = renderer.render("# Two words\n\nThis is **bold** and [a link](https://x.example/a/b/c).\n")
    #expect(rendered.wordCount == 8)
}

@Test func wordsSplitByInlineMarkupCountOnce() {
    #expect(renderer.render("foo**bar** baz_qux_").wordCount == 2)
}

@Test func codeCountsHTMLDoesNot() {
    let rendered = MarkdownRenderer(options: .init(rawHTML: true))
        .render("Run `swift build` now.\n\n```\nlet a = 1\n```\n\n<div class=\"many words here\"></div>\n")
    #expect(rendered.wordCount == 7)  // Run swift build now. let a 1 ("=" is no word)
}

@Test func lineBreaksAndCellsSeparateWords() {
    #expect(renderer.render("one\ntwo\\\nthree").wordCount == 3)
    #expect(renderer.render("| a | b |\n|---|---|\n| c | d |\n").wordCount == 4)
}

@Test func smartDashesAreNotWords() {
    #expect(renderer.render("yes -- no --- maybe...").wordCount == 3)
}

@Test func readingMinutes() {
    let words = (0..<401).map { _ in "word" }.joined(separator: " ")
    let rendered = renderer.render(words)
    #expect(rendered.wordCount == 401)
    #expect(rendered.readingMinutes == 3)
    #expect(renderer.render("").readingMinutes == 1)
    #expect(renderer.render("").wordCount == 0)
}
