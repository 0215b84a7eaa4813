import Foundation
import Testing
@testable import SiteBuilder

@Test(arguments: ["static/pipe", "content/posts/pipe.md", "content/posts/b/pipe.bin", "templates/pipe"])
func aFIFOInTheSiteIsAnErrorNotAHang(_ path: String) async throws {
    let site = try FixtureSite(files: ["content/posts/b/index.md": post("B", date: "2026-01-01")])
    defer { site.cleanUp() }
    try FileManager.default.createDirectory(at: site.root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
    #expect(mkfifo(site.root.appendingPathComponent(path).path, 0o644) == 0)
    let message = try #require(await site.buildError())
    #expect(message.contains(site.root.appendingPathComponent(path).path) && message.contains("not a regular file"), "\(message)")
}

@Test func symbolicLinksAreFollowedAndNeverCopiedAsLinks() async throws {
    let outside = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-outside-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: outside) }
    try FileManager.default.createDirectory(at: outside.appendingPathComponent("folder/deep"), withIntermediateDirectories: true)
    try Data("file bytes".utf8).write(to: outside.appendingPathComponent("file.txt"))
    try Data("deep bytes".utf8).write(to: outside.appendingPathComponent("folder/deep/d.txt"))
    try Data(post("Linked", date: "2026-01-01").utf8).write(to: outside.appendingPathComponent("linked.md"))
    let site = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-02")])
    defer { site.cleanUp() }
    let fm = FileManager.default
    try fm.createDirectory(at: site.root.appendingPathComponent("static"), withIntermediateDirectories: true)
    try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("static/s.txt").path, withDestinationPath: outside.appendingPathComponent("file.txt").path)
    try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("static/dir").path, withDestinationPath: outside.appendingPathComponent("folder").path)
    try fm.createSymbolicLink(atPath: site.root.appendingPathComponent("content/posts/linked.md").path, withDestinationPath: outside.appendingPathComponent("linked.md").path)
    let result = try await site.build()
    #expect(result.text("s.txt") == "file bytes")
    #expect(result.text("dir/deep/d.txt") == "deep bytes")
    #expect(result.text("posts/linked/index.html").contains("<h1>Linked</h1>"))

    let output = site.root.appendingPathComponent("public")
    try SiteWriter.write(result.output, to: output, siteDirectory: site.root)
    for path in ["s.txt", "dir", "dir/deep/d.txt"] {
        let attributes = try fm.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        #expect(attributes[.type] as? FileAttributeType != .typeSymbolicLink, "\(path)")
    }
    #expect(fm.contents(atPath: output.appendingPathComponent("s.txt").path) == Data("file bytes".utf8))
}

@Test func danglingLinksAndLinkLoopsAreErrors() async throws {
    let site = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-02"), "static/keep.txt": "k"])
    defer { site.cleanUp() }
    let dangling = site.root.appendingPathComponent("static/gone.txt")
    try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: "/nonexistent/blogctl-\(UUID().uuidString)")
    let message = try #require(await site.buildError())
    #expect(message.contains(dangling.path) && message.contains("dangling"), "\(message)")
    try FileManager.default.removeItem(at: dangling)

    let loop = site.root.appendingPathComponent("static/loop")
    try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: site.root.appendingPathComponent("static").path)
    let loopMessage = try #require(await site.buildError())
    #expect(loopMessage.contains(loop.path) && loopMessage.contains("loop"), "\(loopMessage)")
    try FileManager.default.removeItem(at: loop)

    let selfLink = site.root.appendingPathComponent("static/self")
    try FileManager.default.createSymbolicLink(atPath: selfLink.path, withDestinationPath: selfLink.path)
    let selfMessage = try #require(await site.buildError())
    #expect(selfMessage.contains(selfLink.path) && selfMessage.contains("loop"), "\(selfMessage)")
}

@Test func fileErrorsGiveTheReasonNotFoundationsCode() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-reason-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("afile")
    try Data("x".utf8).write(to: file)
    let cases: [(String, () throws -> Void, String)] = [
        (folder.appendingPathComponent("missing.md").path, { _ = try Data(contentsOf: folder.appendingPathComponent("missing.md")) }, "No such file or directory"),
        (file.appendingPathComponent("sub").path, {
            try FileManager.default.createDirectory(at: file.appendingPathComponent("sub"), withIntermediateDirectories: true)
        }, "Not a directory"),
    ]
    for (path, operation, reason) in cases {
        do {
            try operation()
            Issue.record("\(path) did not fail")
        } catch {
            let text = fileErrorReason(error, path: path)
            #expect(text.contains(reason) && !text.contains("NSCocoaErrorDomain") && !text.contains("could not be completed"), "\(text)")
        }
    }
    #expect(fileErrorReason(SiteBuildError.notUTF8(file: "a.md"), path: "a.md") == "a.md: not valid UTF-8")
}
