import Foundation
import SiteImport
import Testing

/// Imports `HugoFixture` once per test into a new folder.
private func importHugo() throws -> (source: SiteFolder, destination: SiteFolder, report: ImportReport) {
    let source = HugoFixture.make()
    let destination = SiteFolder(url: source.url.deletingLastPathComponent().appendingPathComponent("imported"))
    let report = try SiteImporter.run(.hugo, source: source.url, destination: destination.url)
    return (source, destination, report)
}

/// The URL Hugo gives each post and page of the fixture, worked out by hand from hugo.toml's
/// `posts = "/:year/:month/:title/"` (the title urlized: lowercased, spaces to `-`, `,` `!` `&` `:` dropped)
/// and Hugo's default `/SECTION/NAME/` for pages.
private let hugoURLs: [(url: String, title: String)] = [
    ("/2024/01/hello-world/", "Hello, World!"),
    ("/2024/02/c++-tips-tricks/", "C++ Tips &amp; Tricks"),
    ("/2023/06/old-post/", "Old post"),
    ("/2024/03/trip-to-the-ardennes/", "Trip to the Ardennes"),
    ("/custom/place/", "Moved on purpose"),
    ("/2024/04/embeds/", "Embeds"),
    ("/2024/04/params-and-extras/", "Params and extras"),
    ("/2024/04/yes-no/", "yes: no"),
    ("/2024/04/april-notes/", "April notes"),
    ("/2024/05/two-authors/", "Two authors"),
    ("/2024/05/windows-line-ends/", "Windows line ends"),
    ("/2022/12/hello-again/", "Hello again"),
    ("/about/", "About"),
    ("/projects/blogctl/", "blogctl"),
    ("/colophon/", "Colophon"),
]

@Test func hugoPostsAndPagesKeepTheirURLsInTheBuiltSite() async throws {
    let (_, destination, _) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let build = try await destination.build()
    let output = SiteFolder(url: build.outputDirectory)
    for (url, title) in hugoURLs {
        let page = output.text(String(url.dropFirst()) + "index.html")
        #expect(page != nil, "no page at \(url)")
        #expect(page?.contains("<title>\(title)") == true || page?.contains(">\(title)<") == true, "\(url) is not '\(title)'")
    }
    // The bundle's files sit beside the post at its old URL, in subfolders too.
    #expect(output.data("2024/03/trip-to-the-ardennes/cat.jpg") == HugoFixture.jpeg)
    #expect(output.data("2024/03/trip-to-the-ardennes/img/map.png") == HugoFixture.png)
    #expect(output.data("colophon/stack.png") == HugoFixture.png)
    // Aliases redirect; static files keep their paths (hidden ones too).
    #expect(output.text("old/hello/index.html")?.contains("2024/01/hello-world/") == true)
    #expect(output.data("img/logo.png") == HugoFixture.png)
    #expect(output.text(".well-known/security.txt") == "Contact: mailto:ann@example.org\n")
    #expect(build.stats.posts == 12)
    // The fixtures' images are a few placeholder bytes, which the build warns have no readable size.
    let warnings = build.warnings.filter { !$0.message.hasPrefix("shown without width and height") }
    #expect(warnings.isEmpty, "\(warnings)")
}

