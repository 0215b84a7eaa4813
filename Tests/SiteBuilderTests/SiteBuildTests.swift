import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import SiteBuilder

/// Three posts over two years, a bundle, a page, static files.
private func blogFiles() -> [String: String] {
    [
        "content/posts/2025-12-30-old-news.md": post("Old news", date: "2025-12-30", tags: ["Swift"], body: "Old body with [a link](/about/)."),
        "content/posts/middle.md": post("Middle", date: "2026-02-01T10:00:00", tags: ["swift", "IPFS"],
            extra: "updated: 2026-02-03\nextra:\n  mood: calm\naliases: [/2026/middle.html, /old/middle/]\n",
            body: "First paragraph.\n\n<!--more-->\n\nSecond ![pic](/img/pic.png)."),
        "content/posts/2026-03-01-bundle/index.md": post("Bundled", date: "2026-03-01", body: "![map](map.svg) and [file](files/notes.txt)"),
        "content/posts/2026-03-01-bundle/map.svg": "<svg/>",
        "content/posts/2026-03-01-bundle/files/notes.txt": "notes",
        "content/about.md": "---\ntitle: About\nweight: 2\n---\nAbout me, see [home](https://blog.example.com/).\n",
        "content/colophon/index.md": "---\ntitle: Colophon\nweight: 1\n---\n![stack](stack.png)\n",
        "content/colophon/stack.png": "PNG",
        "static/img/pic.png": "PNG",
        "static/.well-known/security.txt": "Contact: mailto:a@b.c\n",
        "static/.gitkeep": "",
        "static/img/.DS_Store": "Bud1",
        "static/css/site.css": "body { background: url(/img/pic.png) }\n",
    ]
}

