import BuiltinTheme
import Foundation
import Testing
@testable import SiteBuilder

@Test func customCSSIsLinkedAfterTheThemeOnEveryPage() async throws {
    let site = try FixtureSite(files: ["content/posts/p.md": post("P", date: "2026-01-02"), "static/css/site.css": "body{}"],
        siteYML: FixtureSite.siteYML + "custom_css: css/site.css\n", themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    let page = result.text("posts/p/index.html")
    let theme = try #require(page.range(of: #"<link rel="stylesheet" href="../../css/style.css">"#))
    let own = try #require(page.range(of: #"<link rel="stylesheet" href="../../css/site.css">"#))
    #expect(theme.lowerBound < own.lowerBound)
    #expect(result.text("index.html").contains(#"<link rel="stylesheet" href="css/site.css">"#))
}

@Test func customCSSThatIsNoFileIsAnErrorAtItsLine() async throws {
    let site = try FixtureSite(files: ["content/posts/p.md": post("P", date: "2026-01-02")],
        siteYML: FixtureSite.siteYML + "custom_css:\n  - css/missing.css\n", themeOnly: true)
    defer { site.cleanUp() }
    let error = await site.buildError()
    #expect(error?.hasSuffix("site.yml:10:5: custom_css '/css/missing.css' is no file of the site: put it in static/css/missing.css (or templates/static/css/missing.css)") == true, "\(error ?? "")")
}

@Test func themeExportWritesEveryFileAndRefusesToOverwrite() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let written = try ThemeExport.write(to: folder)
    #expect(written.count == BuiltinTheme.files.count && written.contains("post.mustache") && written.contains("shortcodes/figure.mustache"))
    for path in written {
        #expect(FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) == BuiltinTheme.files[path], "\(path)")
    }
    try Data("mine".utf8).write(to: folder.appendingPathComponent("post.mustache"))
    #expect(throws: SiteBuildError.self) { try ThemeExport.write(to: folder) }
    #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("post.mustache").path) == Data("mine".utf8), "nothing replaced")
    try ThemeExport.write(to: folder, overwrite: true)
    #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("post.mustache").path) == BuiltinTheme.files["post.mustache"])
}

@Test func anExportedThemeBuildsTheSameSite() async throws {
    let site = try FixtureSite(files: ["content/posts/p.md": post("P", date: "2026-01-02", body: "Hello $x$ {{< gist a b >}}")], themeOnly: true)
    defer { site.cleanUp() }
    let before = try await site.build()
    try ThemeExport.write(to: site.root.appendingPathComponent("templates"))
    let after = try await site.build()
    #expect(after.output.paths == before.output.paths)
    for path in before.output.paths {
        #expect(try after.output.files[path]?.data() == before.output.files[path]?.data(), "\(path)")
    }
}
