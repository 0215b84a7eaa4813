import Foundation
import Testing

private func write(_ root: URL, _ path: String, _ text: String) throws {
    let file = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
}

@Test func importConvertsAHugoSiteThatThenBuildsAtTheOldURLs() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let source = root.appendingPathComponent("hugo"), destination = root.appendingPathComponent("blog")
    try write(source, "config.yaml", "baseURL: https://example.org/\ntitle: Old blog\npermalinks:\n  posts: /:year/:slug/\n")
    try write(source, "content/posts/first.md", "---\ntitle: First\ndate: 2024-02-01\nslug: the-first\n---\nHello.\n\n{{< instagram BWNjjyYFxVx >}}\n")
    try write(source, "content/posts/second.md", "+++\ntitle = \"Second\"\ndate = 2024-03-01\n+++\nSee [first]({{< ref \"first.md\" >}}).\n")
    try write(source, "static/robots.txt", "User-agent: *\n")

    let imported = try BlogctlRunner.run(["import", "hugo", source.path, destination.path])
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.isEmpty)
    let lines = imported.stderr.split(separator: "\n").map(String.init)
    #expect(lines.contains { $0.hasPrefix("\(source.path)/content/posts/first.md:8: shortcode 'instagram'") }, "\(imported.stderr)")
    #expect(lines.last?.hasPrefix("imported 2 posts, 0 pages, 0 bundles (0 files), 1 static file; 2 URLs kept with path; 1 item to review") == true, "\(imported.stderr)")

    let built = try BlogctlRunner.run(["build", destination.path])
    #expect(built.status == 0, "\(built.stderr)")
    let output = destination.appendingPathComponent("public")
    // Hugo's URLs by hand: /:year/:slug/ with the slug, or the urlized title when there is none.
    let first = try String(contentsOf: output.appendingPathComponent("2024/the-first/index.html"), encoding: .utf8)
    #expect(first.contains("First"))
    let second = try String(contentsOf: output.appendingPathComponent("2024/second/index.html"), encoding: .utf8)
    #expect(second.contains("href=\"../the-first/\""))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("robots.txt").path))

    // A second import into the now full folder is refused in one line, and changes nothing.
    let before = try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted()
    let again = try BlogctlRunner.run(["import", "hugo", source.path, destination.path])
    #expect(again.status == 1)
    #expect(again.stderr == "blogctl: error: \(destination.path) is not empty: import into a new or empty folder\n")
    #expect(try FileManager.default.contentsOfDirectory(atPath: destination.path).sorted() == before)

    let unknown = try BlogctlRunner.run(["import", "jekyll", source.path, root.appendingPathComponent("other").path])
    #expect(unknown.status != 0 && unknown.stderr.contains("import takes hugo or zola, not 'jekyll'"))
}

@Test func importStopsAtBadFrontMatterWithItsPathLineAndColumn() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-import-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let source = root.appendingPathComponent("zola"), destination = root.appendingPathComponent("blog")
    try write(source, "config.toml", "title = \"Z\"\nbase_url = \"https://z.example\"\n")
    try write(source, "content/blog/a.md", "+++\ntitle = \"A\"\ndate = 2024-01-01\ntags = [\"x\"\n+++\n")
    let result = try BlogctlRunner.run(["import", "zola", source.path, destination.path])
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("blogctl: error: \(source.path)/content/blog/a.md:4:"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["zola"])
}
