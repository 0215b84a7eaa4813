import Foundation
import SiteImport
import Testing

private func importZola() throws -> (source: SiteFolder, destination: SiteFolder, report: ImportReport) {
    let source = ZolaFixture.make()
    let destination = SiteFolder(url: source.url.deletingLastPathComponent().appendingPathComponent("imported"))
    let report = try SiteImporter.run(.zola, source: source.url, destination: destination.url)
    return (source, destination, report)
}

/// The URL Zola gives each page of the fixture, by hand: section folder + slug (the file name
/// without its `YYYY-MM-DD-`/`_` date, slugified: accents folded, lowercased), or `path`.
private let zolaURLs: [(url: String, title: String)] = [
    ("/blog/first-light/", "First light"),
    ("/blog/hello/", "Hello Zola"),
    ("/2025/01/02/custom/", "Custom path"),
    ("/blog/my-great-slug/", "Slugged"),
    ("/blog/trip/", "A trip"),
    ("/blog/underscore/", "Underscore"),
    ("/blog/shortcodes/", "Zola embeds"),
    ("/blog/draft/", "Unfinished"),
    ("/blog/extra/", "Extras"),
    ("/blog/creme-brulee/", "Dessert"),
    ("/notes/weighted/", "Weighted note"),
    ("/about/", "About"),
]

@Test func zolaPagesKeepTheirURLsInTheBuiltSite() async throws {
    let (_, destination, _) = try importZola()
    defer { destination.removeTemporaryRoot() }
    let build = try await destination.build()
    let output = SiteFolder(url: build.outputDirectory)
    for (url, title) in zolaURLs {
        let page = output.text(String(url.dropFirst()) + "index.html")
        #expect(page != nil, "no page at \(url)")
        #expect(page?.contains("<title>\(title)") == true || page?.contains(">\(title)<") == true, "\(url) is not '\(title)'")
    }
    #expect(output.data("blog/trip/photo.jpg") == ZolaFixture.jpeg)
    #expect(output.text("old/hello.html")?.contains("blog/hello/") == true)
    #expect(output.text("css/extra.css") != nil)
    #expect(output.data("favicon.ico") == ZolaFixture.jpeg)
    // Posts are the date-sorted section's pages; the weight-sorted section's are pages.
    #expect(build.stats.posts == 10)
    #expect(build.stats.pages == 2)
    // The fixtures' images are a few placeholder bytes, which the build warns have no readable size.
    let warnings = build.warnings.filter { !$0.message.hasPrefix("shown without width and height") }
    #expect(warnings.isEmpty, "\(warnings)")
    // The internal links lead to the pages.
    let embeds = try #require(output.text("blog/shortcodes/index.html"))
    #expect(embeds.contains("href=\"../hello/#top\""))
    #expect(embeds.contains("href=\"../../about/\""))
}

@Test func zolaFrontMatterBecomesBlogctlKeys() throws {
    let (_, destination, _) = try importZola()
    defer { destination.removeTemporaryRoot() }
    let first = try #require(destination.frontMatter("content/posts/2024-05-01-first-light.md"))
    #expect(first.matter["date"] as? String == "2024-05-01")
    #expect(first.matter["path"] as? String == "/blog/first-light/")
    let hello = try #require(destination.frontMatter("content/posts/hello.md"))
    #expect(hello.matter["date"] as? String == "2024-05-02T08:00:00Z")
    #expect(hello.matter["updated"] as? String == "2024-05-03")
    #expect(hello.matter["description"] as? String == "Greetings")
    #expect(hello.matter["aliases"] as? [String] == ["/old/hello.html"])
    #expect(hello.matter["tags"] as? [String] == ["rust", "zola", "code"])
    let custom = try #require(destination.frontMatter("content/posts/custom-path.md"))
    #expect(custom.matter["path"] as? String == "/2025/01/02/custom/")
    let slugged = try #require(destination.frontMatter("content/posts/slugged.md"))
    #expect(slugged.matter["slug"] as? String == "My Great Slug")
    let trip = try #require(destination.frontMatter("content/posts/trip/index.md"))
    #expect(trip.matter["date"] as? String == "2024-07-01T10:00:00+02:00")
    let underscore = try #require(destination.frontMatter("content/posts/2024-06-01_underscore.md"))
    #expect(underscore.matter["date"] as? String == "2024-06-01")
    #expect(try #require(destination.frontMatter("content/posts/draft.md")).matter["draft"] as? Bool == true)
    let extra = try #require(destination.frontMatter("content/posts/extra.md")?.matter["extra"] as? [String: Any])
    #expect(extra["mood"] as? String == "calm")
    #expect(extra["stars"] as? Int == 4)
    #expect(extra["series"] as? [String] == ["intro"])
    #expect(try #require(destination.frontMatter("content/weighted.md")).matter["weight"] as? Int == 2)
    #expect(try #require(destination.frontMatter("content/weighted.md")).matter["path"] as? String == "/notes/weighted/")
    #expect(try #require(destination.frontMatter("content/about.md")).matter["path"] == nil)
    // The accented file name is kept; path keeps Zola's folded slug.
    #expect(try #require(destination.frontMatter("content/posts/Crème brûlée.md")).matter["path"] as? String == "/blog/creme-brulee/")
}

