import Foundation
import Testing
@testable import SiteBuilder

private func misplacedSite() throws -> FixtureSite {
    try FixtureSite(files: [
        "content/posts/hello.markdown": post("Hello", date: "2026-01-05"),
        "content/posts/2026-02-01-dated.MD": "---\ntitle: Dated\n---\nBody.\n",
        "content/posts/trip/index.markdown": post("Trip", date: "2026-01-10", body: "![map](map.svg)"),
        "content/posts/trip/map.svg": "<svg/>",
        "content/posts/trip/notes.md": "# notes",
        "content/posts/2024/nested.md": post("Nested", date: "2024-01-01"),
        "content/posts/2024/pic.png": "PNG",
        "content/posts/photo.jpg": "JPG",
        "content/uses.markdown": "---\ntitle: Uses\n---\nTools.\n",
        "content/logo.png": "PNG",
        "content/drafts/idea.md": "---\ntitle: Idea\n---\n",
        "content/.DS_Store": "junk",
        "content/posts/.hello.md.swp": "junk",
    ])
}

@Test(".markdown files (any case of the extension) are Markdown: posts, bundles and pages")
func markdownExtensionIsRead() async throws {
    let site = try misplacedSite()
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("posts/hello/index.html").contains("<h1>Hello</h1>"))
    #expect(result.text("posts/dated/index.html").contains("<h1>Dated</h1>"), "the date comes from the name of a .MD file")
    #expect(result.text("posts/trip/index.html").contains(#"<img src="map.svg""#))
    #expect(result.has("posts/trip/map.svg"))
    #expect(result.text("uses/index.html").contains("<h1>Uses</h1>"))
    #expect(!result.has("posts/nested/index.html") && !result.has("posts/2024/pic.png") && !result.has("photo.jpg"))
}

@Test("Content that is skipped or copied unrendered is reported, one warning per file, sorted")
func misplacedContentIsWarnedAbout() async throws {
    let site = try misplacedSite()
    defer { site.cleanUp() }
    let warnings = try await site.build().warnings
    let root = site.root.relativePath
    #expect(warnings.map(\.path) == [
        "content/drafts/idea.md", "content/logo.png", "content/posts/2024/nested.md", "content/posts/2024/pic.png",
        "content/posts/photo.jpg", "content/posts/trip/notes.md",
    ].map { root + "/" + $0 })
    let byFile = Dictionary(uniqueKeysWithValues: warnings.map { (String($0.path.dropFirst(root.count + 1)), $0.message) })
    #expect(byFile["content/posts/2024/nested.md"]!.contains("not a post: content/posts/2024/ has no index.md"))
    #expect(byFile["content/posts/2024/nested.md"]!.contains("move the file up to content/posts/"))
    #expect(byFile["content/drafts/idea.md"]!.contains("not a page: content/drafts/ has no index.md"))
    #expect(byFile["content/drafts/idea.md"]!.hasSuffix("(posts go in content/posts/)"))
    #expect(!byFile["content/posts/2024/nested.md"]!.contains("posts go in"))
    #expect(byFile["content/posts/2024/pic.png"]!.hasPrefix("not copied"))
    #expect(byFile["content/posts/photo.jpg"]!.hasPrefix("not used") && byFile["content/logo.png"]!.hasPrefix("not used"))
    #expect(byFile["content/posts/trip/notes.md"]!.hasPrefix("copied as a file, not rendered"))
    #expect(warnings.first!.description == "\(root)/content/drafts/idea.md: \(byFile["content/drafts/idea.md"]!)")
}

@Test("A clean site has no warnings, and a rebuild keeps the warnings in step with the folder")
func warningsFollowRebuilds() async throws {
    let site = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-01")])
    defer { site.cleanUp() }
    let session = site.session()
    #expect(try await session.build().warnings.isEmpty)
    try site.write("content/posts/2025/b.md", post("B", date: "2025-01-01"))
    var result = try await session.rebuild(changedPaths: ["content/posts/2025/b.md"])
    #expect(result.warnings.map(\.path).map { $0.hasSuffix("content/posts/2025/b.md") } == [true])
    // A text-only edit of another post keeps the warning.
    try site.write("content/posts/a.md", post("A", date: "2026-01-01", body: "Edited."))
    result = try await session.rebuild(changedPaths: ["content/posts/a.md"])
    #expect(result.warnings.count == 1)
    // Making the folder a bundle turns the file into one of its (reported) Markdown assets.
    try site.write("content/posts/2025/index.md", post("Year", date: "2025-12-31"))
    result = try await session.rebuild(changedPaths: ["content/posts/2025/index.md"])
    #expect(result.warnings.map(\.message).map { $0.hasPrefix("copied as a file") } == [true])
    try site.remove("content/posts/2025")
    result = try await session.rebuild(changedPaths: ["content/posts/2025"])
    #expect(result.warnings.isEmpty)
}

@Test("Files in templates/ that are neither .mustache templates nor static/ files are reported")
func unusedTemplateFilesAreWarnedAbout() async throws {
    let site = try FixtureSite(files: [
        "templates/post.html": "<h1>{{title}}</h1>",
        "templates/static/notes.txt": "copied",
        "templates/partials/pager.mustache": "{{#pagination}}{{current}}{{/pagination}}",
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.warnings.map(\.path) == [site.root.relativePath + "/templates/post.html"])
    #expect(result.warnings.first?.message.hasPrefix("not used: templates/ holds .mustache templates") == true)
    #expect(result.has("notes.txt"))
}

@Test("Hugo's _index.md files are reported, not turned into a page at /index/ or a dateless post")
func hugoSectionFilesAreWarnedAbout() async throws {
    let site = try FixtureSite(files: [
        "content/_index.md": "---\ntitle: Welcome\n---\nHi.\n",
        "content/posts/_index.md": "---\ntitle: Posts\n---\n",
        "content/posts/a.md": post("A", date: "2026-01-01"),
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(!result.has("index/index.html"))
    #expect(result.warnings.map { String($0.path.dropFirst(site.root.relativePath.count + 1)) } == ["content/_index.md", "content/posts/_index.md"])
    #expect(result.warnings.allSatisfy { $0.message.hasPrefix("not used: _index.md is a Hugo section file") })
}
