import Foundation
import Testing

@testable import SiteBuilder

private func tree(_ root: URL) throws -> [String: String] {
    var result: [String: String] = [:]
    let fileManager = FileManager.default
    for path in try fileManager.subpathsOfDirectory(atPath: root.path) {
        let attributes = try fileManager.attributesOfItem(atPath: root.appendingPathComponent(path).path)
        switch attributes[.type] as? FileAttributeType {
        case .typeDirectory?: result[path + "/"] = ""
        case .typeRegular?: result[path] = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        default: result[path] = "<other>"
        }
    }
    return result
}

/// The second write reuses the first output's tree; whatever was in it (stale files, a file
/// where a folder goes, a folder where a file goes, symbolic links, hard links) never leaks
/// into the new output or through it.
@Test func writerReusesThePreviousOutputExactly() throws {
    let fileManager = FileManager.default
    let parent = fileManager.temporaryDirectory.appendingPathComponent("blogctl-recycle-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: parent) }
    let output = parent.appendingPathComponent("public")
    let recycle = parent.appendingPathComponent(SiteWriter.recycleName(forOutputNamed: "public"))
    let outside = parent.appendingPathComponent("outside")
    try fileManager.createDirectory(at: outside, withIntermediateDirectories: true)
    try Data("keep me".utf8).write(to: outside.appendingPathComponent("linked.txt"))

    let first = SiteOutput(files: [
        "index.html": .bytes(Data("first home, which is longer than the second".utf8)),
        "posts/a/index.html": .bytes(Data("a1".utf8)),
        "posts/b/index.html": .bytes(Data("b1".utf8)),
        "stale/index.html": .bytes(Data("stale".utf8)),
        "x/index.html": .bytes(Data("x is a folder first".utf8)),
        "y": .bytes(Data("y is a file first".utf8)),
        "same.txt": .bytes(Data("unchanged".utf8)),
        "size.txt": .bytes(Data("same size 1".utf8)),
    ])
    try SiteWriter.write(first, to: output)
    #expect(!fileManager.fileExists(atPath: recycle.path))
    try SiteWriter.write(first, to: output)
    #expect(fileManager.fileExists(atPath: recycle.path))

    // Meddle with the tree that the next build will reuse.
    try fileManager.removeItem(at: recycle.appendingPathComponent("posts/a/index.html"))
    try fileManager.linkItem(at: outside.appendingPathComponent("linked.txt"), to: recycle.appendingPathComponent("posts/a/index.html"))
    try fileManager.removeItem(at: recycle.appendingPathComponent("posts/b"))
    try fileManager.createSymbolicLink(at: recycle.appendingPathComponent("posts/b"), withDestinationURL: outside)
    try Data("extra".utf8).write(to: recycle.appendingPathComponent("posts/extra.txt"))

    let second = SiteOutput(files: [
        "index.html": .bytes(Data("second".utf8)),
        "posts/a/index.html": .bytes(Data("a2".utf8)),
        "posts/b/index.html": .bytes(Data("b2".utf8)),
        "x": .bytes(Data("x is a file now".utf8)),
        "y/index.html": .bytes(Data("y is a folder now".utf8)),
        "new/deep/index.html": .bytes(Data("new".utf8)),
        "same.txt": .bytes(Data("unchanged".utf8)),
        "size.txt": .bytes(Data("same size 2".utf8)),
    ])
    try SiteWriter.write(second, to: output)
    #expect(try tree(output) == [
        "index.html": "second", "posts/": "", "posts/a/": "", "posts/a/index.html": "a2", "posts/b/": "",
        "posts/b/index.html": "b2", "x": "x is a file now", "y/": "", "y/index.html": "y is a folder now",
        "new/": "", "new/deep/": "", "new/deep/index.html": "new", "same.txt": "unchanged", "size.txt": "same size 2",
    ])
    #expect(try tree(outside) == ["linked.txt": "keep me"])
    // The replaced output is the next recycle tree; no temporary folders remain.
    #expect(try tree(recycle)["posts/a/index.html"] == "a1")
    #expect(try fileManager.contentsOfDirectory(atPath: parent.path).sorted() == [".public-recycle", "outside", "public"])

    // A symbolic link left as the recycle tree is not written through.
    try fileManager.removeItem(at: recycle)
    try fileManager.createSymbolicLink(at: recycle, withDestinationURL: outside)
    try SiteWriter.write(first, to: output)
    #expect(try tree(outside) == ["linked.txt": "keep me"])
    #expect(try tree(output)["stale/index.html"] == "stale")

    // A folder with the recycle name that holds a site is never reused (nor touched).
    try fileManager.removeItem(at: recycle)
    try fileManager.createDirectory(at: recycle, withIntermediateDirectories: true)
    try Data("title: Mine\n".utf8).write(to: recycle.appendingPathComponent("site.yml"))
    try SiteWriter.write(second, to: output)
    #expect(try tree(recycle) == ["site.yml": "title: Mine\n"])
    #expect(try tree(output)["x"] == "x is a file now")
}

/// A copied file streamed over a reused tree: left alone when the reused file already holds its
/// bytes (not dirtied again), rewritten from the first difference otherwise.
@Test func streamedCopiesOverAReusedTreeAreWrittenOnlyWhenTheyDiffer() throws {
    let fileManager = FileManager.default
    let parent = fileManager.temporaryDirectory.appendingPathComponent("blogctl-recycle-copy-\(UUID().uuidString)")
    defer { try? fileManager.removeItem(at: parent) }
    try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
    let same = parent.appendingPathComponent("same.bin"), edited = parent.appendingPathComponent("edited.bin")
    let bytes = Data((0..<(700 << 10)).map { UInt8(truncatingIfNeeded: $0 &* 7) })
    try bytes.write(to: same)
    try bytes.write(to: edited)
    let output = parent.appendingPathComponent("public")
    let site = SiteOutput(files: ["media/same.bin": .copy(of: same.path), "media/edited.bin": .copy(of: edited.path)])
    try SiteWriter.write(site, to: output)
    try SiteWriter.write(site, to: output)
    // The next write reuses this tree: date its files back to tell a rewrite from no write.
    let recycle = parent.appendingPathComponent(SiteWriter.recycleName(forOutputNamed: "public"))
    let old = Date(timeIntervalSince1970: 1_000_000_000)
    for name in ["same.bin", "edited.bin"] {
        try fileManager.setAttributes([.modificationDate: old], ofItemAtPath: recycle.appendingPathComponent("media/" + name).path)
    }
    var changed = bytes
    changed[changed.count - 10] ^= 0xFF
    try changed.write(to: edited)

    try SiteWriter.write(site, to: output)
    func modified(_ name: String) throws -> Date? {
        try fileManager.attributesOfItem(atPath: output.appendingPathComponent("media/" + name).path)[.modificationDate] as? Date
    }
    #expect(try Data(contentsOf: output.appendingPathComponent("media/same.bin")) == bytes)
    #expect(try Data(contentsOf: output.appendingPathComponent("media/edited.bin")) == changed)
    #expect(try modified("same.bin") == old)
    #expect(try modified("edited.bin") != old)
}
