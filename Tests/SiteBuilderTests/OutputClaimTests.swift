import Foundation
import Testing
@testable import SiteBuilder

@Test func onlyTheSitesOwnStaticRobotsReplacesTheGeneratedOne() async throws {
    let claimed = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", extra: "path: /robots.txt\n"),
    ])
    defer { claimed.cleanUp() }
    let message = try #require(await claimed.buildError())
    #expect(message == "/robots.txt: claimed by both \(claimed.root.path)/content/posts/a.md and generated robots.txt"
        || message.contains("claimed by both") && message.contains("content/posts/a.md") && message.contains("robots.txt"), "\(message)")

    let own = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-01"), "static/robots.txt": "User-agent: *\nDisallow: /\n"])
    defer { own.cleanUp() }
    #expect(try await own.build().text("robots.txt") == "User-agent: *\nDisallow: /\n")

    let both = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", extra: "path: /robots.txt\n"), "static/robots.txt": "mine\n",
    ])
    defer { both.cleanUp() }
    let bothMessage = try #require(await both.buildError())
    #expect(bothMessage.contains("claimed by both") && bothMessage.contains("content/posts/a.md") && bothMessage.contains("static/robots.txt"), "\(bothMessage)")
}

@Test(arguments: [
    ("content/posts/a.md", "path: /sitemap.xml/\n", "/sitemap.xml", "generated sitemap"),
    ("content/posts/a.md", "path: /_redirects/\n", "/_redirects", "generated redirects file"),
    ("static/rss.xml/a", "", "/rss.xml", "generated RSS feed"),
    ("content/posts/a.md", "path: /img/\n", "/img", "static/img"),
])
func aFileAndAFolderClaimingOnePathAreAConflict(_ source: String, _ extra: String, _ path: String, _ other: String) async throws {
    var files = ["static/img": "not a folder"]
    files[source] = source.hasSuffix(".md") ? post("A", date: "2026-01-01", extra: extra) : "x"
    let site = try FixtureSite(files: files)
    defer { site.cleanUp() }
    let message = try #require(await site.buildError())
    #expect(message.hasPrefix("\(path): claimed by both "), "\(message)")
    #expect(message.contains(other) && message.contains(source), "\(message)")
    #expect(!message.contains("error 9") && !message.contains("SiteBuildError"), "\(message)")
}

@Test func aDuplicateAliasInOnePostIsOneClaim() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", extra: "aliases: [/old/, /old/, /other.html]\n"),
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("old/index.html").contains("posts/a/"))
    #expect(result.text("_redirects").components(separatedBy: "/old/ ").count == 2, "\(result.text("_redirects"))")
}

@Test func anEmptySiteHasNoBlankCopyrightYear() async throws {
    let empty = try FixtureSite(files: [:], themeOnly: true)
    defer { empty.cleanUp() }
    let home = try await empty.build().text("index.html")
    #expect(home.contains("<p>© Ada</p>") && !home.contains("©  "), "\(home)")
    let full = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2025-05-01")], themeOnly: true)
    defer { full.cleanUp() }
    #expect(try await full.build().text("index.html").contains("<p>© 2025 Ada</p>"))
}