@Test func buildsEveryPageKind() async throws {
    let site = try FixtureSite(files: blogFiles())
    defer { site.cleanUp() }
    let result = try await site.build()
    for path in [
        "index.html", "page/2/index.html", "posts/old-news/index.html", "posts/middle/index.html", "posts/bundle/index.html",
        "about/index.html", "colophon/index.html", "tags/index.html", "tags/swift/index.html", "tags/ipfs/index.html",
        "archive/index.html", "404.html", "rss.xml", "atom.xml", "feed.json", "sitemap.xml", "robots.txt", "_redirects",
        "2026/middle.html", "old/middle/index.html",
    ] {
        #expect(result.has(path), "missing \(path)")
    }
    #expect(!result.has("page/3/index.html"))
    #expect(result.stats.posts == 3 && result.stats.pages == 2)

    let home = result.text("index.html")
    // Newest first, two per page.
    #expect(home.range(of: ">Bundled<")!.lowerBound < home.range(of: ">Middle<")!.lowerBound)
    #expect(!home.contains(">Old news<"))
    #expect(home.contains(#"<p class="pager">1/2 <a rel="next" href="page/2/">next</a></p>"#))
    #expect(home.contains("<p>First paragraph.</p>") && !home.contains("Second"))
    #expect(home.contains("<footer>© 2026 hello</footer>"))
    #expect(home.contains(#"<nav><a href="./" class="current">Home</a><a href="colophon/">Colophon</a><a href="about/">About</a><a href="tags/">Tags</a><a href="archive/">Archive</a></nav>"#))
    let page2 = result.text("page/2/index.html")
    #expect(page2.contains(#"<a href="../../posts/old-news/">Old news</a>"#))
    #expect(page2.contains(#"<a rel="prev" href="../../">prev</a>"#))

    let middle = result.text("posts/middle/index.html")
    #expect(middle.contains(#"<time datetime="2026-02-01T10:00:00+01:00">1 February 2026</time><i>updated 3 February 2026</i>"#))
    #expect(middle.contains(#"<a rel="prev" href="../old-news/">Old news</a><a rel="next" href="../bundle/">Bundled</a>"#))
    #expect(middle.contains(#"<img src="../../img/pic.png" alt="pic" decoding="async" />"#))
    #expect(middle.contains(#"<link rel="canonical" href="https://blog.example.com/posts/middle/">"#))
    #expect(middle.contains(#"<meta property="og:url" content="https://blog.example.com/posts/middle/">"#))
    #expect(middle.contains(#"<link rel="stylesheet" href="../../css/style.css">"#))
    #expect(middle.contains(#"<p class="extra">calm</p>"#))
    #expect(middle.contains(#"data-root="../../""#))
    // Tag spellings Swift/swift merge under one slug and one name.
    #expect(middle.contains(#"<li><a href="../../tags/swift/">Swift</a></li><li><a href="../../tags/ipfs/">IPFS</a></li>"#) ||
        middle.contains(#"<li><a href="../../tags/swift/">swift</a></li><li><a href="../../tags/ipfs/">IPFS</a></li>"#))
    let tagsIndex = result.text("tags/index.html")
    #expect(tagsIndex.components(separatedBy: #"href="swift/""#).count == 2 && tagsIndex.contains("(2)"))
    #expect(tagsIndex.contains(#"<a href="ipfs/">IPFS (1)</a>"#))
    let swiftTag = result.text("tags/swift/index.html")
    #expect(swiftTag.contains(#"<a href="../../posts/middle/">Middle</a>"#) && swiftTag.contains(#"<a href="../../posts/old-news/">Old news</a>"#))

    let bundle = result.text("posts/bundle/index.html")
    #expect(bundle.contains(#"<img src="map.svg" alt="map" decoding="async" />"#) && bundle.contains(#"<a href="files/notes.txt">file</a>"#))
    #expect(result.text("posts/bundle/map.svg") == "<svg/>")
    #expect(result.text("posts/bundle/files/notes.txt") == "notes")
    #expect(result.text("colophon/stack.png") == "PNG")
    #expect(result.text("about/index.html").contains(#"<a href="../">home</a>"#))

    let archive = result.text("archive/index.html")
    #expect(archive.contains("<h2>2026</h2>") && archive.contains("<h2>2025</h2>"))
    #expect(archive.range(of: "<h2>2026</h2>")!.lowerBound < archive.range(of: "<h2>2025</h2>")!.lowerBound)

    #expect(result.text(".well-known/security.txt") == "Contact: mailto:a@b.c\n")
    #expect(!result.has(".gitkeep") && !result.has("img/.DS_Store"), "placeholders tools leave are not content")
    #expect(result.text("css/site.css") == "body { background: url(../img/pic.png) }\n")
    #expect(result.has("css/style.css"), "theme static files are copied")
    // 404.html is served for missing pages at any depth: root-relative links.
    let notFound = result.text("404.html")
    #expect(notFound.contains(#"<a href="/">home</a>"#) && notFound.contains(#"<link rel="stylesheet" href="/css/style.css">"#))
    #expect(notFound.contains(#"<a href="/about/">About</a>"#) && notFound.contains(#"data-root="/""#))
}

@Test func aliasesGetRedirectPagesAndRedirectLines() async throws {
    let site = try FixtureSite(files: blogFiles())
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("_redirects") == "/2026/middle.html /posts/middle/ 301\n/old/middle /posts/middle/ 301\n/old/middle/ /posts/middle/ 301\n/* /404.html 404\n")
    let alias = result.text("old/middle/index.html")
    #expect(alias.contains(#"<meta http-equiv="refresh" content="0; url=../../posts/middle/">"#))
    #expect(alias.contains(#"<link rel="canonical" href="https://blog.example.com/posts/middle/">"#))
    #expect(result.text("2026/middle.html").contains(#"url=../posts/middle/"#))
}

@Test func robotsAndSitemap() async throws {
    let site = try FixtureSite(files: blogFiles())
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://blog.example.com/sitemap.xml\n")
    let sitemap = try XMLDocument(data: Data(result.text("sitemap.xml").utf8))
    let locs = try sitemap.nodes(forXPath: "//*[local-name()='loc']").compactMap(\.stringValue)
    #expect(locs.contains("https://blog.example.com/") && locs.contains("https://blog.example.com/posts/middle/"))
    #expect(locs.contains("https://blog.example.com/page/2/") && locs.contains("https://blog.example.com/tags/swift/"))
    #expect(!locs.contains { $0.contains("404") || $0.contains("old/middle") })
    #expect(locs.allSatisfy { $0.hasPrefix("https://blog.example.com/") })
    #expect(result.text("sitemap.xml").contains("<loc>https://blog.example.com/posts/middle/</loc><lastmod>2026-02-03T00:00:00+01:00</lastmod>"))
}

