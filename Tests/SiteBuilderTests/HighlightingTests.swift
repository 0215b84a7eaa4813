import Foundation
import Testing
@testable import SiteBuilder

private let chromaInstalled = FileManager.default.fileExists(atPath: "/usr/share/gocode/src/github.com/alecthomas/chroma/v2/lexers/embedded")

private let codePost = post("Code", date: "2026-01-02", body: """
    Some Rust:

    ```rust {hl_lines=[2]}
    fn main() {
        println!("<hi>");
    }
    ```

    ```unknownlang
    plain <text>
    ```
    """)

@Test(.enabled(if: chromaInstalled, "Chroma's definitions are not installed"))
func codeBlocksAreHighlightedAndTheStyleSheetIsLinked() async throws {
    let site = try FixtureSite(files: ["content/posts/code.md": codePost], themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    let page = result.text("posts/code/index.html")
    #expect(page.contains("<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-rust\""))
    #expect(page.contains("<span class=\"line hl\">"), "hl_lines marks line 2")
    #expect(page.contains("&lt;hi&gt;") && !page.contains("<hi>"))
    #expect(page.contains("<pre><code class=\"language-unknownlang\">plain &lt;text&gt;\n</code></pre>"), "an unknown language stays plain")
    #expect(page.contains("<link rel=\"stylesheet\" href=\"../../css/highlight.css\">"))
    let css = result.text("css/highlight.css")
    #expect(css.contains(".chroma .k {") && css.contains("@media (prefers-color-scheme: dark)"))

    // A second build of the same sources makes the same bytes.
    let again = try await site.build()
    #expect(again.text("posts/code/index.html") == page && again.text("css/highlight.css") == css)
}

@Test func highlightFalseLeavesCodePlainAndWritesNoStyleSheet() async throws {
    let site = try FixtureSite(files: ["content/posts/code.md": codePost], siteYML: FixtureSite.siteYML + "highlight: false\n", themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/code/index.html").contains("<pre><code class=\"language-rust"))
    #expect(!result.text("posts/code/index.html").contains("chroma"))
    #expect(!result.has("css/highlight.css"))
}

@Test(.enabled(if: chromaInstalled, "Chroma's definitions are not installed"))
func highlightSettingsAreCheckedWithTheirLine() async throws {
    func error(_ yml: String) async throws -> String? {
        let site = try FixtureSite(files: ["content/posts/code.md": codePost], siteYML: FixtureSite.siteYML + yml, themeOnly: true)
        defer { site.cleanUp() }
        return await site.buildError()
    }
    let unknown = try await error("highlight:\n  style: nope\n")
    #expect(unknown?.contains("site.yml:10:10:") == true && unknown?.contains("unknown highlight style 'nope'") == true
        && unknown?.contains("monokai") == true, "\(unknown ?? "")")
    #expect(try await error("highlight:\n  colour: red\n")?.contains("unknown key 'highlight.colour'") == true)
    #expect(try await error("highlight:\n  style: monokai\n  dark_style: \"\"\n  line_numbers: true\n") == nil)
}
