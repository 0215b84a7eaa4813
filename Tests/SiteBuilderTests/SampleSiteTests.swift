import Foundation
import SiteCheck
import Testing
import SiteBuilder

// The repository's SampleSite is what a new user builds first (scripts/quickstart), so it has
// to build clean with the built-in theme and show each feature it claims to show.

private let sampleSite = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SampleSite")

@Test func sampleSiteBuildsCleanAndShowsEveryFeature() async throws {
    let output = FileManager.default.temporaryDirectory
        .appendingPathComponent("sample-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: output) }
    // A fixed clock well after the newest post, so no post counts as "future".
    let report = try await SiteBuilder.build(siteDirectory: sampleSite, outputDirectory: output,
        options: BuildOptions(now: Date(timeIntervalSince1970: 1_800_000_000)))
    #expect(report.stats.posts == 12, "12 published posts; the draft stays out")
    #expect(report.stats.pages == 2)

    let check = try await SiteCheck.check(outputDirectory: output)
    #expect(check.broken.isEmpty, "\(check.broken.prefix(5).map(\.description))")

    func file(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path) }

    #expect(!exists("posts/ipns-or-dnslink/index.html"), "draft: true must not be built")
    #expect(exists("posts/ardennes-packing-list/route.svg"), "page bundle image sits beside its post")
    #expect(exists("img/sourdough-crumb.png") && exists("img/cid-anatomy.svg"))
    #expect(exists(".well-known/security.txt"))

    let alias = try #require(file("2019/old-url/index.html"))
    #expect(alias.contains("url=../../posts/moving-this-blog-to-ipfs/"))

    let toml = try #require(file("posts/reproducible-blog-builds/index.html"), "TOML front matter post with a slug override")
    #expect(toml.contains("Byte-for-byte: making my blog build reproducible"))

    let review = try #require(file("posts/2025-in-review/index.html"))
    #expect(review.contains("href=\"../reproducible-blog-builds/\""), "links written as /posts/<slug>/ become page-relative")
    #expect(review.contains("src=\"../../img/sourdough-crumb.png\""))

    let bundle = try #require(file("posts/ardennes-packing-list/index.html"))
    #expect(bundle.contains("type=\"checkbox\""), "task lists")
    #expect(bundle.contains("<table>"), "tables")
    #expect(bundle.contains("src=\"route.svg\""))

    let grocery = try #require(file("posts/content-addressing-with-a-grocery-list/index.html"))
    #expect(grocery.contains("class=\"footnotes\""), "footnotes")
    #expect(grocery.contains("<nav class=\"toc\">"), "table of contents")

    let home = try #require(file("index.html"))
    #expect(home.contains("Eleven months of writing"), "summary front matter on the home page")
    #expect(!home.contains("Notes from a year of sourdough"), "five posts per page: the sixth newest is on page 2")
    let page2 = try #require(file("page/2/index.html"))
    #expect(page2.contains("A year ago a neighbour gave me a jar of starter"), "summary ends at <!--more-->")
    #expect(!page2.contains("The starter lives in the fridge"))
    let about = try #require(home.range(of: ">About</a>"))
    let now = try #require(home.range(of: ">Now</a>"))
    #expect(about.lowerBound < now.lowerBound, "menu follows the pages' weight")
}
