import Foundation
import Testing
@testable import SiteBuilder

/// The same site written with LF and with CRLF line ends builds to the same bytes.
@Test(arguments: [
    "---\ntitle: x\ndate: 2026-01-01\ntags: [a]\n---\nx *y*\n\nsecond\n",
    "+++\ntitle = \"x\"\ndate = 2026-01-01\ntags = [\"a\"]\n+++\nx *y*\n\nsecond\n",
])
func crlfFrontMatterBuildsLikeLF(_ lf: String) async throws {
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    #expect(crlf.utf8.count > lf.utf8.count)
    let lfSite = try FixtureSite(files: ["content/posts/a.md": lf, "content/b.md": lf])
    let crlfSite = try FixtureSite(files: ["content/posts/a.md": crlf, "content/b.md": crlf])
    defer { lfSite.cleanUp(); crlfSite.cleanUp() }
    let lfResult = try await lfSite.build()
    let crlfResult = try await crlfSite.build()
    #expect(lfResult.text("posts/a/index.html").contains("<h1>x</h1>"))
    #expect(Set(lfResult.output.files.keys) == Set(crlfResult.output.files.keys))
    for path in lfResult.output.files.keys {
        #expect(lfResult.text(path) == crlfResult.text(path), "\(path)")
    }
}

@Test func frontMatterWithoutALineEndIsAnErrorNotACrash() {
    for text in ["---", "---\r", "+++\r\n", "---\r\ntitle: x\r\n"] {
        #expect(throws: SiteBuildError.self) {
            _ = try FrontMatter.split(text, file: "a.md", timeZone: .gmt)
        }
    }
}
