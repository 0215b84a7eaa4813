import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SiteCheck

// `blogctl pack` stores symlinks as symlinks and gateways serve the link itself (boxo: the target
// text as `inode/symlink`), never what it points at, so the checker must not follow them either.

@Test func referencesToSymlinksAreBrokenBecauseGatewaysDoNotFollowThem() async throws {
    let outside = try Fixture(["secret.txt": "s", "dir/a.txt": "a"])
    defer { outside.remove() }
    let fixture = try Fixture([
        "index.html": "<a href=\"file-link.txt\">f</a>\n<a href=\"dir-link/a.txt\">d</a>\n<a href=\"real.txt\">r</a>",
        "real.txt": "r",
    ])
    defer { fixture.remove() }
    try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("file-link.txt").path,
                                               withDestinationPath: outside.url.appendingPathComponent("secret.txt").path)
    try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("dir-link").path,
                                               withDestinationPath: outside.url.appendingPathComponent("dir").path)
    let report = try await SiteCheck.check(outputDirectory: fixture.url)
    #expect(report.broken.map(\.description) == [
        "index.html: broken link file-link.txt (file-link.txt is a symlink; IPFS gateways do not follow symlinks)",
        "index.html: broken link dir-link/a.txt (dir-link is a symlink; IPFS gateways do not follow symlinks)",
    ])
    #expect(report.broken.allSatisfy { $0.kind == .missingTarget })
}

@Test func aSymlinkLoopIsNotWalkedInto() async throws {
    let fixture = try Fixture(["index.html": "<a href=\"./\">home</a>"])
    defer { fixture.remove() }
    try FileManager.default.createSymbolicLink(atPath: fixture.url.appendingPathComponent("loop").path, withDestinationPath: ".")
    let report = try await SiteCheck.check(outputDirectory: fixture.url)
    #expect(report.pagesChecked == 1)
    #expect(report.broken == [])
}

@Test func aFileNameThatIsNotUTF8IsNamedInTheError() async throws {
    let fixture = try Fixture(["index.html": ""])
    defer { fixture.remove() }
    let name: [UInt8] = Array("bad-".utf8) + [0xFF] + Array(".html".utf8)
    let path = fixture.url.path + "/" + String(decoding: name, as: UTF8.self)
    let fd = (fixture.url.path.utf8CString.dropLast() + [CChar(bitPattern: 0x2F)] + name.map { CChar(bitPattern: $0) } + [0])
        .withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
    #expect(fd >= 0)
    close(fd)
    await #expect(throws: SiteCheckError.nameNotUTF8(path: path)) {
        try await SiteCheck.check(outputDirectory: fixture.url)
    }
}

// Summaries on list pages carry a post's `#fn-1` and `#section` links away from the post, where
// nothing has those ids: same-page fragments are checked like any other.
@Test func sameDocumentFragmentsMustExistOnThePage() async throws {
    let fixture = try Fixture([
        "index.html": "<h2 id=\"here\">h</h2>\n<a href=\"#here\">ok</a><a href=\"#top\">top</a><a href=\"#\">top</a><a href=\"#TOP\">top</a>\n<a href=\"#fn-1\">1</a>",
        "css/s.css": "a { filter: url(#glow) }",
    ])
    defer { fixture.remove() }
    let report = try await SiteCheck.check(outputDirectory: fixture.url)
    #expect(report.broken.map { "\($0.description) line \($0.line)" } == [
        "index.html: broken fragment #fn-1 (no id or name \"fn-1\" in index.html) line 3",
    ])
    #expect(report.broken.first?.kind == .missingFragment)
}
