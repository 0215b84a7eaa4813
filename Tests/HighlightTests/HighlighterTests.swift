import Testing
@testable import Highlight

private let catalog: LexerCatalog? = try? LexerCatalog(folder: LexerCatalog.debianFolder)

/// The languages a technical blog needs (issue 12 lists them), by the names authors type.
@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func everyCommonLanguageAndAliasHasALexerThatCompiles() throws {
    let highlighter = Highlighter(catalog: try #require(catalog))
    let names = ["rust", "rs", "swift", "go", "golang", "python", "py", "javascript", "js", "typescript", "ts", "c", "cpp",
                 "c++", "java", "kotlin", "ruby", "rb", "bash", "sh", "shell", "zsh", "toml", "yaml", "yml", "json", "html",
                 "css", "sql", "diff", "dockerfile", "docker", "haskell", "elixir", "zig", "nix", "lua", "php", "csharp",
                 "scala", "dart", "r", "perl", "ocaml", "clojure", "erlang", "nim", "graphql", "protobuf", "cmake",
                 "ini", "xml", "powershell", "julia", "terraform", "tex"]
    var missing: [String] = []
    for name in names {
        guard let tokens = highlighter.tokens("x = 1\n", language: name), !tokens.isEmpty else { missing.append(name); continue }
        #expect(tokens.map(\.text).joined() == "x = 1\n", "\(name) keeps every character")
    }
    #expect(missing.isEmpty)
    #expect(catalog!.languages.count >= 150)
    #expect(highlighter.tokens("x", language: "no-such-language") == nil)
}

@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func rustIsColouredWithChromasClasses() throws {
    let highlighter = Highlighter(catalog: try #require(catalog))
    let html = try #require(highlighter.html("fn main() {\n    let s = \"<hi>\"; // note\n}\n", info: "rust"))
    #expect(html.hasPrefix("<div class=\"highlight\"><pre tabindex=\"0\" class=\"chroma\"><code class=\"language-rust\" data-lang=\"rust\">"))
    #expect(html.contains("<span class=\"kd\">fn</span>") || html.contains("<span class=\"k\">fn</span>"))
    #expect(html.contains("<span class=\"s\">&quot;&lt;hi&gt;&quot;</span>") || html.contains("&lt;hi&gt;"))
    #expect(html.contains("<span class=\"c1\">// note"))
    #expect(html.components(separatedBy: "<span class=\"line\">").count - 1 == 3, "one line span per line")
    #expect(!html.contains("<hi>"), "code is escaped")
    #expect(highlighter.html("x", info: "") == nil && highlighter.html("x", info: "unknown-lang") == nil)
}

@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func lineNumbersAndMarkedLinesFollowTheFence() throws {
    let plain = Highlighter(catalog: try #require(catalog))
    let code = "a = 1\nb = 2\nc = 3\n"
    let numbered = try #require(plain.html(code, info: "python {linenos=true, hl_lines=[2], linenostart=9}"))
    #expect(numbered.contains("<span class=\"line\"><span class=\"ln\"> 9</span>"))
    #expect(numbered.contains("<span class=\"line hl\"><span class=\"ln\">10</span>"))
    #expect(numbered.contains("<span class=\"ln\">11</span>"))
    let sitewide = Highlighter(catalog: catalog!, lineNumbers: true)
    #expect(try #require(sitewide.html(code, info: "python")).contains("<span class=\"ln\">1</span>"))
    #expect(try #require(sitewide.html(code, info: "python {linenos=false}")).contains("class=\"ln\"") == false)
}

@Test func fenceAttributesReadHugosSyntax() {
    let full = FenceAttributes(info: "go {linenos=table,hl_lines=[8,\"15-17\"],linenostart=199}")
    #expect(full.language == "go" && full.lineNumbers == true && full.firstLine == 199)
    #expect(full.highlightedLines == [8, 15, 16, 17])
    let spaced = FenceAttributes(info: "rust {hl_lines=[2, 4] linenos=false}")
    #expect(spaced.language == "rust" && spaced.lineNumbers == false && spaced.highlightedLines == [2, 4])
    #expect(FenceAttributes(info: "js").language == "js" && FenceAttributes(info: "js").lineNumbers == nil)
    #expect(FenceAttributes(info: "x {hl_lines=[1-99999999]}").highlightedLines.count == 10_001, "a huge range is capped")
}

@Test(.enabled(if: catalog != nil, "Chroma's definitions are not installed"))
func styleSheetsSetEveryClassInBothSchemes() throws {
    let styles = try #require(catalog).folder + "/styles"
    let light = try ColourScheme.load(named: "github", stylesFolder: styles)
    let dark = try ColourScheme.load(named: "github-dark", stylesFolder: styles)
    let css = StyleSheet.css(light: light, dark: dark)
    #expect(css.contains(".chroma .k { color: #000000; font-weight: bold;"), "github's Keyword")
    #expect(css.contains(".chroma .kt { color: #445588; font-weight: bold;"), "KeywordType's own entry")
    #expect(css.contains(".chroma .c1 { color: #999988; font-weight: inherit; font-style: italic;"))
    let parts = css.components(separatedBy: "@media (prefers-color-scheme: dark) {")
    #expect(parts.count == 2)
    let lightClasses = parts[0].split(separator: "\n").filter { $0.contains("color:") }.joined(separator: "\n").matches(of: #/\.chroma \.(\w+) \{/#).map { String($0.output.1) }
    let darkClasses = parts[1].matches(of: #/\.chroma \.(\w+) \{/#).map { String($0.output.1) }
    #expect(Set(lightClasses) == Set(darkClasses), "the dark scheme overrides every light rule")
    #expect(StyleSheet.css(light: light, dark: dark) == css, "deterministic")
    #expect(throws: HighlightError.self) { try ColourScheme.load(named: "no-such", stylesFolder: styles) }
}

@Test func aMissingChromaFolderSaysWhatToInstall() {
    #expect(throws: HighlightError.definitionsMissing(folder: "/nonexistent/lexers/embedded")) {
        try LexerCatalog(folder: "/nonexistent")
    }
    #expect(HighlightError.definitionsMissing(folder: "/x").description.contains("apt-get install golang-github-alecthomas-chroma-v2-dev"))
}

/// A state's rules are joined into one alternation only when no rule refers to a group by number
/// or name (renumbering would change what it matches); escaped backslashes and lookbehinds are not
/// references.
@Test func rulesReferringToGroupsAreNotJoined() {
    for pattern in [#"(b?r)(#*)(".*?"\2)"#, #"(?<q>')x\k<q>"#, #"(?P<n>a)"#, #"(a)?(?(1)b|c)"#, #"\g<1>"#] {
        #expect(StateMatcher.refersToGroups(pattern), "\(pattern)")
    }
    for pattern in [#"\\1"#, #"(?<=\s)x"#, #"(?<!a)b"#, #"[0-9]+"#, #"(a)(b)"#, #"\d\w\s"#] {
        #expect(!StateMatcher.refersToGroups(pattern), "\(pattern)")
    }
}
