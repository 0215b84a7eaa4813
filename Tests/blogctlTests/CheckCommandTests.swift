import Foundation
import Testing

private func blogctl(_ arguments: [String]) throws -> BlogctlRunner.Result {
    try BlogctlRunner.run(arguments)
}

private func makeSite(_ files: [String: String]) throws -> URL {
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    for (path, contents) in files {
        let file = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
    }
    return site
}

@Test func checkPassesOnACleanSite() throws {
    let site = try makeSite(["public/index.html": "<a href=\"posts/a/\">a</a>", "public/posts/a/index.html": "<a href=\"../../\">home</a>"])
    defer { try? FileManager.default.removeItem(at: site) }
    let result = try blogctl(["check", site.path])
    #expect(result.status == 0)
    #expect(result.stdout == "checked 2 references in 2 files: all resolve\n")
    #expect(result.stderr == "")
}

@Test func checkReportsBrokenReferencesAndFails() throws {
    let site = try makeSite(["out/posts/a/index.html": "<a href=\"../b/\">b</a>\n<img src=\"/logo.png\">"])
    defer { try? FileManager.default.removeItem(at: site) }
    let result = try blogctl(["check", site.path, "--output", site.appendingPathComponent("out").path])
    #expect(result.status == 1)
    #expect(result.stderr.split(separator: "\n") == [
        "posts/a/index.html: broken link ../b/ (no such file: posts/b/index.html)",
        "posts/a/index.html: broken link /logo.png (root-absolute path; links must be page-relative to work on IPFS path gateways)",
        "checked 2 references in 1 file: 2 broken",
    ])
}

@Test func checkExplainsAMissingBuild() throws {
    let site = try makeSite(["site.yml": "title: x\n"])
    defer { try? FileManager.default.removeItem(at: site) }
    let result = try blogctl(["check", site.path])
    #expect(result.status == 1)
    #expect(result.stderr == "blogctl: error: no built site at \(site.path)/public; run `blogctl build` first\n")
}

@Test func checkAcceptsTheNotFoundPageOfASiteUnderAPath() throws {
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("check-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: site) }
    try FileManager.default.createDirectory(at: site.appendingPathComponent("content/posts"), withIntermediateDirectories: true)
    try Data("title: Blog\nbase_url: https://example.com/blog\n".utf8).write(to: site.appendingPathComponent("site.yml"))
    try Data("---\ntitle: About\n---\nHi.\n".utf8).write(to: site.appendingPathComponent("content/about.md"))
    let build = try blogctl(["build", site.path])
    #expect(build.status == 0)
    let result = try blogctl(["check", site.path])
    #expect(result.stderr == "")
    #expect(result.status == 0)
}
