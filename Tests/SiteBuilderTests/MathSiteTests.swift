import Foundation
import Testing
@testable import SiteBuilder

private let katexInstalled = (try? KaTeXDistribution.find(environment: [:])) != nil

private let mathPost = post("Euler", date: "2026-01-03", body: #"Euler's identity $e^{i\pi} + 1 = 0$ & more."#)
private let plainPost = post("Prices", date: "2026-01-02", body: "It costs $5, or $10 with tax.")

@Test(.enabled(if: katexInstalled, "KaTeX (libjs-katex) is not installed"))
func mathPagesLoadKaTeXAndOnlyThey() async throws {
    let site = try FixtureSite(files: ["content/posts/euler.md": mathPost, "content/posts/prices.md": plainPost],
        siteYML: FixtureSite.siteYML + "math: true\n", themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    let euler = result.text("posts/euler/index.html")
    #expect(euler.contains(#"<span class="math math-inline">e^{i\pi} + 1 = 0</span> &amp; more."#))
    #expect(euler.contains(#"<link rel="stylesheet" href="../../katex/katex.min.css">"#))
    #expect(euler.contains(#"<script defer src="../../katex/katex.min.js"></script>"#))
    #expect(euler.contains(#"<script defer src="../../katex/render-math.js"></script>"#))
    let prices = result.text("posts/prices/index.html")
    #expect(prices.contains("It costs $5, or $10 with tax."))
    #expect(!prices.contains("katex"), "a page without math loads nothing")
    #expect(result.text("index.html").contains(#"href="katex/katex.min.css""#), "the home page shows the math summary")
    #expect(!result.text("archive/index.html").contains("katex"))

    // KaTeX's files, its style sheet naming only the WOFF2 fonts, every one of which is shipped.
    #expect(result.has("katex/katex.min.js") && result.has("katex/render-math.js"))
    let css = result.text("katex/katex.min.css")
    #expect(css.contains("url(fonts/KaTeX_Main-Regular.woff2)"))
    #expect(!css.contains(".woff)") && !css.contains(".ttf)"))
    let fonts = css.matches(of: /url\((fonts\/[^)]+)\)/).map { "katex/" + String($0.1) }
    #expect(fonts.count >= 20 && fonts.allSatisfy(result.has), "every font the style sheet names is in the site")

    // The same sources make the same bytes.
    let again = try await site.build()
    #expect(again.text("posts/euler/index.html") == euler && again.text("katex/katex.min.css") == css)
}

@Test func withoutMathDollarsStayTextAndNoKaTeXIsShipped() async throws {
    let site = try FixtureSite(files: ["content/posts/euler.md": mathPost], themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/euler/index.html").contains(#"$e^{i\pi} + 1 = 0$ &amp; more."#))
    #expect(!result.output.paths.contains { $0.hasPrefix("katex/") })
}

@Test(.enabled(if: katexInstalled, "KaTeX (libjs-katex) is not installed"))
func addingMathToAPostRebuildsLikeAFreshBuild() async throws {
    let site = try FixtureSite(files: ["content/posts/euler.md": plainPost, "content/posts/other.md": post("Other", date: "2026-01-01")],
        siteYML: FixtureSite.siteYML + "math: true\n", themeOnly: true)
    defer { site.cleanUp() }
    let session = site.session()
    let first = try await session.build()
    #expect(!first.text("posts/prices/index.html").contains("katex"))
    try site.write("content/posts/euler.md", mathPost)
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/euler.md"])
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    for path in fresh.output.paths {
        #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path) differs")
    }
    #expect(rebuilt.text("posts/euler/index.html").contains("katex/render-math.js"))
}

@Test func mathSettingIsCheckedWithItsLine() async throws {
    let site = try FixtureSite(files: ["content/posts/euler.md": mathPost], siteYML: FixtureSite.siteYML + "math: maybe\n", themeOnly: true)
    defer { site.cleanUp() }
    let error = await site.buildError()
    #expect(error?.hasSuffix("site.yml:9:7: 'math' must be true or false") == true, "\(error ?? "")")
}

@Test func aMissingKaTeXSaysHowToGetIt() throws {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("no-katex-\(UUID().uuidString)").path
    #expect {
        try KaTeXDistribution.find(environment: ["BLOGCTL_KATEX": empty])
    } throws: { error in
        let text = "\(error)"
        return text.contains(empty) && text.contains("katex.min.js") && text.contains("apt-get install libjs-katex")
    }
}

@Test func onlyTheWOFF2FontsAreNamed() {
    let css = "@font-face{font-family:K;src:url(fonts/K.woff2) format('woff2'),url(fonts/K.woff) format('woff'),url(fonts/K.ttf) format('truetype');font-weight:400}"
    #expect(KaTeXDistribution.woff2Only(css) == "@font-face{font-family:K;src:url(fonts/K.woff2) format('woff2');font-weight:400}")
}
