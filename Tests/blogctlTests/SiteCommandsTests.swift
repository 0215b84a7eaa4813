import Foundation
import Testing

private func run(_ arguments: [String], in directory: URL? = nil) throws -> BlogctlRunner.Result {
    try BlogctlRunner.run(arguments, in: directory)
}

private func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-cli-\(UUID().uuidString)")
}

@Test func initNewPostAndBuildWorkEndToEnd() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    let initialized = try run(["init", site.path])
    #expect(initialized.status == 0, "\(initialized.stderr)")
    #expect(initialized.stdout.contains("site.yml"))
    #expect(try run(["init", site.path]).status != 0, "init must refuse an existing site")

    let created = try run(["new", "post", "A Second Post", "--site", site.path])
    #expect(created.status == 0, "\(created.stderr)")
    let postPath = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(postPath.hasSuffix("-a-second-post.md") && FileManager.default.fileExists(atPath: postPath))
    #expect(try run(["new", "post", "A Second Post", "--site", site.path]).status != 0, "new post must refuse to overwrite")

    let built = try run(["build", site.path])
    #expect(built.status == 0, "\(built.stderr)")
    // `new post` makes a draft: the summary says it was left out and how to include it.
    #expect(built.stderr.contains("built 1 post, 1 page"), "\(built.stderr)")
    #expect(built.stderr.contains("; left out: 1 draft (--drafts)"), "\(built.stderr)")
    let public_ = site.appendingPathComponent("public")
    #expect(FileManager.default.fileExists(atPath: public_.appendingPathComponent("posts/hello-world/index.html").path))
    #expect(!FileManager.default.fileExists(atPath: public_.appendingPathComponent("posts/a-second-post/index.html").path))

    let output = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: output) }
    let drafts = try run(["build", site.path, "--drafts", "--output", output.path])
    #expect(drafts.status == 0, "\(drafts.stderr)")
    #expect(drafts.stderr.contains("built 2 posts, 1 page") && !drafts.stderr.contains("left out"), "\(drafts.stderr)")
    #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/a-second-post/index.html").path))
    let check = try run(["check", site.path, "--output", output.path])
    #expect(check.status == 0, "\(check.stderr)")

    // Without --output a build with drafts has a folder of its own: public/ stays the real site.
    let preview = try run(["build", site.path, "--drafts"])
    #expect(preview.status == 0 && preview.stderr.contains("public-drafts"), "\(preview.stderr)")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public-drafts/posts/a-second-post/index.html").path))
    #expect(!FileManager.default.fileExists(atPath: public_.appendingPathComponent("posts/a-second-post/index.html").path))
    #expect(try run(["build", site.path]).stdout == built.stdout, "public/ still holds the site without drafts")
}

@Test func buildFailsWithOneLineErrorAndKeepsOutput() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    #expect(try run(["build", site.path]).status == 0)
    let index = site.appendingPathComponent("public/index.html")
    let before = try Data(contentsOf: index)
    try Data("---\ntitle: Broken\ncolour: red\n---\n".utf8).write(to: site.appendingPathComponent("content/posts/broken.md"))
    let failed = try run(["build", site.path])
    #expect(failed.status != 0)
    #expect(failed.stderr == "blogctl: error: \(site.path)/content/posts/broken.md:3:1: unknown key 'colour' (allowed: title, date, updated, draft, tags, summary, description, slug, path, aliases, authors, template, image, weight, extra)\n")
    #expect(try Data(contentsOf: index) == before)
}

@Test func buildReusesTheDocumentCacheUnlessToldNot() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    let cacheFile = site.appendingPathComponent(".blogctl-cache/documents")

    let uncached = try run(["build", site.path, "--no-cache"])
    #expect(uncached.status == 0, "\(uncached.stderr)")
    #expect(!FileManager.default.fileExists(atPath: cacheFile.path), "--no-cache must not write the cache")

    let first = try run(["build", site.path])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(FileManager.default.fileExists(atPath: cacheFile.path))
    let second = try run(["build", site.path])
    #expect(second.stderr.contains("(0 parsed, the rest from the cache)"), "\(second.stderr)")
    #expect(second.stdout == first.stdout && first.stdout == uncached.stdout, "same root CID with and without the cache")
    let gitignore = try String(contentsOf: site.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(gitignore.contains(".blogctl-cache/"))
}

@Test func buildPrintsAWarningPerSkippedContentFile() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    let nested = site.appendingPathComponent("content/posts/2024")
    try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
    try Data("---\ntitle: Lost\ndate: 2024-01-01\n---\n".utf8).write(to: nested.appendingPathComponent("lost.md"))
    let built = try run(["build", site.path])
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.contains("blogctl: warning: \(site.path)/content/posts/2024/lost.md: not a post: content/posts/2024/ has no index.md"),
        "\(built.stderr)")
    #expect(built.stdout.split(separator: "\n").count == 1, "stdout stays the CID alone")
}

/// Without a site folder, commands find the site as git finds a repository: here or above.
@Test func commandsFindTheSiteFromAFolderInsideIt() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    let posts = site.appendingPathComponent("content/posts")
    let created = try run(["new", "post", "From Inside"], in: posts)
    #expect(created.status == 0, "\(created.stderr)")
    #expect(created.stdout.hasPrefix("../../content/posts/") && created.stdout.contains("-from-inside.md"), "\(created.stdout)")
    let built = try run(["build"], in: posts)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.contains("-> ../../public"), "\(built.stderr)")
    #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/index.html").path))
    #expect(!FileManager.default.fileExists(atPath: posts.appendingPathComponent("public").path))
    #expect(try run(["check"], in: posts).status == 0)

    // Outside any site the error still names the folder it looked in.
    let elsewhere = temporaryFolder()
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let nowhere = try run(["build"], in: elsewhere)
    #expect(nowhere.status != 0 && nowhere.stderr.contains("site.yml"), "\(nowhere.stderr)")
}

@Test func themeExportWritesIntoTheSitesTemplatesAndTheSiteStillBuilds() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    let target = site.appendingPathComponent("templates").path
    let exported = try run(["theme", "export", target])
    #expect(exported.status == 0, "\(exported.stderr)")
    #expect(exported.stdout.contains("templates/post.mustache") && exported.stderr.contains("theme files to"))
    let again = try run(["theme", "export", target])
    #expect(again.status != 0 && again.stderr.hasPrefix("blogctl: error: ") && again.stderr.contains("already exists"), "\(again.stderr)")
    #expect(try run(["build", site.path]).status == 0)
}

@Test func everyErrorHasOneFormat() throws {
    let site = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: site) }
    #expect(try run(["init", site.path]).status == 0)
    let option = try run(["build", site.path, "-o", "x"])
    #expect(option.status == 64 && option.stderr == "blogctl: error: unknown option '-o' (see 'blogctl build --help')\n", "\(option.stderr)")
    let command = try run(["bild"])
    #expect(command.status == 64 && command.stderr == "blogctl: error: unexpected argument 'bild' (see 'blogctl --help')\n", "\(command.stderr)")
    let title = try run(["new", "post", "!!!", "--site", site.path])
    #expect(title.status == 1 && title.stderr.hasPrefix("blogctl: error: the title '!!!' has no letter or digit"), "\(title.stderr)")
    #expect(try run(["--help"]).status == 0)
}
