import Foundation
import SiteImport
import Testing

@Test func aNonEmptyDestinationIsRefusedAndLeftAlone() throws {
    let source = HugoFixture.make()
    defer { source.removeTemporaryRoot() }
    let destination = SiteFolder(url: source.url.deletingLastPathComponent().appendingPathComponent("taken"))
    destination.write("notes.txt", "mine")
    #expect(throws: ImportError.destinationNotEmpty(path: destination.url.path)) {
        try SiteImporter.run(.hugo, source: source.url, destination: destination.url)
    }
    #expect(destination.allFiles() == ["notes.txt"])
    #expect(ImportError.destinationNotEmpty(path: "/x/site").description == "/x/site is not empty: import into a new or empty folder")
    // Nothing was staged beside it either.
    let beside = try FileManager.default.contentsOfDirectory(atPath: source.url.deletingLastPathComponent().path)
    #expect(beside.sorted() == ["hugo", "taken"])
}

@Test func anEmptyDestinationFolderIsFilled() throws {
    let source = ZolaFixture.make()
    defer { source.removeTemporaryRoot() }
    let destination = SiteFolder(url: source.url.deletingLastPathComponent().appendingPathComponent("empty"))
    try FileManager.default.createDirectory(at: destination.url, withIntermediateDirectories: true)
    _ = try SiteImporter.run(.zola, source: source.url, destination: destination.url)
    #expect(destination.exists("site.yml") && destination.exists("IMPORT-REPORT.md") && destination.exists("content/about.md"))
}

@Test func invalidFrontMatterStopsTheImportAtItsLineAndWritesNothing() throws {
    let source = HugoFixture.make()
    defer { source.removeTemporaryRoot() }
    source.write("content/posts/broken.md", "---\ntitle: Broken\ntags: [a, b\n---\nText.\n")
    let destination = source.url.deletingLastPathComponent().appendingPathComponent("out")
    do {
        _ = try SiteImporter.run(.hugo, source: source.url, destination: destination)
        Issue.record("the import should have failed")
    } catch {
        guard case .invalid(let location, _) = error else { Issue.record("unexpected \(error)"); return }
        #expect(location.file == "content/posts/broken.md")
        #expect(location.line == 4)
        #expect(location.column != nil)
        #expect("\(error)".hasPrefix("content/posts/broken.md:4:"))
        #expect(!"\(error)".contains("\n"))
    }
    #expect(!FileManager.default.fileExists(atPath: destination.path))
    let beside = try FileManager.default.contentsOfDirectory(atPath: source.url.deletingLastPathComponent().path)
    #expect(beside == ["hugo"])
}

@Test func invalidTOMLConfigAndBadDatesAreErrorsAtTheirLine() throws {
    let zola = ZolaFixture.make()
    defer { zola.removeTemporaryRoot() }
    zola.write("config.toml", "title = \"x\"\nbase_url = \n")
    #expect {
        try SiteImporter.run(.zola, source: zola.url, destination: zola.url.deletingLastPathComponent().appendingPathComponent("out"))
    } throws: { error in
        guard case ImportError.invalid(let location, _) = error else { return false }
        return location.file == "config.toml" && location.line == 2
    }
    let hugo = HugoFixture.make()
    defer { hugo.removeTemporaryRoot() }
    hugo.write("content/posts/bad-date.md", "+++\ntitle = \"Bad\"\ndate = \"last tuesday\"\n+++\n")
    #expect {
        try SiteImporter.run(.hugo, source: hugo.url, destination: hugo.url.deletingLastPathComponent().appendingPathComponent("out"))
    } throws: { error in
        "\(error)" == "content/posts/bad-date.md:3: date 'last tuesday' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with an optional offset)"
    }
}

@Test func aFolderWithoutConfigIsNotASite() throws {
    let folder = SiteFolder.temporary("plain")
    defer { folder.removeTemporaryRoot() }
    folder.write("content/a.md", "---\ntitle: A\n---\n")
    #expect {
        try SiteImporter.run(.hugo, source: folder.url, destination: folder.url.deletingLastPathComponent().appendingPathComponent("out"))
    } throws: { error in
        "\(error)".hasSuffix("no Hugo config (hugo.toml, hugo.yaml, config.toml or config.yaml)")
    }
}
