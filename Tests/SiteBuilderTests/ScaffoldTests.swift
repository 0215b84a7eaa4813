import Foundation
import Testing
@testable import SiteBuilder

@Test func initCreatesASiteThatBuilds() async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let now = Date(timeIntervalSince1970: 1_780_315_200)  // 2026-06-01
    let written = try SiteScaffold.createSite(in: directory, now: now)
    #expect(written.contains("site.yml") && written.contains("content/about.md") && written.contains(".gitignore"))
    #expect(written.contains("content/posts/2026-06-01-hello-world.md"))
    let gitignore = try String(contentsOf: directory.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(gitignore.contains("public/"))
    // Every optional key is present, commented, in site.yml.
    let siteYML = try String(contentsOf: directory.appendingPathComponent("site.yml"), encoding: .utf8)
    for key in SiteConfig.keys + SiteConfig.markdownKeys + HighlightSettings.keys {
        #expect(siteYML.contains("\(key):"), "site.yml lacks \(key)")
    }
    let report = try await SiteBuilder.build(siteDirectory: directory, options: BuildOptions(now: now))
    #expect(report.stats.posts == 1 && report.stats.pages == 1)
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("public/posts/hello-world/index.html").path))
    #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("public/about/index.html").path))

    #expect(throws: SiteBuildError.self) { try SiteScaffold.createSite(in: directory, now: now) }
}

@Test func newPostWritesADatedDraftAndRefusesToOverwrite() async throws {
    let site = try FixtureSite(files: [:])
    defer { site.cleanUp() }
    let now = Date(timeIntervalSince1970: 1_780_354_800)  // 2026-06-01T23:00Z = 2 June 01:00 in Berlin
    let url = try SiteScaffold.createPost(title: "Hello \"IPFS\" World!", in: site.root, now: now)
    #expect(url.lastPathComponent == "2026-06-02-hello-ipfs-world.md")
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.hasPrefix("---\ntitle: \"Hello \\\"IPFS\\\" World!\"\ndate: 2026-06-02T01:00:00+02:00\ndraft: true\n"))
    #expect(throws: SiteBuildError.self) { _ = try SiteScaffold.createPost(title: "Hello IPFS world", in: site.root, now: now) }

    let options = BuildOptions(includeDrafts: true, now: now.addingTimeInterval(60))
    let result = try await site.build(options)
    #expect(result.text("posts/hello-ipfs-world/index.html").contains("Hello &quot;IPFS&quot; World!"))
    #expect(try await site.build(BuildOptions(now: now.addingTimeInterval(60))).has("posts/hello-ipfs-world/index.html") == false)
}

@Test func initInAnExistingRepositoryAddsTheOutputToItsGitignore() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let gitignore = directory.appendingPathComponent(".gitignore")
    try Data("node_modules/\npublic/".utf8).write(to: gitignore)
    let written = try SiteScaffold.createSite(in: directory)
    #expect(written.contains(".gitignore"))
    // Kept lines stay, the missing ones are appended once, after a newline the file lacked.
    #expect(try String(contentsOf: gitignore, encoding: .utf8) == "node_modules/\npublic/\npublic-drafts/\n.public*.tmp-*\n.public*.old-*\n.public*.lock-*\n.public*-recycle/\n.blogctl-cache/\n/site.car\n")
}

/// git itself ignores, with the `.gitignore` init writes, everything a build, an interrupted build and
/// a publish leave in the site folder, and nothing of the sources.
@Test func initsGitignoreCoversWhatBuildsLeave() throws {
    let git = URL(fileURLWithPath: "/usr/bin/git")
    guard FileManager.default.isExecutableFile(atPath: git.path) else {
        Issue.record("git is not installed at /usr/bin/git")
        return
    }
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-init-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    _ = try SiteScaffold.createSite(in: directory)
    func ignored(_ path: String) throws -> Bool {
        let process = Process()
        process.executableURL = git
        process.arguments = ["-C", directory.path, "check-ignore", "--no-index", "-q", path]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    let init_ = Process()
    init_.executableURL = git
    init_.arguments = ["-C", directory.path, "init", "-q"]
    try init_.run()
    init_.waitUntilExit()
    for left in ["public/index.html", ".public.tmp-123-ab/index.html", ".public.old-123-ab/index.html", ".public.lock-123-ab",
        ".public-recycle/index.html", "public-drafts/index.html", ".public-drafts.tmp-1-a/x", ".public-drafts.lock-1-a",
        ".public-drafts-recycle/index.html", ".blogctl-cache/documents", "site.car"] {
        #expect(try ignored(left), "\(left) is not ignored")
    }
    for source in ["site.yml", "content/about.md", "static/site.car", "templates/base.mustache"] {
        #expect(try !ignored(source), "\(source) is ignored")
    }
}

