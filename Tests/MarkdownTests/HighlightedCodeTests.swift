import Foundation
import Highlight
import Markdown
import Testing

private let catalog: LexerCatalog? = try? LexerCatalog(folder: LexerCatalog.debianFolder)

@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func fencedCodeIsHighlightedWhateverRawHTMLSays() throws {
    let highlighter = Highlighter(catalog: try #require(catalog))
    for rawHTML in [false, true] {
        let renderer = MarkdownRenderer(options: MarkdownOptions(rawHTML: rawHTML, highlighter: highlighter))
        let out = renderer.render("Text.\n\n```python\nx = 'a & b'\n```\n\n```\nno language\n```\n")
        #expect(out.html.contains("<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-python\""))
        #expect(out.html.contains("&#39;a &amp; b&#39;") || out.html.contains("'a &amp; b'"))
        #expect(out.html.contains("<pre><code>no language\n</code></pre>"))
        #expect(!out.html.contains("blogctl-code"), "no placeholder is left")
    }
}

@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func aDocumentThatMentionsThePlaceholderIsUnharmed() throws {
    let renderer = MarkdownRenderer(options: MarkdownOptions(highlighter: Highlighter(catalog: try #require(catalog))))
    let source = "`<pre><code class=\"language-blogctl-code-0\"></code></pre>`\n\n```go\nfunc f() {}\n```\n"
    let out = renderer.render(source)
    #expect(out.html.contains("language-blogctl-code-0&quot;&gt;&lt;/code&gt;"), "the author's text stays as written")
    #expect(out.html.contains("class=\"language-go\""))
    // Code in a <!--more--> summary is highlighted there too; the word count still counts code.
    let summary = renderer.render("```sh\necho hi\n```\n\n<!--more-->\n\nRest.\n")
    #expect(summary.summary.contains("class=\"chroma\""))
    #expect(summary.wordCount == 3)
}