@Test func hugoFrontMatterBecomesBlogctlKeys() throws {
    let (_, destination, _) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let hello = try #require(destination.frontMatter("content/posts/hello-world.md"))
    #expect(hello.matter["title"] as? String == "Hello, World!")
    #expect(hello.matter["date"] as? String == "2024-01-15T10:00:00+01:00")
    #expect(hello.matter["tags"] as? [String] == ["intro", "General"])
    #expect(hello.matter["authors"] as? [String] == ["Ann"])
    #expect(hello.matter["aliases"] as? [String] == ["/old/hello/"])
    #expect(hello.matter["description"] as? String == "First post")
    #expect(hello.matter["path"] as? String == "/2024/01/hello-world/")
    #expect(hello.matter["categories"] == nil && hello.matter["author"] == nil)

    let second = try #require(destination.frontMatter("content/posts/second.md"))
    #expect(second.matter["date"] as? String == "2024-02-03")
    #expect(second.matter["updated"] as? String == "2024-02-10T08:00:00Z")
    #expect(second.matter["slug"] as? String == "cpp-tips")
    // Categories merge into tags without repeating one spelled alike.
    #expect(second.matter["tags"] as? [String] == ["C++", "tips", "Programming"])

    let draft = try #require(destination.frontMatter("content/posts/old-post.md"))
    #expect(draft.matter["draft"] as? Bool == true)

    let params = try #require(destination.frontMatter("content/posts/params.md"))
    #expect(params.matter["weight"] as? Int == 3)
    #expect(params.matter["summary"] as? String == "A short summary.")
    let extra = try #require(params.matter["extra"] as? [String: Any])
    #expect(extra["mood"] as? String == "happy")
    #expect(extra["score"] as? Int == 7)
    #expect(extra["toc"] as? Bool == true)

    let quoting = try #require(destination.frontMatter("content/posts/quoting.md"))
    #expect(quoting.matter["title"] as? String == "yes: no")
    #expect(quoting.matter["tags"] as? [String] == ["true", "2024"])
    #expect(quoting.matter["description"] as? String == "null")

    let authors = try #require(destination.frontMatter("content/posts/authors.md"))
    #expect(authors.matter["authors"] as? [String] == ["Ann", "Bob"])
    #expect(authors.matter["publishDate"] == nil && authors.matter["layout"] == nil)

    // A page whose blogctl URL is already Hugo's has no path; one in a section gets it.
    #expect(try #require(destination.frontMatter("content/about.md")).matter["path"] == nil)
    #expect(try #require(destination.frontMatter("content/about.md")).matter["weight"] as? Int == 1)
    #expect(try #require(destination.frontMatter("content/blogctl.md")).matter["path"] as? String == "/projects/blogctl/")
    // Two posts named hello-world: the nested one takes its folder's name in front.
    #expect(try #require(destination.frontMatter("content/posts/2022-hello-world.md")).matter["title"] as? String == "Hello again")
}

@Test func hugoBodiesAreCopiedByteForByteExceptShortcodes() throws {
    let (source, destination, _) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let crlf = try #require(destination.text("content/posts/crlf.md"))
    #expect(crlf.hasSuffix("---\n" + HugoFixture.crlfBody))
    let sourceHello = try #require(source.text("content/posts/hello-world.md"))
    let body = try #require(destination.frontMatter("content/posts/hello-world.md")).body
    #expect(sourceHello.hasSuffix("---\n" + body))
    #expect(body == "Welcome to the blog.\n\n<!--more-->\n\nThe rest.")
}

@Test func hugoShortcodesAreConvertedOrGivenPlaceholders() throws {
    let (_, destination, report) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let body = try #require(destination.frontMatter("content/posts/shortcodes.md")).body
    #expect(body.contains("{{< youtube dQw4w9WgXcQ >}}"))
    #expect(body.contains("{{< vimeo id=\"76979871\" >}}"))
    #expect(body.contains("{{< gist spf13 7896402 >}}"))
    #expect(body.contains("```go\nfunc main() {}\n```"))
    #expect(!body.contains("highlight"))
    #expect(body.contains("[the first post]({{< ref \"/posts/hello-world.md\" >}})"))
    #expect(body.contains("[the trip]({{< relref \"/posts/trip/index.md\" >}})"))
    #expect(body.contains("{{< tweet user=\"GoHugoIO\" id=\"1315233626070503424\" >}}"))
    #expect(body.contains("{{% notice warning %}}Careful **now**{{% /notice %}}"))
    // Inside a code block nothing changes.
    #expect(body.contains("```\n{{< tweet user=\"x\" id=\"1\" >}}\n```"))
    let trip = try #require(destination.frontMatter("content/posts/trip/index.md")).body
    #expect(trip.contains("{{< figure src=\"cat.jpg\" alt=\"Cat\" >}}"))
    #expect(report.shortcodeTemplates == ["notice", "tweet"])
    #expect(destination.text("templates/shortcodes/tweet.mustache")?.contains("{{{inner_html}}}") == true)
    #expect(destination.exists("templates/shortcodes/notice.mustache"))
}

