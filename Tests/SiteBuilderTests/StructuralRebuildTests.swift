import Foundation
import Testing
@testable import SiteBuilder

// Structural edits (order, tags, visibility, the set of posts) through one live session, one
// after another: every rebuild must equal a fresh build byte for byte, and report what changed.

private func site() throws -> FixtureSite {
    var files: [String: String] = [:]
    for index in 0..<12 {
        files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-01-\(10 + index)", tags: ["t\(index % 3)"], body: "Body \(index).")
    }
    files["content/about.md"] = "---\ntitle: About\n---\nHi\n"
    files["content/posts/b/index.md"] = post("Bundle", date: "2026-03-01", extra: "aliases: [/old/b/]\n", body: "![x](x.png)")
    files["content/posts/b/x.png"] = "PNG"
    return try FixtureSite(files: files)
}

/// One edit: the files it touches and what it writes or removes.
private struct Edit {
    let name: String
    let changed: [String]
    let apply: (FixtureSite) throws -> Void
}

/// Applies `edits` in order to one session; after each, compares the rebuild with a fresh build.
private func expectEachRebuildMatchesFreshBuild(_ site: FixtureSite, _ edits: [Edit]) async throws {
    let session = site.session()
    var previous = try await session.build()
    for edit in edits {
        try edit.apply(site)
        let rebuilt = try await session.rebuild(changedPaths: edit.changed)
        let fresh = try await site.build()
        #expect(rebuilt.output.paths == fresh.output.paths, "\(edit.name): output paths")
        for path in fresh.output.paths {
            #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(edit.name): \(path) differs")
        }
        let expectedChanged = fresh.output.paths.filter { path in
            guard let before = previous.output.files[path] else { return true }
            return (try? before.data()) != (try? fresh.output.files[path]!.data())
        }
        let missing = Set(expectedChanged).subtracting(rebuilt.changedPaths)
        #expect(missing.isEmpty, "\(edit.name): changes not reported: \(missing.sorted())")
        #expect(rebuilt.removedPaths == previous.output.paths.filter { fresh.output.files[$0] == nil }, "\(edit.name): removed paths")
        #expect(rebuilt.stats.htmlPages == fresh.stats.htmlPages && rebuilt.stats.files == fresh.stats.files, "\(edit.name): stats")
        previous = rebuilt
    }
}

@Test func retitlingAPostChangesItsNeighboursListsAndArchive() async throws {
    let site = try site()
    defer { site.cleanUp() }
    try await expectEachRebuildMatchesFreshBuild(site, [
        Edit(name: "retitle", changed: ["content/posts/p5.md"]) {
            try $0.write("content/posts/p5.md", post("Post five", date: "2026-01-15", tags: ["t2"], body: "Body 5."))
        },
        Edit(name: "retitle again", changed: ["content/posts/p5.md"]) {
            try $0.write("content/posts/p5.md", post("Post 5 again", date: "2026-01-15", tags: ["t2"], body: "Body 5."))
        },
        Edit(name: "retitle the newest", changed: ["content/posts/b/index.md"]) {
            try $0.write("content/posts/b/index.md", post("Bundle!", date: "2026-03-01", extra: "aliases: [/old/b/]\n", body: "![x](x.png)"))
        },
    ])
}

@Test func redatingAPostMovesItAndEveryListBetween() async throws {
    let site = try site()
    defer { site.cleanUp() }
    try await expectEachRebuildMatchesFreshBuild(site, [
        Edit(name: "one step newer", changed: ["content/posts/p2.md"]) {
            try $0.write("content/posts/p2.md", post("Post 2", date: "2026-01-13T12:00:00", tags: ["t2"], body: "Body 2."))
        },
        Edit(name: "to the top", changed: ["content/posts/p2.md"]) {
            try $0.write("content/posts/p2.md", post("Post 2", date: "2026-04-01", tags: ["t2"], body: "Body 2."))
        },
        Edit(name: "to the bottom, a new year", changed: ["content/posts/p2.md"]) {
            try $0.write("content/posts/p2.md", post("Post 2", date: "2025-06-01", tags: ["t2"], body: "Body 2."))
        },
        Edit(name: "tie on date, order by path", changed: ["content/posts/p9.md"]) {
            try $0.write("content/posts/p9.md", post("Post 9", date: "2026-01-12", tags: ["t0"], body: "Body 9."))
        },
        Edit(name: "two posts swap places", changed: ["content/posts/p10.md", "content/posts/p11.md"]) {
            try $0.write("content/posts/p10.md", post("Post 10", date: "2026-01-21T18:00:00", tags: ["t1"], body: "Body 10."))
            try $0.write("content/posts/p11.md", post("Post 11", date: "2026-01-20T06:00:00", tags: ["t2"], body: "Body 11."))
        },
        Edit(name: "re-dated and retitled, a neighbour's text edited", changed: ["content/posts/p0.md", "content/posts/p1.md"]) {
            try $0.write("content/posts/p0.md", post("Post zero", date: "2026-01-17T01:00:00", tags: ["t0"], body: "Body 0."))
            try $0.write("content/posts/p1.md", post("Post 1", date: "2026-01-11", tags: ["t1"], body: "Body 1, edited."))
        },
        Edit(name: "updated date only", changed: ["content/posts/p4.md"]) {
            try $0.write("content/posts/p4.md", post("Post 4", date: "2026-01-14", tags: ["t1"], extra: "updated: 2026-02-02\n", body: "Body 4."))
        },
    ])
}