@Test func feedsAreWellFormedWithAbsoluteURLs() async throws {
    let site = try FixtureSite(files: blogFiles())
    defer { site.cleanUp() }
    let result = try await site.build()

    let rss = try XMLDocument(data: Data(result.text("rss.xml").utf8))
    let items = try rss.nodes(forXPath: "/rss/channel/item")
    #expect(items.count == 3)
    #expect(try rss.nodes(forXPath: "/rss/channel/item[1]/link").first?.stringValue == "https://blog.example.com/posts/bundle/")
    let description = try #require(try rss.nodes(forXPath: "/rss/channel/item[2]/description").first?.stringValue)
    #expect(description.contains(#"src="https://blog.example.com/img/pic.png""#))
    #expect(try rss.nodes(forXPath: "/rss/channel/item[2]/pubDate").first?.stringValue == "Sun, 01 Feb 2026 10:00:00 +0100")
    let bundleContent = try #require(try rss.nodes(forXPath: "/rss/channel/item[1]/description").first?.stringValue)
    #expect(bundleContent.contains(#"src="https://blog.example.com/posts/bundle/map.svg""#))

    let atom = try XMLDocument(data: Data(result.text("atom.xml").utf8))
    let entries = try atom.nodes(forXPath: "//*[local-name()='entry']")
    #expect(entries.count == 3)
    let content = try #require(try atom.nodes(forXPath: "//*[local-name()='entry'][2]/*[local-name()='content']").first?.stringValue)
    #expect(content.contains("https://blog.example.com/img/pic.png") && content.contains("Second"))
    #expect(try atom.nodes(forXPath: "/*[local-name()='feed']/*[local-name()='updated']").first?.stringValue == "2026-03-01T00:00:00+01:00")

    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.text("feed.json").utf8)) as? [String: Any])
    #expect(json["version"] as? String == "https://jsonfeed.org/version/1.1")
    #expect(json["feed_url"] as? String == "https://blog.example.com/feed.json")
    let jsonItems = try #require(json["items"] as? [[String: Any]])
    #expect(jsonItems.count == 3)
    #expect(jsonItems[1]["url"] as? String == "https://blog.example.com/posts/middle/")
    #expect((jsonItems[1]["content_html"] as? String)?.contains("https://blog.example.com/img/pic.png") == true)
    #expect(jsonItems[1]["date_modified"] as? String == "2026-02-03T00:00:00+01:00")
    #expect((jsonItems[1]["tags"] as? [String])?.count == 2)
}

@Test func draftsAndFuturePostsNeedTheirFlags() async throws {
    let site = try FixtureSite(files: [
        "content/posts/now.md": post("Visible", date: "2026-05-01"),
        "content/posts/draft.md": post("Drafty", date: "2026-05-02", extra: "draft: true\n"),
        "content/posts/future.md": post("Later", date: "2026-12-24"),
        "content/posts/future-draft.md": post("Later draft", date: "2026-12-25", extra: "draft: true\n"),
    ])
    defer { site.cleanUp() }
    let plain = try await site.build()
    // A future draft is counted once, as a draft: --drafts alone would not show it.
    #expect(plain.stats.draftsLeftOut == 2 && plain.stats.futureLeftOut == 1)
    #expect(plain.stats.contentSummary == "1 post, 0 pages" && plain.stats.leftOutNote == "; left out: 2 drafts (--drafts), 1 future post (--future)")
    #expect(plain.has("posts/now/index.html") && !plain.has("posts/draft/index.html") && !plain.has("posts/future/index.html"))
    #expect(!plain.text("rss.xml").contains("Drafty") && !plain.text("index.html").contains("Later"))
    let drafts = try await site.build(BuildOptions(includeDrafts: true, now: FixtureSite.now))
    #expect(drafts.has("posts/draft/index.html") && !drafts.has("posts/future/index.html"))
    #expect(drafts.stats.draftsLeftOut == 0 && drafts.stats.futureLeftOut == 2)
    let future = try await site.build(BuildOptions(includeFuture: true, now: FixtureSite.now))
    #expect(future.has("posts/future/index.html") && !future.has("posts/draft/index.html"))
    #expect(future.stats.draftsLeftOut == 2 && future.stats.futureLeftOut == 0 && future.stats.leftOutNote == "; left out: 2 drafts (--drafts)")
    let later = try await site.build(BuildOptions(now: Date(timeIntervalSince1970: 1_798_761_600)))  // 2027-01-01
    #expect(later.has("posts/future/index.html"))
}

