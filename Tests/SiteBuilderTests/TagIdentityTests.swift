import Foundation
import Testing
@testable import SiteBuilder

@Test("Tag slugs spell out # and + written against a word, so C, C# and C++ stay apart")
func tagSlugsKeepLanguageNamesApart() {
    let slug = { (name: String) in TagName.slug(key: TagName.key(name)) }
    #expect(slug("C") == "c")
    #expect(slug("C#") == "c-sharp")
    #expect(slug("c++") == "c-plus-plus")
    #expect(slug("F#") == "f-sharp")
    #expect(slug("Notepad++") == "notepad-plus-plus")
    #expect(slug("C++11") == "c-plus-plus-11")
    // Detached symbols are punctuation.
    #expect(slug("#hashtag") == "hashtag")
    #expect(slug("Tips + Tricks") == "tips-tricks")
    #expect(slug("Crème Brûlée") == "creme-brulee")
}

@Test("Tag names differing only in case, accents, width or spacing are one tag; others are not")
func tagIdentity() {
    #expect(TagName.key("Go") == TagName.key("go"))
    #expect(TagName.key("Self Hosting") == TagName.key("self-hosting"))
    #expect(TagName.key("self_hosting") == TagName.key("  Self   hosting "))
    #expect(TagName.key("Crème") == TagName.key("creme"))
    #expect(TagName.key("ＩＰＦＳ") == TagName.key("ipfs"))
    #expect(TagName.key("C#") != TagName.key("C"))
    #expect(TagName.key("c++") != TagName.key("c"))
    #expect(TagName.key(".NET") != TagName.key("NET"))
    #expect(TagName.display("  Self   Hosting ") == "Self Hosting")
}

@Test("C, C# and c++ get three tag pages; Go and go are one, shown with the most used spelling")
func languageTagsBuildApart() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", tags: ["C", "Go"]),
        "content/posts/b.md": post("B", date: "2026-01-02", tags: ["\"C#\"", "go"]),
        "content/posts/c.md": post("C", date: "2026-01-03", tags: ["c++", "go", "Self Hosting"]),
        "content/posts/d.md": post("D", date: "2026-01-04", tags: ["C", "self-hosting"]),
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    let c = result.text("tags/c/index.html"), sharp = result.text("tags/c-sharp/index.html"), plus = result.text("tags/c-plus-plus/index.html")
    #expect(c.contains("<h1>C 2</h1>") && c.contains(">A</a>") && c.contains(">D</a>") && !c.contains(">B</a>"))
    #expect(sharp.contains("<h1>C# 1</h1>") && sharp.contains(">B</a>") && !sharp.contains(">A</a>"))
    #expect(plus.contains("<h1>c++ 1</h1>") && plus.contains(">C</a>"))
    let go = result.text("tags/go/index.html")
    #expect(go.contains("<h1>go 3</h1>"), "\(go)")
    // A tie (one "Self Hosting", one "self-hosting"): the first spelling in byte order.
    #expect(result.text("tags/self-hosting/index.html").contains("<h1>Self Hosting 2</h1>"))
    let index = result.text("tags/index.html")
    #expect(index.contains(#"<a href="c-sharp/">C# (1)</a>"#) && index.contains(#"<a href="c/">C (2)</a>"#))
    // Posts show the merged spelling.
    #expect(result.text("posts/a/index.html").contains(#"<a href="../../tags/go/">go</a>"#))
}

@Test("Two different tags whose names make one URL fail the build, naming both tags and files")
func collidingTagsFail() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", tags: ["NET"]),
        "content/posts/b.md": post("B", date: "2026-01-02", tags: ["\".NET\""]),
        "content/posts/c.md": post("C", date: "2026-01-03", tags: ["net"]),
    ])
    defer { site.cleanUp() }
    let message = try #require(await site.buildError())
    #expect(message.contains("tag 'NET'") && message.contains("tag '.NET'") && message.contains("/tags/net/"), "\(message)")
    #expect(message.contains("content/posts/a.md") && message.contains("content/posts/b.md"), "\(message)")
    #expect(!message.contains("\n"))
}

@Test("One post listing two spellings of a tag has it once")
func duplicateSpellingsInOnePost() async throws {
    let site = try FixtureSite(files: ["content/posts/a.md": post("A", date: "2026-01-01", tags: ["Swift", "swift", "SWIFT"])])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("tags/swift/index.html").contains("<h1>Swift 1</h1>"))
    #expect(result.text("posts/a/index.html").components(separatedBy: "tags/swift/").count == 2)
}

@Test("A rebuild that introduces a tag collision fails; fixing the tag rebuilds like a fresh build")
func tagCollisionInARebuild() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01", tags: ["NET"]),
        "content/posts/b.md": post("B", date: "2026-01-02", tags: ["other"]),
    ])
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    try site.write("content/posts/b.md", post("B", date: "2026-01-02", tags: ["\".NET\""]))
    await #expect(throws: SiteBuildError.self) { try await session.rebuild(changedPaths: ["content/posts/b.md"]) }
    try site.write("content/posts/b.md", post("B", date: "2026-01-02", tags: ["dotnet"]))
    let rebuilt = try await session.rebuild(changedPaths: ["content/posts/b.md"])
    let fresh = try await site.build()
    #expect(rebuilt.output.paths == fresh.output.paths)
    #expect(rebuilt.has("tags/dotnet/index.html") && !rebuilt.has("tags/other/index.html"))
}
