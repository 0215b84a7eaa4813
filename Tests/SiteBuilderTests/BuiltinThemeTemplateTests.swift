import Foundation
import Mustache
import Testing
import BuiltinTheme
@testable import SiteBuilder

// Renders the built-in theme with hand-built data shaped as docs/templates.md describes, using
// swift-mustache directly, so the theme is checked independently of the site builder.

/// Every `.mustache` file of the theme, keyed by its partial name (`partials/head`).
private func themeSources() -> [String: String] {
    var sources: [String: String] = [:]
    for (path, data) in BuiltinTheme.files where path.hasSuffix(".mustache") {
        sources[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
    }
    return sources
}

private func themeLibrary() throws -> MustacheLibrary {
    var library = MustacheLibrary()
    for (name, source) in themeSources() {
        try library.register(source, named: name)
    }
    return library
}

private func render(_ template: String, _ context: [String: Any]) throws -> String {
    let library = try themeLibrary()
    let output = try #require(library.render(context, withTemplate: template), "no template \(template)")
    return output
}

private let absoluteBase = "https://blog.example.com/"

/// Page-relative prefix of the site root for a page `depth` folders down.
private func rootURL(_ depth: Int) -> String { depth == 0 ? "./" : String(repeating: "../", count: depth) }

private func siteData(depth: Int, root: String? = nil) -> [String: Any] {
    let root = root ?? rootURL(depth)
    return [
        "title": "Field Notes & Builds",
        "description": "Notes on building things that last.",
        "author": "Ada Example",
        "language": "en-GB",
        "base_url": absoluteBase,
        "home_url": root,
        "tags_url": root + "tags/",
        "archive_url": root + "archive/",
        "rss_url": root + "index.xml",
        "atom_url": root + "atom.xml",
        "json_feed_url": root + "feed.json",
        "stylesheet_url": root + "css/style.css",
        "favicon_url": root + "favicon.svg",
        "year": "2026",
    ]
}

private func menu(current: String?, depth: Int) -> [[String: Any]] {
    let root = rootURL(depth)
    return [("Home", ""), ("About", "about/"), ("Tags", "tags/"), ("Archive", "archive/")].map { title, path in
        ["title": title, "url": root + path, "current": title == current]
    }
}

private func pageData(kind: String, title: String, path: String, description: String? = nil) -> [String: Any] {
    var page: [String: Any] = [
        "title": title, "kind": kind, "url": "./", "absolute_url": absoluteBase + path, "is_\(kind)": true,
    ]
    if let description { page["description"] = description }
    return page
}

private func context(kind: String, title: String, path: String, depth: Int, menuCurrent: String? = nil,
                     description: String? = nil) -> [String: Any] {
    [
        "site": siteData(depth: depth),
        "menu": menu(current: menuCurrent, depth: depth),
        "page": pageData(kind: kind, title: title, path: path, description: description),
        "root_url": rootURL(depth),
        "extra": ["github": "https://github.com/ada-example"],
        "t": SiteLanguage.english.strings,
    ]
}

private let codeBlock = "<pre><code class=\"language-swift\">let a = 1\n    let b = 2\n</code></pre>"

private func post(slug: String, title: String, depth: Int, tags: [String], withNeighbours: Bool = false) -> [String: Any] {
    let root = String(repeating: "../", count: depth)
    var post: [String: Any] = [
        "title": title,
        "url": root + "posts/\(slug)/",
        "absolute_url": absoluteBase + "posts/\(slug)/",
        "date": "2026-03-14T09:30:00Z",
        "date_display": "14 March 2026",
        "year": "2026",
        "content": "<h2 id=\"why\">Why<a class=\"anchor\" href=\"#why\" aria-hidden=\"true\"></a></h2>\n<p>Body of \(title).</p>\n" + codeBlock,
        "summary": "<p>Summary of \(title).</p>",
        "description": "Summary of \(title).",
        "word_count": 420,
        "reading_minutes": 2,
        "reading_time": "2 min read",
        "tags": tags.map { ["name": $0, "url": root + "tags/\($0)/"] },
        "authors": ["Ada Example", "Grace Example"],
        "extra": [String: Any](),
    ]
    if withNeighbours {
        post["previous"] = ["title": "An Older Post", "url": "../older-post/"]
        post["next"] = ["title": "A Newer Post", "url": "../newer-post/"]
        post["toc"] = "<nav class=\"toc\"><ol><li><a href=\"#why\">Why</a></li><li><a href=\"#how\">How</a></li></ol></nav>"
        post["updated"] = "2026-04-01T00:00:00Z"
        post["updated_display"] = "1 April 2026"
    }
    return post
}

private func pagination(current: Int, total: Int, depth: Int) -> [String: Any] {
    let root = String(repeating: "../", count: depth)
    func url(_ n: Int) -> String { n == 1 ? root : root + "page/\(n)/" }
    var data: [String: Any] = [
        "current": current, "total": total, "page_text": "Page \(current) of \(total)",
        "pages": (1...total).map { ["number": $0, "label": "Page \($0)", "url": url($0), "current": $0 == current] as [String: Any] },
    ]
    if current > 1 { data["previous_url"] = url(current - 1) }
    if current < total { data["next_url"] = url(current + 1) }
    return data
}

/// Values a template may print that start with http(s): the absolute_url family and the
/// site's own `extra:` links; anything else would be a URL the template wrote itself.
private let allowedAbsolute = [absoluteBase, "https://github.com/ada-example"]

private func expectPortableURLs(_ html: String, _ name: String, rootRelativeAllowed: Bool = false) {
    for forbidden in ["href=\"/", "src=\"/", "url(/", "href='/", "src='/", "srcset=\"/", "action=\"/"] where !rootRelativeAllowed {
        let found = html.contains(forbidden)  // a Bool, so a failure prints the name, not the page
        #expect(!found, "\(name) has a root-absolute URL (\(forbidden))")
    }
    for scheme in ["http://", "https://"] {
        var rest = Substring(html)
        while let range = rest.range(of: scheme) {
            let tail = html[range.lowerBound...]
            let allowed = allowedAbsolute.contains { tail.hasPrefix($0) }
            #expect(allowed, "\(name) has an external URL: \(tail.prefix(60))")
            rest = rest[range.upperBound...]
        }
    }
    let protocolRelative = html.contains("=\"//")
    #expect(!protocolRelative, "\(name) has a protocol-relative URL")
}

private func expectCommonPage(_ html: String, _ name: String, rootRelativeAllowed: Bool = false) {
    #expect(html.hasPrefix("<!doctype html>"), "\(name) lacks a doctype")
    #expect(html.contains("<html lang=\"en-GB\">"), "\(name) lacks the lang attribute")
    #expect(html.contains("<meta charset=\"utf-8\">"))
    #expect(html.contains("name=\"viewport\""))
    // Heading ids never contain `_` (slugs turn it into `-`), so `_main` cannot collide with a `## Main` heading.
    #expect(html.contains("<a class=\"skip-link\" href=\"#_main\">"))
    #expect(html.contains("<main id=\"_main\""))
    #expect(html.contains("<header class=\"site-header\">") && html.contains("<footer class=\"site-footer\">"))
    #expect(html.contains("type=\"application/rss+xml\""))
    #expect(html.contains("type=\"application/atom+xml\""))
    #expect(html.contains("type=\"application/feed+json\""))
    #expect(html.contains("<meta property=\"og:site_name\" content=\"Field Notes &amp; Builds\">"))
    #expect(!html.contains("{{") && !html.contains("}}"), "\(name) has unrendered Mustache")
    expectPortableURLs(html, name, rootRelativeAllowed: rootRelativeAllowed)
}

@Test func everyTemplateParses() throws {
    let sources = themeSources()
    for name in ["base", "home", "post", "page", "tags", "tag", "archive", "404", "alias",
                 "partials/head", "partials/header", "partials/footer", "partials/post-summary", "partials/pagination"] {
        let source = try #require(sources[name], "theme lacks \(name).mustache")
        _ = try MustacheTemplate(string: source)
    }
    #expect(BuiltinTheme.files["README.md"] == nil, "placeholder README.md still embedded")
}

@Test func everyReferencedPartialExists() throws {
    let sources = themeSources()
    let reference = try Regex(#"\{\{\s*[<>]\s*([A-Za-z0-9_./-]+)\s*\}\}"#)
    var referenced: Set<String> = []
    for (name, source) in sources {
        for match in source.matches(of: reference) {
            let partial = String(try #require(match.output[1].substring))
            referenced.insert(partial)
            #expect(sources[partial] != nil, "\(name).mustache references missing \(partial)")
        }
    }
    #expect(referenced.isSuperset(of: ["base", "partials/head", "partials/header", "partials/footer",
                                       "partials/post-summary", "partials/pagination"]))
}

