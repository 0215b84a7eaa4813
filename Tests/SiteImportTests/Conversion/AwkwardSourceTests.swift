import Foundation
@testable import SiteImport
import Testing

/// Things Hugo accepts that blogctl would refuse: the import fixes or drops them (reported) so
/// the imported site still builds.
@Test func whatBlogctlWouldRefuseIsFixedAndReported() async throws {
    let source = SiteFolder.temporary("hugo")
    defer { source.removeTemporaryRoot() }
    source.write("config.toml", "baseURL = \"https://e.example/\"\ntitle = \"E\"\nlanguageCode = \"en_US\"\n")
    source.write("content/posts/untitled.md", "---\ntitle: \"\"\ndate: 2024-01-01\naliases: [/old.php?id=3, /kept/]\n---\nText.\n")
    source.write("content/posts/symbols.md", "---\ntitle: Symbols\ndate: 2024-01-02\nslug: \"!!!\"\n---\nText.\n")
    let destination = SiteFolder(url: source.url.deletingLastPathComponent().appendingPathComponent("out"))
    let report = try SiteImporter.run(.hugo, source: source.url, destination: destination.url)
    let lines = report.sortedItems.map(\.description)
    #expect(lines.contains("content/posts/untitled.md:2: empty title: 'untitled' used; write the real one"))
    #expect(lines.contains { $0.hasPrefix("content/posts/untitled.md:1: aliases /old.php?id=3 dropped") })
    #expect(lines.contains { $0.hasPrefix("content/posts/symbols.md:1: slug '!!!' has no letters or digits") })
    let untitled = try #require(destination.frontMatter("content/posts/untitled.md")).matter
    #expect(untitled["title"] as? String == "untitled")
    #expect(untitled["aliases"] as? [String] == ["/kept/"])
    #expect(SiteFolder.yaml(try #require(destination.text("site.yml")))?["language"] as? String == "en-US")
    let build = try await destination.build()
    let output = SiteFolder(url: build.outputDirectory)
    // Hugo's URLs: /posts/<file name>/ with no permalinks; `!!!` urlizes to nothing, so Hugo uses the file name.
    #expect(output.exists("posts/untitled/index.html"))
    #expect(output.exists("kept/index.html"))
    #expect(output.exists("posts/symbols/index.html"))
}

@Test func aSlugWithoutLettersFallsBackToTheFileName() {
    let page = HugoPermalink.Page(title: "Symbols", slug: "!!!", date: nil, sections: ["posts"], baseName: "symbols")
    #expect(HugoPermalink.defaultURL(page: page, lowercase: true) == "/posts/symbols/")
}
