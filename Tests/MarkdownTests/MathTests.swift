import Markdown
import Testing

private let math = MarkdownRenderer(options: MarkdownOptions(math: true))

private func inline(_ tex: String) -> String { "<span class=\"math math-inline\">\(tex)</span>" }
private func display(_ tex: String) -> String { "<span class=\"math math-display\">\(tex)</span>" }

@Test func inlineMathKeepsBackslashesAmpersandsAndUnderscores() {
    let out = math.render(#"Euler: $e^{i\pi} + 1 = 0$, and $a_1 * b_2 \& c_{*}$ here."#).html
    #expect(out == "<p>Euler: \(inline(#"e^{i\pi} + 1 = 0"#)), and \(inline(#"a_1 * b_2 \&amp; c_{*}"#)) here.</p>\n")
}

@Test func everyDelimiterForm() {
    let out = math.render(#"A \(x^2\) and \[\frac{a}{b}\] and $$\sum_{n} n$$ end."#).html
    #expect(out == "<p>A \(inline("x^2")) and \(display(#"\frac{a}{b}"#)) and \(display(#"\sum_{n} n"#)) end.</p>\n")
}

@Test func displayMathOverSeveralLinesEvenWhereAListWouldStart() {
    let source = """
        Before.

        $$
        \\begin{aligned}
        a &= b \\\\
        - c &= d
        \\end{aligned}
        $$

        After.
        """
    let out = math.render(source).html
    #expect(out.contains(display("\n\\begin{aligned}\na &amp;= b \\\\\n- c &amp;= d\n\\end{aligned}\n")))
    #expect(!out.contains("<li>"), "the '- c' line stays inside the math")
    #expect(out.hasSuffix("<p>After.</p>\n"))
}

@Test func dollarsThatAreNotMathStayText() {
    let cases: [(String, String)] = [
        ("It costs $5 and $10.", "<p>It costs $5 and $10.</p>\n"),
        (#"An escaped \$x\$ stays."#, "<p>An escaped $x$ stays.</p>\n"),
        ("Shell: `echo $HOME` and `$PATH`.", "<p>Shell: <code>echo $HOME</code> and <code>$PATH</code>.</p>\n"),
        ("A lone $ sign.", "<p>A lone $ sign.</p>\n"),
        ("$ x$ is not math either.", "<p>$ x$ is not math either.</p>\n"),
    ]
    for (source, expected) in cases {
        #expect(math.render(source).html == expected, "\(source)")
    }
    let fenced = math.render("```sh\nexport A=$HOME\necho $A\n```\n\nand $x$\n").html
    #expect(fenced.contains("<code class=\"language-sh\">export A=$HOME\necho $A\n</code>"))
    #expect(fenced.contains(inline("x")))
}

@Test func placeholdersThatLandOutsideTextGetTheirCharactersBack() {
    // The scanner does not know links or raw HTML; cmark does, and those keep what was written.
    let link = math.render("[pay](https://example.com/?a=$x$) now").html
    #expect(link == "<p><a href=\"https://example.com/?a=$x$\">pay</a> now</p>\n")
    let html = MarkdownRenderer(options: MarkdownOptions(rawHTML: true, math: true)).render("<div title=\"$a$\">\n$b$\n</div>\n").html
    #expect(html == "<div title=\"$a$\">\n$b$\n</div>\n")
    let indented = math.render("Para.\n\n    code $a$ here\n").html
    #expect(indented.contains("<pre><code>code $a$ here\n</code></pre>"))
}

@Test func mathInHeadingsTablesAndQuotes() {
    let heading = math.render("## The $O(n)$ bound\n")
    #expect(heading.headings.first?.text == "The O(n) bound")
    #expect(heading.html.contains(inline("O(n)")))
    let table = math.render("| a | b |\n|---|---|\n| $|x|$ | 2 |\n").html
    #expect(table.contains("<td>\(inline("|x|"))</td>"), "a pipe inside math does not split the cell")
    let quote = math.render("> $$\n> a +\n> b\n> $$\n").html
    #expect(quote.contains(display("\na +\nb\n")))
}

@Test func summariesNeverCutMathInHalf() {
    let renderer = MarkdownRenderer(options: MarkdownOptions(summaryWords: 3, math: true))
    let out = renderer.render("One two $a + b + c$ four five six.\n")
    #expect(out.summary == "<p>One two \(inline("a + b + c")) …</p>\n")
    #expect(out.summaryText.hasPrefix("One two a + b + c"))
}

@Test func mathIsOffUnlessAsked() {
    let out = MarkdownRenderer().render(#"$a\_b$"#).html
    #expect(out == "<p>$a_b$</p>\n")
}

@Test func aSourceUsingThePlaceholderCharacterIsUnharmed() {
    let out = math.render("Private \u{E000}0\u{E001} use and $x$.").html
    #expect(out == "<p>Private \u{E000}0\u{E001} use and \(inline("x")).</p>\n")
}
