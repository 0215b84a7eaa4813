import Foundation
import Testing
@testable import SiteCheck

// A site whose base_url has a path (`https://example.com/blog`) gets a 404.html whose links carry
// that path (`/blog/css/style.css`): gateways serve it at any depth under the host's root.

@Test func theRootNotFoundPageResolvesReferencesUnderTheSitePath() async throws {
    let fixture = try Fixture([
        "404.html": "<a href=\"/blog/\">home</a><a href=\"/blog\">home</a><link href=\"/blog/css/s.css\"><a href=\"/blog/gone/\">x</a><a href=\"/blog/#top\">top</a><a href=\"/other/\">o</a>",
        "index.html": "<p id=\"top\">",
        "css/s.css": "",
    ])
    defer { fixture.remove() }
    let report = try await SiteCheck.check(outputDirectory: fixture.url, sitePath: "/blog/")
    #expect(report.broken.map { "\($0.page) \($0.reference) \($0.kind) (\($0.reason))" } == [
        "404.html /blog/gone/ missingTarget (no such file: gone/index.html)",
        "404.html /other/ rootAbsolute (outside the site's path /blog/)",
    ])
}

@Test func sitePathIsNormalisedAndDefaultsToTheHostRoot() async throws {
    let fixture = try Fixture(["404.html": "<a href=\"/blog/\">home</a>", "index.html": ""])
    defer { fixture.remove() }
    let withoutSlashes = try await SiteCheck.check(outputDirectory: fixture.url, sitePath: "blog")
    #expect(withoutSlashes.broken == [])
    let atRoot = try await SiteCheck.check(outputDirectory: fixture.url)
    #expect(atRoot.broken.map(\.reason) == ["no such file: blog/index.html"])
}
