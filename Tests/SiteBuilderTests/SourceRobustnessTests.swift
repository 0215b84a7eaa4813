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

/// A file name that is not UTF-8 (`caf\xE9.txt` from a Latin-1 system) cannot be a URL path or a
/// UnixFS name: the build stops with a one-line error naming the folder and the fix, instead of
/// failing later with "No such file or directory" for a name with U+FFFD in it.
@Test(arguments: ["static", "content/posts", "content"])
func nonUTF8FileNameIsAClearError(_ folder: String) async throws {
    let site = try FixtureSite(files: ["content/posts/2026-01-01-a.md": post("A", date: "2026-01-01")])
    defer { site.cleanUp() }
    try FileManager.default.createDirectory(at: site.root.appendingPathComponent(folder), withIntermediateDirectories: true)
    let name = Array("\(site.root.path)/\(folder)/caf".utf8) + [0xE9] + Array(".md".utf8)
    let descriptor = name.withUnsafeBufferPointer { buffer in
        (buffer.map { CChar(bitPattern: $0) } + [0]).withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
    }
    #expect(descriptor >= 0)
    close(descriptor)
    let error = try #require(await site.buildError())
    #expect(error.contains("\(folder)/caf"), "\(error)")
    #expect(error.contains("not valid UTF-8"), "\(error)")
}
