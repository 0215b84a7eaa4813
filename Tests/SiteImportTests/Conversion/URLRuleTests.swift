@testable import SiteImport
import Testing

@Test func hugoURLizeMatchesHugo() {
    // Expectations from Hugo's helpers.UnicodeSanitize + lowercasing (hugo/helpers/path_test.go cases).
    #expect(Slug.hugo("Hello, World!") == "hello-world")
    #expect(Slug.hugo("C++ Tips & Tricks") == "c++-tips-tricks")
    #expect(Slug.hugo("A - B") == "a-b")
    #expect(Slug.hugo("trailing space ") == "trailing-space")
    #expect(Slug.hugo("Crème Brûlée") == "crème-brûlée")
    #expect(Slug.hugo("100%") == "100")
    #expect(Slug.hugo("Keep Case", lowercase: false) == "Keep-Case")
}

@Test func zolaSlugsMatchZola() {
    #expect(Slug.zola("My Great Slug", strategy: "on") == "my-great-slug")
    #expect(Slug.zola("Crème brûlée", strategy: "on") == "creme-brulee")
    #expect(Slug.zola("C++ & Rust!", strategy: "on") == "c-rust")
    #expect(Slug.zola("Keep Me", strategy: "off") == "Keep Me")
    #expect(Slug.zola("a b?c", strategy: "safe") == "a_bc")
}

@Test func hugoPermalinkTokensExpand() {
    let page = HugoPermalink.Page(title: "Hello, World!", slug: "hi there", date: "2024-03-05T10:00:00+01:00", sections: ["posts", "2024"], baseName: "My File")
    func expand(_ pattern: String) -> String? { HugoPermalink.expand(pattern, page: page, lowercase: true).url }
    #expect(expand("/:year/:month/:day/:title/") == "/2024/03/05/hello-world/")
    #expect(expand("/:section/:slug/") == "/posts/hi-there/")
    #expect(expand("/:sections/:filename/") == "/posts/2024/my-file/")
    #expect(expand("/:year/:monthname/:slugorfilename") == "/2024/march/hi-there/")
    #expect(expand("/:contentbasename.html") == "/my-file.html")
    #expect(HugoPermalink.expand("/:weekday/:title/", page: page, lowercase: true).unknownToken == ":weekday")
    #expect(HugoPermalink.defaultURL(page: page, lowercase: true) == "/posts/2024/hi-there/")
}

@Test func blogctlDefaultURLsFollowTheFileName() {
    #expect(BlogctlURLs.defaultURL(kind: .post, destination: "content/posts/2024-01-02-hello-there.md", slug: nil) == "/posts/hello-there/")
    #expect(BlogctlURLs.defaultURL(kind: .post, destination: "content/posts/trip/index.md", slug: "Ardennes Trip") == "/posts/ardennes-trip/")
    #expect(BlogctlURLs.defaultURL(kind: .page, destination: "content/About Me.md", slug: nil) == "/about-me/")
    #expect(BlogctlURLs.normalize("2025/06/26/hello") == "/2025/06/26/hello/")
    #expect(BlogctlURLs.normalize("/old/hello.html") == "/old/hello.html")
    #expect(BlogctlURLs.normalize("/a/../b/") == nil)
}

@Test func onlyARealExtensionMakesAFile() {
    #expect(BlogctlURLs.normalize("/notes/release-1.0") == "/notes/release-1.0/")
    #expect(BlogctlURLs.normalize("/feed.xml") == "/feed.xml")
    #expect(BlogctlURLs.normalize("/archive.html/") == "/archive.html/")
}