@Test func siteTemplatesOverrideTheThemeAndFrontMatterPicksATemplate() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", extra: "template: special\n"),
        "templates/special.mustache": "SPECIAL {{post.title}} {{page.kind}}",
        "templates/static/css/style.css": "/* mine */ body { background: url(/img/bg.png) }",
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/a/index.html") == "SPECIAL A post")
    #expect(result.text("css/style.css") == "/* mine */ body { background: url(../img/bg.png) }")
}

@Test func siteStaticFilesWinOverThemeStaticFiles() async throws {
    let site = try FixtureSite(files: ["static/favicon.svg": "<svg>mine</svg>", "static/robots.txt": "User-agent: *\nDisallow: /\n"])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("favicon.svg") == "<svg>mine</svg>")
    #expect(result.text("robots.txt") == "User-agent: *\nDisallow: /\n")
}

@Test func customPathsAndSlugs() async throws {
    let site = try FixtureSite(files: [
        "content/posts/2026-01-02-Some Title.md": post("One", date: "2026-01-02"),
        "content/posts/b.md": post("Two", date: "2026-01-03", extra: "slug: Custom Slug\n"),
        "content/posts/c.md": post("Three", date: "2026-01-04", extra: "path: /notes/three/\n"),
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.has("posts/some-title/index.html") && result.has("posts/custom-slug/index.html") && result.has("notes/three/index.html"))
    #expect(result.text("notes/three/index.html").contains(#"<link rel="stylesheet" href="../../css/style.css">"#))
}

@Test func sortsByDateThenSourcePath() async throws {
    let site = try FixtureSite(files: [
        "content/posts/b.md": post("B", date: "2026-01-01"),
        "content/posts/a.md": post("A", date: "2026-01-01"),
        "content/posts/c.md": post("C", date: "2026-01-02"),
    ], siteYML: "title: T\nbase_url: https://e.com\n")
    defer { site.cleanUp() }
    let home = try await site.build().text("index.html")
    let order = ["C", "A", "B"].map { home.range(of: ">\($0)</a>")!.lowerBound }
    #expect(order == order.sorted())
}

// MARK: Errors

@Test func twoSourcesClaimingOneURLIsAnError() async throws {
    let site = try FixtureSite(files: [
        "content/posts/2026-01-01-same.md": post("One", date: "2026-01-01"),
        "content/posts/same.md": post("Two", date: "2026-01-02"),
    ])
    defer { site.cleanUp() }
    let message = try #require(await site.buildError())
    #expect(message.contains("/posts/same/index.html"))
    #expect(message.contains("content/posts/2026-01-01-same.md") && message.contains("content/posts/same.md"), "\(message)")

    let aliasSite = try FixtureSite(files: [
        "content/about.md": "---\ntitle: About\n---\n",
        "content/posts/a.md": post("A", date: "2026-01-01", extra: "aliases: [/about/]\n"),
    ])
    defer { aliasSite.cleanUp() }
    let aliasMessage = try #require(await aliasSite.buildError())
    #expect(aliasMessage.contains("content/about.md") && aliasMessage.contains("alias in") && aliasMessage.contains("content/posts/a.md"))
}

@Test func sourceErrorsNameTheFile() async throws {
    let cases: [(String, Data, String)] = [
        ("content/posts/a.md", Data("---\ntitle: A\ndate: 2026-01-01\nfoo: bar\n---\n".utf8), "content/posts/a.md:4:1: unknown key 'foo'"),
        ("content/posts/a.md", Data("---\ndate: 2026-01-01\n---\n".utf8), "content/posts/a.md:1:1: missing required key 'title'"),
        ("content/posts/a.md", Data("---\ntitle: A\ndate: 2026-01-32\n---\n".utf8), "content/posts/a.md:3:7: invalid date '2026-01-32'"),
        ("content/posts/a.md", Data("---\ntitle: A\n---\n".utf8), "content/posts/a.md:1:1: missing 'date'"),
        ("content/posts/a.md", Data([0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE, 0x0A]), "content/posts/a.md: not valid UTF-8"),
        ("content/posts/a.md", Data("---\ntitle: A\ndate: 2026-01-01\ntemplate: fancy\n---\n".utf8), "content/posts/a.md:4:11: template 'fancy' does not exist"),
    ]
    for (path, data, expected) in cases {
        let site = try FixtureSite(files: [:])
        defer { site.cleanUp() }
        try site.write(path, data)
        let message = try #require(await site.buildError())
        #expect(message.contains(expected), "\(message)")
        #expect(message.hasPrefix(site.root.standardizedFileURL.path) || message.hasPrefix(site.root.path), "\(message)")
        #expect(!message.contains("\n"))
    }
}

@Test func missingPartialsAndTemplateSyntaxErrorsAreReported() async throws {
    let site = try FixtureSite(files: ["templates/home.mustache": "{{<base}}{{$main}}{{> partials/nope}}{{/main}}{{/base}}"])
    defer { site.cleanUp() }
    let message = try #require(await site.buildError())
    #expect(message.contains("templates/home.mustache") && message.contains("template 'partials/nope' does not exist"), "\(message)")

    let broken = try FixtureSite(files: ["templates/tags.mustache": "line one\n{{#tags}}unclosed"])
    defer { broken.cleanUp() }
    let syntax = try #require(await broken.buildError())
    #expect(syntax.contains("templates/tags.mustache:") && syntax.contains("template error"), "\(syntax)")
}

@Test func missingSiteConfigIsAnError() async throws {
    let site = try FixtureSite(files: [:])
    defer { site.cleanUp() }
    try site.remove("site.yml")
    #expect(await site.buildError()?.contains("site.yml: no site.yml here") == true)
}

@Test func notFoundPageLinksThroughBaseURLPath() async throws {
    let site = try FixtureSite(files: [:], siteYML: "title: T\nbase_url: https://example.com/blog/\n")
    defer { site.cleanUp() }
    let notFound = try await site.build().text("404.html")
    #expect(notFound.contains(#"<a href="/blog/">home</a>"#) && notFound.contains(#"href="/blog/css/style.css""#))
}

@Test func paginationWindowMarksGaps() async throws {
    var files: [String: String] = [:]
    for index in 0..<30 { files["content/posts/p\(index).md"] = post("P\(index)", date: String(format: "2026-01-%02d", index + 1)) }
    files["templates/partials/pager.mustache"] = "{{#pagination}}[{{#pages}}{{#gap_before}}…{{/gap_before}}{{number}}{{#current}}*{{/current}} {{/pages}}]{{/pagination}}"
    let site = try FixtureSite(files: files)
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("page/8/index.html").contains("[1 …6 7 8* 9 10 …15 ]"))
    #expect(result.text("index.html").contains("[1* 2 3 …15 ]"))
}

