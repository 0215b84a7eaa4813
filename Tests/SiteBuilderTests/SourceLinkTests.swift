import Foundation
import Testing
@testable import SiteBuilder

private func files(linkingBody: String) -> [String: String] {
    [
        "content/posts/2026-01-03-linking.md": post("Linking", date: "2026-01-03", body: linkingBody),
        "content/posts/2026-01-02-target.md": post("Target", date: "2026-01-02", extra: "slug: the-target\n", body: "## Part two\n\nHere."),
        "content/about.md": "---\ntitle: About\n---\nHi\n",
    ]
}

@Test func linksToMarkdownSourcesLeadToTheirPagesEverywhere() async throws {
    let body = """
        See [the target](2026-01-02-target.md#part-two), [about](../about.md), \
        [by ref]({{< ref "2026-01-02-target.md" >}}) and [from content]({{< ref "/about.md" >}}).
        """
    let site = try FixtureSite(files: files(linkingBody: body), themeOnly: true)
    defer { site.cleanUp() }
    let result = try await site.build()
    let page = result.text("posts/linking/index.html")
    #expect(page.contains(#"<a href="../the-target/#part-two">the target</a>"#))
    #expect(page.contains(#"<a href="../../about/">about</a>"#))
    #expect(page.contains(#"<a href="../the-target/">by ref</a>"#))
    #expect(page.contains(#"<a href="../../about/">from content</a>"#))
    #expect(!page.contains(".md"))
    // On the home page (the summary) and in the feed, from their own places.
    #expect(result.text("index.html").contains(#"<a href="posts/the-target/#part-two">the target</a>"#))
    #expect(result.text("atom.xml").contains("https://blog.example.com/posts/the-target/#part-two"))
}

@Test func aTargetThatMovesTakesItsLinksAlong() async throws {
    let site = try FixtureSite(files: files(linkingBody: "See [it](2026-01-02-target.md)."), themeOnly: true)
    defer { site.cleanUp() }
    let session = site.session()
    #expect(try await session.build().text("posts/linking/index.html").contains(#"href="../the-target/""#))
    try site.write("content/posts/2026-01-02-target.md", post("Target", date: "2026-01-02", extra: "slug: moved\n", body: "Here."))
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/2026-01-02-target.md"])
    #expect(rebuilt.text("posts/linking/index.html").contains(#"href="../moved/""#), "the linking post was made again")
    let fresh = try await site.build()
    for path in fresh.output.paths {
        #expect(try rebuilt.output.files[path]?.data() == fresh.output.files[path]?.data(), "\(path) differs from a fresh build")
    }
}

@Test func aLinkToNoPageNamesItsLine() async throws {
    var sources = files(linkingBody: "Fine.\n\nBut [this](2025-12-31-gone.md) is not.")
    sources["content/posts/2026-01-01-draft.md"] = post("Draft", date: "2026-01-01", extra: "draft: true\n")
    let site = try FixtureSite(files: sources, themeOnly: true)
    defer { site.cleanUp() }
    let error = await site.buildError()
    #expect(error?.hasSuffix("content/posts/2026-01-03-linking.md:8:12: the link to content/posts/2025-12-31-gone.md leads to no post or page of this build (a missing file, a draft or a future post)") == true, "\(error ?? "")")
    try site.write("content/posts/2026-01-03-linking.md", post("Linking", date: "2026-01-03", body: "A [draft](2026-01-01-draft.md)."))
    #expect(await site.buildError()?.contains("the link to content/posts/2026-01-01-draft.md leads to no post or page") == true)
}
