import Foundation
import Testing
@testable import SiteBuilder

// Highlighted code, math, shortcodes and links between sources together: each edit rebuilt
// through one live session equals a fresh build byte for byte, and two fresh builds are equal.

private let katexAndChroma = (try? KaTeXDistribution.find(environment: [:])) != nil
    && FileManager.default.fileExists(atPath: "/usr/share/gocode/src/github.com/alecthomas/chroma/v2/lexers/embedded")

private func writingPost(_ version: Int) -> String {
    post("Writing", date: "2026-02-0\(version)", body: """
        Version \(version): $x^\(version)$ and a [link](2026-01-01-target.md).

        ```swift {linenos=true}
        let answer = \(version * 21)
        ```

        {{< figure src="/img/a.png" alt="A" caption="Take \(version)" >}}

        {{< note >}}Inner **\(version)**{{< /note >}}

        $$\\sum_{i=1}^{\(version)} i$$
        """)
}

@Test(.enabled(if: katexAndChroma, "KaTeX or Chroma is not installed"))
func writingFeaturesRebuildLikeAFreshBuild() async throws {
    let site = try FixtureSite(files: [
        "content/posts/2026-02-01-writing.md": writingPost(1),
        "content/posts/2026-01-01-target.md": post("Target", date: "2026-01-01"),
        "templates/shortcodes/note.mustache": "<aside>{{{inner_html}}}</aside>",
        "static/img/a.png": "PNG",
    ], siteYML: FixtureSite.siteYML + "math: true\n", themeOnly: true)
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    let edits: [(String, [String], (FixtureSite) throws -> Void)] = [
        ("edit the post", ["content/posts/2026-02-01-writing.md"], { try $0.write("content/posts/2026-02-01-writing.md", writingPost(2)) }),
        ("edit the shortcode template", ["templates/shortcodes/note.mustache"], { try $0.write("templates/shortcodes/note.mustache", "<aside class=\"n\">{{{inner_html}}}</aside>") }),
        ("move the link target", ["content/posts/2026-01-01-target.md"], {
            try $0.write("content/posts/2026-01-01-target.md", post("Target", date: "2026-01-01", extra: "slug: elsewhere\n"))
        }),
    ]
    for (name, changed, apply) in edits {
        try apply(site)
        let rebuilt = try await session.rebuild(changedPaths: changed)
        let fresh = try await site.build()
        // Through the document cache on disk, which earlier rounds filled.
        let again = try await site.build(BuildOptions(now: FixtureSite.now, cacheDirectory: site.root.appendingPathComponent(".blogctl-cache")))
        #expect(rebuilt.output.paths == fresh.output.paths, "\(name): output paths")
        for path in fresh.output.paths {
            let bytes = try fresh.output.files[path]?.data()
            #expect(try rebuilt.output.files[path]?.data() == bytes, "\(name): \(path) differs from a fresh build")
            #expect(try again.output.files[path]?.data() == bytes, "\(name): \(path) differs from a build through the document cache")
        }
    }
    let page = try await site.build().text("posts/writing/index.html")
    #expect(page.contains("class=\"chroma\"") && page.contains("math math-display") && page.contains("<aside class=\"n\"><p>Inner <strong>2</strong></p>")
        && page.contains("href=\"../elsewhere/\"") && page.contains("<figcaption>Take 2</figcaption>"))
}