@Test func templatesWriteNoURLsOfTheirOwn() {
    for (path, data) in BuiltinTheme.files where path.hasSuffix(".mustache") || path.hasSuffix(".css") {
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names an external host")
        expectPortableURLs(text, path)
        // Pages work without JavaScript; a feature that needs it (math) loads a file of the site.
        let scripts = text.matches(of: /<script[^>]*>/).map { String($0.0) }
        #expect(scripts.allSatisfy { $0.hasPrefix("<script defer src=\"{{") }, "\(path) has an inline or blocking script: \(scripts)")
    }
}

@Test func stylesheetIsSelfContainedWithDarkMode() throws {
    let css = String(decoding: try #require(BuiltinTheme.files["static/css/style.css"]), as: UTF8.self)
    #expect(css.contains("@media (prefers-color-scheme: dark)"))
    #expect(!css.contains("@import") && !css.contains("@font-face"))
    #expect(css.contains(":focus-visible"))
    #expect(css.contains("overflow-x: auto"), "code blocks and tables must scroll")
    let favicon = String(decoding: try #require(BuiltinTheme.files["static/favicon.svg"]), as: UTF8.self)
    #expect(favicon.hasPrefix("<svg"))
}

@Test func postPageRendersContentMetadataAndNavigation() throws {
    var data = context(kind: "post", title: "Pinning Without Tears", path: "posts/pinning/", depth: 2,
                       description: "How I pin a blog.")
    data["post"] = post(slug: "pinning", title: "Pinning Without Tears", depth: 2, tags: ["ipfs", "ops"], withNeighbours: true)
    let html = try render("post", data)
    expectCommonPage(html, "post")
    #expect(html.contains("<title>Pinning Without Tears · Field Notes &amp; Builds</title>"))
    #expect(html.contains("<h1 class=\"post-title\">Pinning Without Tears</h1>"))
    #expect(html.contains("<p>Body of Pinning Without Tears.</p>"))
    #expect(html.contains(codeBlock), "code block whitespace must survive rendering")
    #expect(html.contains("<link rel=\"canonical\" href=\"https://blog.example.com/posts/pinning/\">"))
    #expect(html.contains("<meta property=\"og:url\" content=\"https://blog.example.com/posts/pinning/\">"))
    #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
    #expect(html.contains("<meta property=\"article:published_time\" content=\"2026-03-14T09:30:00Z\">"))
    #expect(html.contains("<meta property=\"og:description\" content=\"How I pin a blog.\">"))
    #expect(html.contains("<meta name=\"description\" content=\"How I pin a blog.\">"))
    #expect(html.contains("<link rel=\"stylesheet\" href=\"../../css/style.css\">"))
    #expect(html.contains("href=\"../../favicon.svg\""))
    #expect(html.contains("<time datetime=\"2026-03-14T09:30:00Z\">14 March 2026</time>"))
    #expect(html.contains("1 April 2026"))
    #expect(html.contains("Ada Example,") && html.contains("Grace Example"))
    #expect(html.contains("<nav class=\"toc\">"))
    #expect(html.contains("href=\"../../tags/ipfs/\" rel=\"tag\">ipfs</a>"))
    #expect(html.contains("href=\"../older-post/\" rel=\"prev\""))
    #expect(html.contains("href=\"../newer-post/\" rel=\"next\""))
    #expect(html.contains("href=\"https://github.com/ada-example\""))
}

@Test func postWithoutOptionalFieldsOmitsTheirMarkup() throws {
    var data = context(kind: "post", title: "Short", path: "posts/short/", depth: 2)
    data["post"] = post(slug: "short", title: "Short", depth: 2, tags: [])
    let html = try render("post", data)
    #expect(!html.contains("class=\"tag-list\""))
    #expect(!html.contains("toc-box"))
    #expect(!html.contains("rel=\"prev\"") && !html.contains("rel=\"next\""))
    #expect(!html.contains("Updated"))
    #expect(html.contains("<meta name=\"description\" content=\"Notes on building things that last.\">"),
            "falls back to the site description")
}

@Test func homePageListsSummariesWithPagination() throws {
    var data = context(kind: "home", title: "Field Notes & Builds", path: "page/2/", depth: 2, menuCurrent: "Home")
    data["posts"] = [post(slug: "one", title: "First Light", depth: 2, tags: ["swift"]),
                     post(slug: "two", title: "Second Wind", depth: 2, tags: [])]
    data["pagination"] = pagination(current: 2, total: 3, depth: 2)
    let html = try render("home", data)
    expectCommonPage(html, "home")
    #expect(html.contains("<title>Field Notes &amp; Builds · Page 2 of 3</title>"))
    #expect(html.contains("<a href=\"../../posts/one/\">First Light</a>"))
    #expect(html.contains("<p>Summary of Second Wind.</p>"))
    #expect(!html.contains("Body of First Light"), "list pages show summaries, not content")
    #expect(html.contains("<meta property=\"og:type\" content=\"website\">"))
    #expect(html.contains("<a href=\"../../\" aria-current=\"page\">Home</a>"))
    #expect(html.contains("<a href=\"../../about/\">About</a>"))
    #expect(html.contains("<span aria-current=\"page\">2</span>"))
    #expect(html.contains("href=\"../../\" rel=\"prev\""))
    #expect(html.contains("href=\"../../page/3/\" rel=\"next\""))
    #expect(html.components(separatedBy: "class=\"tag-list\"").count == 2, "only the tagged post lists tags")
}

@Test func firstHomePageWithoutPaginationHasNoPager() throws {
    var data = context(kind: "home", title: "Field Notes & Builds", path: "", depth: 0, menuCurrent: "Home")
    data["posts"] = [post(slug: "one", title: "First Light", depth: 0, tags: ["swift"])]
    let html = try render("home", data)
    expectCommonPage(html, "home page 1")
    #expect(html.contains("<title>Field Notes &amp; Builds</title>"))
    #expect(!html.contains("class=\"pagination\""))
    #expect(html.contains("<p class=\"site-description\">Notes on building things that last.</p>"))
    #expect(html.contains("<link rel=\"stylesheet\" href=\"./css/style.css\">"))
}

@Test func standalonePageRendersContent() throws {
    var data = context(kind: "page", title: "About", path: "about/", depth: 1, menuCurrent: "About")
    var about = post(slug: "about", title: "About", depth: 1, tags: [])
    about["content"] = "<p>I write about building software that outlives its hosting.</p>"
    data["post"] = about
    let html = try render("page", data)
    expectCommonPage(html, "page")
    #expect(html.contains("<h1 class=\"post-title\">About</h1>"))
    #expect(html.contains("I write about building software that outlives its hosting."))
    #expect(html.contains("<a href=\"../about/\" aria-current=\"page\">About</a>"))
    #expect(!html.contains("article:published_time"))
}

@Test func tagIndexAndTagPagesRender() throws {
    var index = context(kind: "tags", title: "Tags", path: "tags/", depth: 1, menuCurrent: "Tags")
    index["tags"] = [["name": "ipfs", "url": "ipfs/", "count": 3, "count_text": "3 posts"], ["name": "swift", "url": "swift/", "count": 1, "count_text": "1 post"]]
    let tagsHTML = try render("tags", index)
    expectCommonPage(tagsHTML, "tags")
    #expect(tagsHTML.contains("<h1 class=\"page-title\">Tags</h1>"))
    #expect(tagsHTML.contains("<a class=\"tag\" href=\"ipfs/\">ipfs"))
    #expect(tagsHTML.contains("3<span class=\"visually-hidden\"> (3 posts)</span>"))
    #expect(tagsHTML.contains("1<span class=\"visually-hidden\"> (1 post)</span>"))

    var tag = context(kind: "tag", title: "ipfs", path: "tags/ipfs/", depth: 2)
    tag["tag"] = ["name": "ipfs", "url": "./", "count": 3, "count_text": "3 posts"]
    tag["posts"] = [post(slug: "one", title: "First Light", depth: 2, tags: ["ipfs"])]
    let tagHTML = try render("tag", tag)
    expectCommonPage(tagHTML, "tag")
    #expect(tagHTML.contains("<title>Posts tagged “ipfs” · Field Notes &amp; Builds</title>"))
    #expect(tagHTML.contains("3 posts"))
    #expect(tagHTML.contains("<a href=\"../../posts/one/\">First Light</a>"))
    #expect(tagHTML.contains("<a href=\"../../tags/\">All tags</a>"))
}

@Test func archiveGroupsPostsByYear() throws {
    var data = context(kind: "archive", title: "Archive", path: "archive/", depth: 1, menuCurrent: "Archive")
    data["years"] = [
        ["year": "2026", "posts": [post(slug: "one", title: "First Light", depth: 1, tags: [])]],
        ["year": "2025", "posts": [post(slug: "old", title: "Old Times", depth: 1, tags: [])]],
    ]
    let html = try render("archive", data)
    expectCommonPage(html, "archive")
    #expect(html.contains("<h2 id=\"year-2026\">2026</h2>"))
    #expect(html.contains("<a href=\"../posts/old/\">Old Times</a>"))
    let newer = try #require(html.range(of: "year-2026\">"))
    let older = try #require(html.range(of: "year-2025\">"))
    #expect(newer.lowerBound < older.lowerBound)
}

@Test func notFoundPageLinksHome() throws {
    // 404.html is served for missing pages at any depth, so its data is root-relative.
    var data = context(kind: "404", title: "Page not found", path: "404.html", depth: 0)
    data["site"] = siteData(depth: 0, root: "/")
    let html = try render("404", data)
    expectCommonPage(html, "404", rootRelativeAllowed: true)
    #expect(html.contains("<h1 class=\"page-title\">Page not found</h1>"))
    #expect(html.contains("<a href=\"/\">Go to the home page</a>"))
    #expect(html.contains("<link rel=\"stylesheet\" href=\"/css/style.css\">"))
    #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
}

@Test func aliasPageRedirects() throws {
    var data = context(kind: "alias", title: "Moved", path: "2019/old-url/", depth: 2)
    data["target_url"] = "../../posts/pinning/"
    data["target_absolute_url"] = absoluteBase + "posts/pinning/"
    let html = try render("alias", data)
    #expect(html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../../posts/pinning/\">"))
    #expect(html.contains("<link rel=\"canonical\" href=\"https://blog.example.com/posts/pinning/\">"))
    #expect(html.contains("<meta name=\"robots\" content=\"noindex\">"))
    #expect(html.contains("<a href=\"../../posts/pinning/\">"))
    #expect(html.contains("<html lang=\"en-GB\">"))
    expectPortableURLs(html, "alias")
}

@Test func emptyOptionalStringsLeaveNoEmptyMarkup() throws {
    var data = context(kind: "home", title: "Field Notes & Builds", path: "", depth: 0, menuCurrent: "Home")
    var site = siteData(depth: 0)
    site["author"] = ""
    site["description"] = ""
    site["favicon_url"] = nil
    data["site"] = site
    data["page"] = pageData(kind: "home", title: "Field Notes & Builds", path: "", description: "")
    data["posts"] = [[String: Any]]()
    let html = try render("home", data)
    #expect(!html.contains("content=\"\""), "no meta tag with empty content")
    #expect(!html.contains("site-description"))
    #expect(!html.contains("rel=\"icon\""), "no favicon link without a favicon")
    #expect(html.contains("<p>© 2026 Field Notes &amp; Builds</p>"), "footer falls back to the site title")
    #expect(html.contains("<p>No posts yet.</p>"))
}

@Test func paginationWindowShowsGaps() throws {
    var data = context(kind: "home", title: "Field Notes & Builds", path: "page/6/", depth: 2, menuCurrent: "Home")
    data["posts"] = [post(slug: "one", title: "First Light", depth: 2, tags: [])]
    var pager = pagination(current: 6, total: 6, depth: 2)
    var pages = pager["pages"] as! [[String: Any]]
    pages.removeSubrange(1...2)  // 1, 4 5 6: numbers 2 and 3 skipped
    pages[1]["gap_before"] = true
    pager["pages"] = pages
    data["pagination"] = pager
    let html = try render("home", data)
    #expect(html.components(separatedBy: "class=\"pagination-gap\"").count == 2)
    #expect(html.contains("<span aria-current=\"page\">6</span>"))
    #expect(!html.contains("rel=\"next\""))
    #expect(!html.contains(">2</a>"))
}
