import Foundation
import Testing

private func folder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-safety-\(UUID().uuidString)")
}

/// Every file under `root`, relative path -> bytes.
private func snapshot(_ root: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    let prefix = root.path + "/"
    for case let path as String in FileManager.default.enumerator(atPath: root.path) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
        let full = prefix + path
        if let data = FileManager.default.contents(atPath: full) { files[path] = data }
    }
    _ = prefix
    return files
}

// `.blogctl-cache` too: the cache is saved after the swap, so it would land inside the output.
@Test(arguments: ["content", "static", "templates", "content/posts", "static/img", "templates/partials", "content/new-folder",
    ".blogctl-cache", ".blogctl-cache/documents"])
func buildRefusesAnOutputOverTheSources(_ relative: String) throws {
    let site = folder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
    for name in ["static/img/a.png", "templates/partials/footer.mustache"] {
        let url = site.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url)
    }
    let before = snapshot(site)
    let output = site.appendingPathComponent(relative)
    let result = try BlogctlRunner.run(["build", site.path, "--output", output.path])
    #expect(result.status != 0)
    #expect(result.stderr.hasPrefix("blogctl: error: \(output.path): refusing"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(snapshot(site) == before)
}

@Test func buildRefusesAnOutputThatContainsASourceFolder() throws {
    let parent = folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("site")
    #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
    // A site whose sources live elsewhere through a symbolic link still protects them.
    let elsewhere = parent.appendingPathComponent("shared-static")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("keep.txt"))
    try? FileManager.default.removeItem(at: site.appendingPathComponent("static"))
    try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("static"), withDestinationURL: elsewhere)
    let result = try BlogctlRunner.run(["build", site.path, "--output", elsewhere.path])
    #expect(result.status != 0 && result.stderr.contains("refusing"), "\(result.stderr)")
    #expect(FileManager.default.contents(atPath: elsewhere.appendingPathComponent("keep.txt").path) == Data("keep".utf8))
}

@Test func buildRefusesAnOutputThatIsAFile() throws {
    let site = folder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
    let file = site.appendingPathComponent("notes.txt")
    try Data("mine".utf8).write(to: file)
    let result = try BlogctlRunner.run(["build", site.path, "--output", file.path])
    #expect(result.status != 0)
    #expect(result.stderr == "blogctl: error: \(file.path): exists and is not a folder; choose another --output\n")
    #expect(FileManager.default.contents(atPath: file.path) == Data("mine".utf8))
}

@Test func initUnderAFileNamesThePathAndReason() throws {
    let parent = folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    let file = parent.appendingPathComponent("afile")
    try Data("x".utf8).write(to: file)
    let result = try BlogctlRunner.run(["init", file.appendingPathComponent("sub").path])
    #expect(result.status != 0)
    #expect(!result.stderr.contains("NSCocoaErrorDomain") && !result.stderr.contains("could not be completed"), "\(result.stderr)")
    #expect(result.stderr.contains(file.path) && result.stderr.contains("Not a directory"), "\(result.stderr)")
}

/// `--output` naming a folder of the user's own files (not an earlier output: no `404.html` and
/// `_redirects`) must not swallow it: it used to be moved aside as the recycled tree and its files
/// deleted by the next build. An earlier output or an empty folder is still replaced.
@Test func buildRefusesToReplaceAFolderThatIsNotAnOutput() throws {
    let parent = folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("site")
    #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
    let documents = parent.appendingPathComponent("documents")
    try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: documents.appendingPathComponent("notes.txt"))
    for _ in 0..<2 {
        let result = try BlogctlRunner.run(["build", site.path, "--output", documents.path])
        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("blogctl: error: \(documents.path): refusing"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
    #expect(snapshot(documents) == ["notes.txt": Data("mine".utf8)])
    let empty = parent.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    #expect(try BlogctlRunner.run(["build", site.path, "--output", empty.path]).status == 0)
    #expect(try BlogctlRunner.run(["build", site.path, "--output", empty.path]).status == 0)
    #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("404.html").path))
}

// The output is swapped in by rename, which would replace the link itself with a folder and leave
// the folder it leads to (where the author deploys from) stale: refused, naming the folder to pass instead.
@Test func buildRefusesAnOutputThatIsASymbolicLink() throws {
    let parent = folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let site = parent.appendingPathComponent("site")
    let served = parent.appendingPathComponent("www")
    #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
    #expect(try BlogctlRunner.run(["build", site.path, "--output", served.path]).status == 0)
    let link = site.appendingPathComponent("public")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: served)
    let before = snapshot(served)

    let result = try BlogctlRunner.run(["build", site.path])
    #expect(result.status != 0)
    #expect(result.stderr.contains("public: is a symbolic link"), "\(result.stderr)")
    #expect(result.stderr.contains("--output \(served.path)"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == served.path)
    #expect(snapshot(served) == before)
    // Building into the folder it names works.
    #expect(try BlogctlRunner.run(["build", site.path, "--output", served.path]).status == 0)
}