@Test func addingAndRemovingTagsRegroupsTagPages() async throws {
    let site = try site()
    defer { site.cleanUp() }
    try await expectEachRebuildMatchesFreshBuild(site, [
        Edit(name: "tag added", changed: ["content/posts/p4.md"]) {
            try $0.write("content/posts/p4.md", post("Post 4", date: "2026-01-14", tags: ["t1", "t0"], body: "Body 4."))
        },
        Edit(name: "new tag", changed: ["content/posts/p4.md"]) {
            try $0.write("content/posts/p4.md", post("Post 4", date: "2026-01-14", tags: ["t1", "t0", "Solo"], body: "Body 4."))
        },
        Edit(name: "tag respelled", changed: ["content/posts/p7.md"]) {
            try $0.write("content/posts/p7.md", post("Post 7", date: "2026-01-17", tags: ["T1", "solo"], body: "Body 7."))
        },
        Edit(name: "tag renamed by the spelling most posts use", changed: ["content/posts/p9.md"]) {
            try $0.write("content/posts/p9.md", post("Post 9", date: "2026-01-19", tags: ["t0", "solo"], body: "Body 9."))
        },
        Edit(name: "tags removed, one tag gone", changed: ["content/posts/p4.md", "content/posts/p7.md"]) {
            try $0.write("content/posts/p4.md", post("Post 4", date: "2026-01-14", body: "Body 4."))
            try $0.write("content/posts/p7.md", post("Post 7", date: "2026-01-17", tags: ["t1"], body: "Body 7."))
        },
    ])
}

@Test func addingRemovingAndHidingPostsRenumbersLists() async throws {
    let site = try site()
    defer { site.cleanUp() }
    try await expectEachRebuildMatchesFreshBuild(site, [
        Edit(name: "post added in the middle", changed: ["content/posts/new.md"]) {
            try $0.write("content/posts/new.md", post("New", date: "2026-01-16T08:00:00", tags: ["t0", "fresh"]))
        },
        Edit(name: "post added at the top", changed: ["content/posts/newest.md"]) {
            try $0.write("content/posts/newest.md", post("Newest", date: "2026-05-01", tags: ["t1"]))
        },
        Edit(name: "draft flag on", changed: ["content/posts/p6.md"]) {
            try $0.write("content/posts/p6.md", post("Post 6", date: "2026-01-16", tags: ["t0"], extra: "draft: true\n", body: "Body 6."))
        },
        Edit(name: "draft flag off", changed: ["content/posts/p6.md"]) {
            try $0.write("content/posts/p6.md", post("Post 6", date: "2026-01-16", tags: ["t0"], body: "Body 6."))
        },
        Edit(name: "post removed", changed: ["content/posts/new.md"]) { try $0.remove("content/posts/new.md") },
        Edit(name: "bundle post with alias removed", changed: ["content/posts/b/index.md"]) { try $0.remove("content/posts/b/index.md") },
        Edit(name: "bundle post back", changed: ["content/posts/b/index.md"]) {
            try $0.write("content/posts/b/index.md", post("Bundle", date: "2026-03-01", extra: "aliases: [/old/b/]\n", body: "![x](x.png)"))
        },
        Edit(name: "text edit after structural ones", changed: ["content/posts/p3.md"]) {
            try $0.write("content/posts/p3.md", post("Post 3", date: "2026-01-13", tags: ["t0"], body: "Edited."))
        },
        Edit(name: "two posts: one retitled, one removed", changed: ["content/posts/p1.md", "content/posts/p8.md"]) {
            try $0.write("content/posts/p1.md", post("First?", date: "2026-01-11", tags: ["t1"], body: "Body 1."))
            try $0.remove("content/posts/p8.md")
        },
        Edit(name: "page retitled (menu)", changed: ["content/about.md"]) {
            try $0.write("content/about.md", "---\ntitle: About us\n---\nHi\n")
        },
    ])
}

@Test func aStructuralEditThatClaimsATakenURLFailsAndTheNextRebuildRecovers() async throws {
    let site = try site()
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    try site.write("content/posts/p3.md", post("Post 3", date: "2026-01-13", extra: "slug: p4\n"))
    await #expect(throws: SiteBuildError.self) { _ = try await session.rebuild(changedPaths: ["content/posts/p3.md"]) }
    try site.write("content/posts/p3.md", post("Post 3", date: "2026-01-13", extra: "aliases: [/posts/p4/]\n"))
    await #expect(throws: SiteBuildError.self) { _ = try await session.rebuild(changedPaths: ["content/posts/p3.md"]) }
    try site.write("content/posts/p3.md", post("Post 3 fixed", date: "2026-01-13", tags: ["t0"]))
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/p3.md"])
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    for path in fresh.output.paths { #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path)") }
}
