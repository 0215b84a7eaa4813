import Testing
@testable import Markdown

@Test func defaultsAreSmartSafeAndSoft() {
    let options = MarkdownOptions()
    #expect(options.smartPunctuation)
    #expect(!options.rawHTML)
    #expect(!options.hardBreaks)
}

@Test func smartPunctuationOn() {
    let html = MarkdownRenderer().render("\"Quote\" -- it's --- done...").html
    #expect(html == "<p>\u{201C}Quote\u{201D} \u{2013} it\u{2019}s \u{2014} done\u{2026}</p>\n")
}

@Test func smartPunctuationOff() {
    let html = MarkdownRenderer(options: .init(smartPunctuation: false)).render("\"Quote\" -- it's...").html
    #expect(html == "<p>&quot;Quote&quot; -- it's...</p>\n")
}

@Test func rawHTMLOffOmitsBlockAndInlineHTML() {
    let html = MarkdownRenderer().render("<div class=\"x\">block</div>\n\nsome <span>inline</span> text").html
    #expect(!html.contains("<div"))
    #expect(!html.contains("<span>"))
    #expect(html.contains("<!-- raw HTML omitted -->"))
    #expect(html.contains("inline"))
}

@Test func rawHTMLOnPassesHTMLThrough() {
    let html = MarkdownRenderer(options: .init(rawHTML: true))
        .render("<div class=\"x\">block</div>\n\nsome <span>inline</span> text").html
    #expect(html.contains("<div class=\"x\">block</div>"))
    #expect(html.contains("some <span>inline</span> text"))
}

@Test func rawHTMLOffNeutralizesDangerousLinks() {
    let html = MarkdownRenderer().render("[x](javascript:alert(1))").html
    #expect(html == "<p><a href=\"\">x</a></p>\n")
}

@Test func hardBreaksOption() {
    #expect(MarkdownRenderer().render("one\ntwo").html == "<p>one\ntwo</p>\n")
    #expect(MarkdownRenderer(options: .init(hardBreaks: true)).render("one\ntwo").html == "<p>one<br />\ntwo</p>\n")
}