@Test func siteWithoutPostsStillBuildsEveryFixedPage() async throws {
    let site = try FixtureSite(files: [:])
    defer { site.cleanUp() }
    let result = try await site.build()
    for path in ["index.html", "tags/index.html", "archive/index.html", "404.html", "rss.xml", "atom.xml", "feed.json", "sitemap.xml"] {
        #expect(result.has(path), "missing \(path)")
    }
    #expect(result.text("index.html").contains("<footer>©  hello</footer>"), "no posts: no year rather than the clock's")
    let atom = try XMLDocument(data: Data(result.text("atom.xml").utf8))
    #expect(try atom.nodes(forXPath: "//*[local-name()='entry']").isEmpty)
}

@Test func tomlFrontMatterPostsBuild() async throws {
    let site = try FixtureSite(files: [
        "content/posts/t.md": "+++\ntitle = \"From TOML\"\ndate = 2026-04-01\ntags = [\"toml\"]\n[extra]\nmood = \"fine\"\n+++\nBody.\n",
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    let page = result.text("posts/t/index.html")
    #expect(page.contains("<h1>From TOML</h1>") && page.contains(#"<p class="extra">fine</p>"#) && result.has("tags/toml/index.html"))
}

@Test func siteReferencesInContentBecomePageRelativeEverywhere() async throws {
    let body = """
        See [other](/posts/other/), [own](https://blog.example.com/about/), [ext](https://example.org/x) and [top](#top).
        <img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x"> ![local](pic.png)

        ```html
        <a href="/posts/other/">stays</a>
        ```

        `<img src="/img/inline.png">`
        """
    let site = try FixtureSite(files: [
        "content/posts/a/index.md": post("A", date: "2026-01-02", body: body),
        "content/posts/a/pic.png": "PNG",
        "content/posts/other.md": post("Other", date: "2026-01-01"),
        "content/about.md": "---\ntitle: About\n---\nx\n",
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    let page = result.text("posts/a/index.html")
    #expect(page.contains(#"<a href="../other/">other</a>"#) && page.contains(#"<a href="../../about/">own</a>"#))
    #expect(page.contains(#"<a href="https://example.org/x">ext</a>"#) && page.contains(##"<a href="#top">top</a>"##))
    #expect(page.contains(#"<img src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/a@2x.png 2x" decoding="async">"#))
    #expect(page.contains(#"<img src="pic.png" alt="local" loading="lazy" decoding="async" />"#))
    #expect(page.contains("&quot;/posts/other/&quot;") && !page.contains(#"<a href="../other/">stays"#), "a link in code stays text")
    #expect(page.contains("<code>&lt;img src=&quot;/img/inline.png&quot;&gt;</code>"))
    // The same summary on the home page resolves from the root.
    let home = result.text("index.html")
    #expect(home.contains(#"<a href="posts/other/">other</a>"#) && home.contains(#"<img src="img/a.png" srcset="img/a.png 1x, img/a@2x.png 2x" decoding="async">"#))
    #expect(home.contains(#"<img src="posts/a/pic.png" alt="local" loading="lazy" decoding="async" />"#))
    // Feeds get absolute URLs.
    let rss = result.text("rss.xml")
    #expect(rss.contains("https://blog.example.com/posts/a/pic.png") && rss.contains("https://blog.example.com/img/a@2x.png 2x"))
    #expect(!rss.contains("src=&quot;/img"))
}

/// An older stylesheet in Latin-1 (not UTF-8) is not an error: its URLs are made page-relative
/// and every other byte is written back unchanged. Browsers read such files (`@charset`).
@Test func latin1StylesheetKeepsItsBytesAndGetsRelativeURLs() async throws {
    let site = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-01"), "static/img/pic.png": "PNG"])
    defer { site.cleanUp() }
    var css = Data("@charset \"iso-8859-1\";\n/* ".utf8)
    css.append(0xA9)  // © in Latin-1, invalid as UTF-8
    css.append(Data(" 2009 */ body { background: url(/img/pic.png) }\n".utf8))
    try site.write("static/css/old.css", css)
    let result = try await site.build()
    var expected = Data("@charset \"iso-8859-1\";\n/* ".utf8)
    expected.append(0xA9)
    expected.append(Data(" 2009 */ body { background: url(../img/pic.png) }\n".utf8))
    #expect(try result.output.files["css/old.css"]?.data() == expected)
}

/// A list page leaves out each post's whole text unless its template reads it (the built-in theme
/// shows summaries): a theme that shows whole posts on the home page gets them, links rebased.
@Test func aListTemplateThatShowsWholePostsGetsTheirContent() async throws {
    let home = "{{<base}}{{$main}}{{#posts}}<article>{{{content}}}</article>{{/posts}}{{/main}}{{/base}}"
    let site = try FixtureSite(files: [
        "templates/home.mustache": home,
        "content/posts/notes.md": post("Notes", date: "2026-01-05", body: "Intro.[^1]\n\n<!--more-->\n\nThe rest.\n\n[^1]: A note."),
    ])
    defer { site.cleanUp() }
    let page = try await site.build().text("index.html")
    #expect(page.contains("The rest.") && page.contains("href=\"posts/notes/#fn-1\""), "\(page)")

    let summaries = try FixtureSite(files: ["content/posts/notes.md": post("Notes", date: "2026-01-05", body: "Intro.\n\n<!--more-->\n\nThe rest.")])
    defer { summaries.cleanUp() }
    let list = try await summaries.build().text("index.html")
    #expect(list.contains("Intro.") && !list.contains("The rest."), "\(list)")
}
