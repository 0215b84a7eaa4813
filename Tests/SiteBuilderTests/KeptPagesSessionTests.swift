import Foundation
import Testing
@testable import SiteBuilder

/// A session whose build kept pages from an output folder (`build(reusing:)`) holds no bytes for
/// them: building again must render them, never hand them on as `.kept`.

private func keptSite() throws -> FixtureSite {
    var files: [String: String] = ["content/about.md": "---\ntitle: About\n---\nHi\n"]
    for index in 0..<5 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-\(10 + index)", body: "Body \(index).")
    }
    files["static/logo.txt"] = "logo"
    return try FixtureSite(files: files)
}

/// A session that has just built `site` keeping every page (as a rebuild into an unchanged folder does).
private func sessionThatKeptEverything(_ site: FixtureSite) async throws -> SiteBuildSession {
    let keys = try await site.session().build(reusing: { ReusableOutput(entries: [:], accept: { _, _ in true }) }).outputKeys
    let anywhere = FileIdentity(device: 0, inode: 0, size: 0, modified: 0, changed: 0)
    let entries = keys.mapValues { OutputManifest.Entry(key: $0, identity: anywhere, note: []) }
    let session = site.session()
    let kept = try await session.build(reusing: { ReusableOutput(entries: entries, accept: { _, _ in true }) })
    #expect(kept.output.files.values.contains(.kept))
    return session
}

private func expectEqualToFreshBuild(_ result: BuildResult, _ site: FixtureSite) async throws {
    let fresh = try await site.build()
    #expect(result.output.paths == fresh.output.paths)
    for path in fresh.output.paths {
        #expect(result.output.files[path] != .kept, "\(path) is still kept")
        #expect(try result.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path) differs")
    }
}

@Test func aFullBuildAfterKeepingPagesRendersThem() async throws {
    let site = try keptSite()
    defer { site.cleanUp() }
    let session = try await sessionThatKeptEverything(site)
    try await expectEqualToFreshBuild(try await session.build(), site)
}

@Test func aTextRebuildAfterKeepingPagesRendersThem() async throws {
    let site = try keptSite()
    defer { site.cleanUp() }
    let session = try await sessionThatKeptEverything(site)
    try site.write("content/posts/p2.md", post("Post 2", date: "2026-01-12", body: "Edited body."))
    try await expectEqualToFreshBuild(try await session.rebuild(changedPaths: ["content/posts/p2.md"]), site)
}
