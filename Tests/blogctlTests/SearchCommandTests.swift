import Foundation
import Testing

private func run(_ arguments: [String]) throws -> BlogctlRunner.Result { try BlogctlRunner.run(arguments) }

/// The search index through the command line: drafts only with --drafts, a bad `search:` value
/// refused in one line naming site.yml:line:col, `search: false` leaving everything out.
@Test func buildWritesTheSearchIndexWithoutDraftsAndRefusesABadSearchValue() throws {
    let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-search-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    try Data("---\ntitle: Plans\ndate: 2026-01-02\ndraft: true\n---\nQuokkaword is secret.\n".utf8)
        .write(to: site.appendingPathComponent("content/posts/plans.md"))
    func shards(_ output: URL) throws -> String {
        let folder = output.appendingPathComponent("search/terms")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    let built = try run(["build", site.path])
    #expect(built.status == 0, "\(built.stderr)")
    let output = site.appendingPathComponent("public")
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.html").path))
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("search/index.json").path))
    #expect(try shards(output).contains("\"hello\""), "the scaffold's post is indexed")
    #expect(!(try shards(output).contains("quokkaword")), "a draft is not")
    #expect(try run(["check", site.path]).status == 0)

    let drafts = try run(["build", site.path, "--drafts"])
    #expect(drafts.status == 0, "\(drafts.stderr)")
    #expect(try shards(site.appendingPathComponent("public-drafts")).contains("\"quokkaword\""), "a build with drafts shows and indexes them")

    let settings = site.appendingPathComponent("site.yml")
    let text = try String(contentsOf: settings, encoding: .utf8)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).count
    try Data((text + "search: sometimes\n").utf8).write(to: settings)
    let refused = try run(["build", site.path])
    #expect(refused.status != 0)
    #expect(refused.stderr.contains("site.yml:\(line):9: 'search' must be true or false"), "\(refused.stderr)")

    try Data((text + "search: false\n").utf8).write(to: settings)
    #expect(try run(["build", site.path]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("search").path))
    #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("js/search.js").path))
    #expect(!(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)).contains("Search</a>"))
}