@Test func hugoReportListsEveryItemWithFileAndLine() throws {
    let (_, destination, report) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let lines = report.sortedItems.map(\.description)
    func has(_ prefix: String, _ words: String) -> Bool { lines.contains { $0.hasPrefix(prefix) && $0.contains(words) } }
    #expect(has("content/posts/shortcodes.md:15: ", "shortcode 'tweet'"))
    #expect(has("content/posts/shortcodes.md:17: ", "shortcode 'notice'") && has("content/posts/shortcodes.md:17: ", "layouts/shortcodes/notice.html"))
    #expect(has("content/posts/shortcodes.md:7: ", "vimeo arguments autoplay=\"true\" dropped"))
    #expect(has("content/posts/shortcodes.md:11: ", "highlight options linenos=table dropped"))
    #expect(has("content/posts/trip/index.md:8: ", "figure arguments attr=\"Photo: me\" dropped"))
    #expect(has("content/posts/hello-world.md:5: ", "categories General merged into tags"))
    #expect(has("content/posts/second.md:6: ", "categories Programming, tips merged into tags"))
    #expect(has("content/posts/authors.md:5: ", "publishDate not carried over"))
    #expect(has("content/posts/authors.md:6: ", "layout not carried over"))
    #expect(has("content/about.md:4: ", "menu not carried over"))
    #expect(has("content/_index.md:1: ", "section file not carried over"))
    #expect(has("content/posts/_index.md:1: ", "section file not carried over"))
    #expect(has("content/legacy.html: ", "not Markdown"))
    #expect(has("content/posts/diagram.svg: ", "static/posts/diagram.svg has the same URL"))
    #expect(has("layouts/: ", "custom layouts not carried over"))
    #expect(has("hugo.toml:6: ", "theme 'papermod' not carried over"))
    #expect(has("hugo.toml:7: ", "enableRobotsTXT not carried over"))
    #expect(has("hugo.toml:21: ", "taxonomies categories"))
    #expect(has("hugo.toml:25: ", "menus not carried over"))
    // Nothing in a code block is reported; nothing is reported twice.
    #expect(!lines.contains { $0.contains("shortcodes.md:22") })
    #expect(Set(lines).count == lines.count)
    #expect(report.posts == 12 && report.pages == 3 && report.drafts == 1)
    #expect(report.bundles == 2 && report.bundleFiles == 3)
    #expect(report.staticFiles == 3)
    #expect(report.pathsKept == 13)
    let markdown = try #require(destination.text("IMPORT-REPORT.md"))
    #expect(markdown.contains("- `content/posts/shortcodes.md:15`: shortcode 'tweet'"))
    #expect(markdown.contains("12 posts (1 draft), 3 pages"))
}

@Test func hugoConfigBecomesSiteYAML() async throws {
    let (_, destination, _) = try importHugo()
    defer { destination.removeTemporaryRoot() }
    let text = try #require(destination.text("site.yml"))
    let yaml = try #require(SiteFolder.yaml(text))
    #expect(yaml["title"] as? String == "Ann's \"Notes\"")
    #expect(yaml["base_url"] as? String == "https://blog.example.org")
    #expect(yaml["language"] as? String == "en-gb")
    #expect(yaml["timezone"] as? String == "Europe/Berlin")
    #expect(yaml["posts_per_page"] as? Int == 5)
    #expect(yaml["description"] as? String == "Notes on: things")
    #expect(yaml["author"] as? String == "Ann Example")
    #expect(yaml["math"] as? Bool == true)
    #expect((yaml["markdown"] as? [String: Any])?["raw_html"] as? Bool == true)
    #expect((yaml["extra"] as? [String: Any])?["github"] as? String == "ann")
}