@Test func zolaShortcodesAndLinksAreConverted() throws {
    let (_, destination, report) = try importZola()
    defer { destination.removeTemporaryRoot() }
    let body = try #require(destination.frontMatter("content/posts/shortcodes.md")).body
    #expect(body.contains("{{< youtube id=\"dQw4w9WgXcQ\" >}}"))
    #expect(body.contains("{{< vimeo id=\"76979871\" >}}"))
    #expect(body.contains("{{< gist \"zed\" \"0123abcd\" >}}"))
    #expect(body.contains("{{< note kind=\"warn\" >}}Watch **out**{{< /note >}}"))
    #expect(body.contains("{{ chart(data=[1, 2]) }}"))
    #expect(body.contains("[hello](hello.md#top)"))
    #expect(body.contains("[about](../about.md)"))
    #expect(body.contains("```\n{{ youtube(id=\"inside-code\") }}\n```"))
    #expect(report.shortcodeTemplates == ["note"])
}

@Test func zolaReportListsEveryItemWithFileAndLine() throws {
    let (_, destination, report) = try importZola()
    defer { destination.removeTemporaryRoot() }
    let lines = report.sortedItems.map(\.description)
    func has(_ prefix: String, _ words: String) -> Bool { lines.contains { $0.hasPrefix(prefix) && $0.contains(words) } }
    #expect(has("content/blog/shortcodes.md:5: ", "youtube arguments autoplay=\"true\" dropped"))
    #expect(has("content/blog/shortcodes.md:11: ", "shortcode 'note'"))
    #expect(has("content/blog/shortcodes.md:13: ", "shortcode chart() not converted"))
    #expect(has("content/blog/hello.md:10: ", "categories code merged into tags"))
    #expect(has("content/blog/extra.md:4: ", "template not carried over"))
    #expect(has("content/blog/extra.md:7: ", "taxonomy series kept as extra.series"))
    #expect(has("content/blog/_index.md:1: ", "section file"))
    #expect(has("config.toml:5: ", "compile_sass not carried over"))
    #expect(has("config.toml:10: ", "markdown.highlight_theme not carried over"))
    #expect(has("config.toml:6: ", "taxonomies categories"))
    #expect(has("templates/: ", "custom templates not carried over"))
    #expect(!lines.contains { $0.contains("inside-code") || $0.contains("shortcodes.md:18") })
    #expect(report.posts == 10 && report.pages == 2 && report.drafts == 1 && report.bundles == 1 && report.staticFiles == 2)
    #expect(destination.text("IMPORT-REPORT.md")?.contains("`content/blog/shortcodes.md:13`: shortcode chart()") == true)
}

@Test func zolaConfigBecomesSiteYAML() throws {
    let (_, destination, _) = try importZola()
    defer { destination.removeTemporaryRoot() }
    let text = try #require(destination.text("site.yml"))
    let yaml = try #require(SiteFolder.yaml(text))
    #expect(yaml["title"] as? String == "Zola Notes")
    #expect(yaml["base_url"] as? String == "https://zola.example.net")
    #expect(yaml["description"] as? String == "A Zola blog")
    #expect(yaml["language"] as? String == "fr")
    #expect(yaml["highlight"] == nil)
    // Zola curls quotes only when asked: the import keeps them straight.
    #expect((yaml["markdown"] as? [String: Any])?["smart_punctuation"] as? Bool == false)
    let extra = try #require(yaml["extra"] as? [String: Any])
    #expect(extra["github"] as? String == "https://github.com/zed")
    #expect(extra["menu"] as? [String] == ["blog", "about"])
}
