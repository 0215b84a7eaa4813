import Foundation
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
