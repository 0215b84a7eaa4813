import Foundation
import Testing
@testable import SiteBuilder

private func site() throws -> FixtureSite {
    var files: [String: String] = [:]
    for index in 0..<12 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-\(10 + index)", tags: ["t\(index % 3)"], body: "Body \(index).")
    }
    files["content/about.md"] = "---\ntitle: About\n---\nHi\n"
    files["content/posts/b/index.md"] = post("Bundle", date: "2026-03-01", body: "![x](x.png)")
    files["content/posts/b/x.png"] = "PNG"
    return try FixtureSite(files: files)
}

/// Rebuilds after `edit` and checks the result equals a fresh build from scratch.
private func expectRebuildMatchesFreshBuild(_ site: FixtureSite, changed: [String], edit: () throws -> Void) async throws -> BuildResult {
    let session = site.session()
    let first = try await session.build()
    try edit()
    let rebuilt = try await session.rebuild(changedPaths: changed)
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    for path in fresh.output.paths {
        #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path) differs")
    }
    let expectedChanged = fresh.output.paths.filter { path in
        guard let before = first.output.files[path] else { return true }
        return (try? before.data()) != (try? fresh.output.files[path]!.data())
    }
    // Everything that really changed is reported (copies may be reported conservatively).
    #expect(Set(expectedChanged).isSubset(of: Set(rebuilt.changedPaths)))
    #expect(rebuilt.removedPaths == first.output.paths.filter { fresh.output.files[$0] == nil })
    return rebuilt
}

@Test func rebuildAfterEditingOnePostBodyEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    let result = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/p5.md"]) {
        try site.write("content/posts/p5.md", post("Post 5", date: "2026-01-15", tags: ["t2"], body: "Edited body."))
    }
    #expect(result.stats.documentsParsed == 1)
    #expect(result.changedPaths.contains("posts/p5/index.html"))
    #expect(!result.changedPaths.contains("posts/p0/index.html"))
    // Only the pages showing its text: its own page, the home page, the posts list and the tag page listing it.
    #expect(result.stats.pagesRendered == 4, "\(result.stats.pagesRendered) of \(result.stats.htmlPages)")
    // And the search index files its new text changes: its summary's document list, and its
    // new word's shard ("edited", the first word under "e", so the manifest lists a new shard).
    #expect(result.changedPaths == ["atom.xml", "feed.json", "page/4/index.html", "posts/p5/index.html", "posts/page/4/index.html",
        "rss.xml", "search/docs/0.json", "search/index.json", "search/terms/e.json", "tags/t2/page/2/index.html"])
}

@Test func rebuildAfterRetitlingRedatingAndRetaggingEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/p3.md"]) {
        try site.write("content/posts/p3.md", post("Renamed", date: "2026-02-28", tags: ["brand new", "T1"], body: "Moved to the top."))
    }
}

@Test func rebuildAfterAddingAndDeletingPostsEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/new.md", "content/posts/p0.md", "content/posts/b/x.png"]) {
        try site.write("content/posts/new.md", post("New", date: "2026-01-16", tags: ["t0"]))
        try site.remove("content/posts/p0.md")
        try site.remove("content/posts/b/x.png")
    }
}

@Test func rebuildAfterTemplatePageAndConfigChangesEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["templates/post.mustache"]) {
        try site.write("templates/post.mustache", "{{<base}}{{$main}}NEW {{post.title}}{{/main}}{{/base}}")
    }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["content/about.md"]) {
        try site.write("content/about.md", "---\ntitle: About me\nweight: -1\n---\nHello\n")
    }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: [site.root.appendingPathComponent("site.yml").path]) {
        try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: 5"))
    }
}

@Test func rebuildAfterRemovingABundleFolderEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    let result = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/b"]) {
        try site.remove("content/posts/b")
    }
    #expect(result.removedPaths.contains("posts/b/index.html") && result.removedPaths.contains("posts/b/x.png"))
}

@Test func rebuildAfterAFailedStructuralEditEqualsFreshBuild() async throws {
    let site = try site()
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    // Parses fine, fails later (missing template): the cache is now ahead of the last output.
    try site.write("content/posts/p3.md", post("Renamed", date: "2026-02-27", tags: ["t0"], extra: "template: nope\n"))
    await #expect(throws: SiteBuildError.self) { _ = try await session.rebuild(changedPaths: ["content/posts/p3.md"]) }
    try site.write("content/posts/p3.md", post("Renamed", date: "2026-02-27", tags: ["t0"]))
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/p3.md"])
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    for path in fresh.output.paths { #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path)") }
}

@Test func rebuildReportsErrorsAndRecovers() async throws {
    let site = try site()
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    try site.write("content/posts/p1.md", "---\ntitle: x\nbogus: 1\n---\n")
    await #expect(throws: SiteBuildError.self) { _ = try await session.rebuild(changedPaths: ["content/posts/p1.md"]) }
    try site.write("content/posts/p1.md", post("Fixed", date: "2026-01-11"))
    let result = try await session.rebuild(changedPaths: ["content/posts/p1.md"])
    #expect(result.text("posts/p1/index.html").contains("Fixed"))
}

@Test func rebuildsWithTheBuiltinThemeEqualFreshBuilds() async throws {
    var files: [String: String] = [:]
    for index in 0..<9 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-02-0\(index + 1)", tags: ["t\(index % 2)"],
            body: "Intro \(index).\n\n<!--more-->\n\n## A\n\nText.\n\n## B\n\nMore.")
    }
    files["content/about.md"] = "---\ntitle: About\n---\nHi\n"
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/p4.md"]) {
        try site.write("content/posts/p4.md", post("Post 4", date: "2026-02-05", tags: ["t0"],
            body: "New intro.\n\n<!--more-->\n\n## A\n\nChanged."))
    }
    _ = try await expectRebuildMatchesFreshBuild(site, changed: ["content/posts/p2.md"]) {
        try site.write("content/posts/p2.md", post("Post two renamed", date: "2026-02-03", tags: ["t0"]))
    }
}
