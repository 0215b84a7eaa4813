import Foundation
import Testing
@testable import SiteCheck

private func check(_ files: [String: String]) async throws -> SiteCheckReport {
    let fixture = try Fixture(files)
    defer { fixture.remove() }
    return try await SiteCheck.check(outputDirectory: fixture.url)
}

private func brokenReferences(_ report: SiteCheckReport) -> [String] { report.broken.map(\.reference) }

@Test func missingFolderThrowsTypedError() async {
    let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/public")
    await #expect(throws: SiteCheckError.outputFolderMissing(path: missing.path)) {
        try await SiteCheck.check(outputDirectory: missing)
    }
}

@Test func fileInsteadOfFolderThrows() async throws {
    let fixture = try Fixture(["file.txt": "x"])
    defer { fixture.remove() }
    let file = fixture.url.appendingPathComponent("file.txt")
    await #expect(throws: SiteCheckError.outputIsNotAFolder(path: file.path)) {
        try await SiteCheck.check(outputDirectory: file)
    }
}

@Test func cleanSitePasses() async throws {
    let report = try await check([
        "index.html": """
            <!doctype html><html><head><link rel="stylesheet" href="css/style.css"><title>a < b</title></head>
            <body><a href="posts/a/">A</a> <a href="./">home</a> <a href="posts/a/index.html">A again</a>
            <img src="img/x.png" alt=""></body></html>
            """,
        "posts/a/index.html": "<a href=\"../../\">up</a><a href=\"../../index.html\">home</a><a href='.'>self</a>",
        "css/style.css": "body { background: url(../img/x.png) }",
        "img/x.png": "png",
    ])
    #expect(report.broken == [])
    #expect(report.pagesChecked == 3)
    #expect(report.referencesChecked == 9)
}

@Test func reportsMissingFilesWithResolvedPath() async throws {
    let report = try await check([
        "posts/a/index.html": "<p>\n<a href=\"../b/\">B</a>\n<img src=\"pic.jpg\"></p>",
        "posts/c/index.html": "",
    ])
    #expect(report.broken.map(\.description) == [
        "posts/a/index.html: broken link ../b/ (no such file: posts/b/index.html)",
        "posts/a/index.html: broken link pic.jpg (no such file: posts/a/pic.jpg)",
    ])
    #expect(report.broken.map(\.line) == [2, 3])
    #expect(report.broken.allSatisfy { $0.kind == .missingTarget })
}

@Test func everyAttributeKindIsChecked() async throws {
    let report = try await check([
        "index.html": """
            <a href="a1">x</a><link rel="icon" href="a2"><img src="a3"><script src="a4"></script>
            <video poster="a5" src="a6"><source src="a7" srcset="a8 1x, a9 2x"></video>
            <div style="background-image: url('a10')"></div>
            <style>@import "a11"; .x { background: url(a12) } @import url("a13");</style>
            <meta http-equiv="refresh" content="0; url=a14">
            """,
    ])
    #expect(brokenReferences(report) == (1...14).map { "a\($0)" })
}

@Test func externalFragmentAndEmptyReferencesAreSkipped() async throws {
    let report = try await check([
        "index.html": """
            <a href="https://example.com/x">e</a><a href="mailto:me@example.com">m</a>
            <a href="tel:+123">t</a><a href="javascript:void(0)">j</a><img src="data:image/png;base64,AAA">
            <a href="//cdn.example.com/x.js">p</a><a href="#top">f</a><a href="">empty</a><a href>bare</a>
            <a href="HTTPS://EXAMPLE.COM">E</a><a href="ipfs://bafy/x">i</a>
            """,
    ])
    #expect(report.broken == [])
    #expect(report.referencesChecked == 0)
}

@Test func rootAbsoluteReferencesAreErrors() async throws {
    let report = try await check([
        "index.html": "<a href=\"/about/\">about</a><img src=\"/img/x.png\">",
        "about/index.html": "",
        "img/x.png": "",
    ])
    #expect(brokenReferences(report) == ["/about/", "/img/x.png"])
    #expect(report.broken.allSatisfy { $0.kind == .rootAbsolute })
    #expect(report.broken[0].reason.contains("page-relative"))
}

@Test func theRootNotFoundPageResolvesRootRelativeReferencesFromTheRoot() async throws {
    let report = try await check([
        "404.html": "<a href=\"/\">home</a><a href=\"/about/\">about</a><link href=\"/css/s.css\"><a href=\"/gone/\">x</a><a href=\"/#top\">top</a>",
        "index.html": "<p id=\"top\">",
        "about/index.html": "",
        "css/s.css": "",
        // Deeper 404 pages get no such pass: only the root one is served in place of missing pages.
        "sub/404.html": "<a href=\"/about/\">about</a>",
    ])
    #expect(report.broken.map { "\($0.page) \($0.reference) \($0.kind)" } == [
        "404.html /gone/ missingTarget",
        "sub/404.html /about/ rootAbsolute",
    ])
}

@Test func referencesEscapingTheRootAreBroken() async throws {
    let report = try await check([
        "index.html": "<a href=\"../outside.html\">x</a>",
        "posts/a/index.html": "<a href=\"../../../x/\">x</a><a href=\"../../index.html\">ok</a>",
    ])
    #expect(report.broken.map(\.page) == ["index.html", "posts/a/index.html"])
    #expect(report.broken.allSatisfy { $0.kind == .escapesRoot })
}

@Test func directoryURLsResolveThroughIndexHTML() async throws {
    let report = try await check([
        "index.html": "<a href=\"docs/\">ok</a><a href=\"docs\">ok too</a><a href=\"empty/\">no index</a>",
        "docs/index.html": "",
        "empty/readme.txt": "",
    ])
    #expect(report.broken.map(\.description) == [
        "index.html: broken link empty/ (no such file: empty/index.html)",
    ])
}

@Test func queryAndFragmentAreDroppedAndPercentEncodingDecoded() async throws {
    let report = try await check([
        "index.html": """
            <a href="my%20file.html?x=1#top">ok</a><a href="caf%C3%A9/?v=2">ok</a>
            <link href="css/s.css?v=abc123" rel="stylesheet"><a href="?page=2">self</a>
            <a href="a&amp;b.html">entity</a>
            """,
        "my file.html": "<h1 id=\"top\">t</h1>",
        "café/index.html": "",
        "css/s.css": "",
        "a&b.html": "",
    ])
    #expect(report.broken == [])
    #expect(report.referencesChecked == 5)
}

@Test func srcsetListsCheckEachCandidate() async throws {
    let report = try await check([
        "index.html": """
            <img srcset="small.jpg 480w, missing.jpg 800w,big.jpg 2x" src="small.jpg">
            <picture><source srcset="  a.webp,  gone.webp 2x "></picture>
            """,
        "small.jpg": "", "big.jpg": "", "a.webp": "",
    ])
    #expect(brokenReferences(report) == ["missing.jpg", "gone.webp"])
}

@Test func cssURLsQuotedUnquotedAndImports() async throws {
    let report = try await check([
        "css/site.css": """
            /* url(commented-out.png) is ignored */
            @import "base.css";
            @import url(missing-import.css);
            .a { background: url( "../img/a.png" ) }
            .b { background: URL('../img/b.png') }
            .c { background: url(../img/c.png) }
            .d { background: url(../img/gone.png) }
            .e { content: "url(not-a-reference)" }
            .f { background: url(data:image/png;base64,AAAA) }
            """,
        "css/base.css": "",
        "img/a.png": "", "img/b.png": "", "img/c.png": "",
    ])
    #expect(brokenReferences(report) == ["missing-import.css", "../img/gone.png"])
    #expect(report.broken.map(\.line) == [3, 7])
}

@Test func commentsAndScriptsAreNotScanned() async throws {
    let report = try await check([
        "index.html": """
            <!-- <a href="in-comment.html"> -->
            <script>document.write('<a href="in-script.html">')</script>
            <textarea><img src="in-textarea.png"></textarea>
            <a href="real-missing.html">x</a>
            """,
    ])
    #expect(brokenReferences(report) == ["real-missing.html"])
}

@Test func fragmentsMustExistOnTargetPage() async throws {
    let report = try await check([
        "index.html": """
            <a href="post.html#intro">ok</a><a href="post.html#legacy">ok by name</a>
            <a href="post.html#nope">bad</a><a href="post.html#caf%C3%A9">ok encoded</a>
            <a href="img.png#x">not html, unchecked</a>
            """,
        "post.html": "<h2 id=\"intro\">Intro</h2><a name=\"legacy\"></a><h2 id='café'>c</h2><input name=\"nope\">",
        "img.png": "",
    ])
    #expect(report.broken.map(\.description) == [
        "index.html: broken fragment post.html#nope (no id or name \"nope\" in post.html)",
    ])
    #expect(report.broken.first?.kind == .missingFragment)
}

@Test func findingsAreSortedByPageBytesThenPosition() async throws {
    let report = try await check([
        "b/index.html": "<a href=\"z\">1</a><a href=\"y\">2</a>",
        "a/index.html": "<a href=\"x\">1</a>",
        "Z.html": "<a href=\"w\">1</a>",
        "a.html": "<a href=\"v\">1</a>",
    ])
    #expect(report.broken.map(\.page) == ["Z.html", "a.html", "a/index.html", "b/index.html", "b/index.html"])
    #expect(brokenReferences(report) == ["w", "v", "x", "z", "y"])
}

@Test func unquotedAndUppercaseAttributes() async throws {
    let report = try await check([
        "index.html": "<A HREF=missing.html>x</A><IMG SRC = 'there.png' ALT=x/><br/><a href=ok.html >",
        "there.png": "", "ok.html": "",
    ])
    #expect(brokenReferences(report) == ["missing.html"])
}

@Test func manyPagesCheckedInParallelAreDeterministic() async throws {
    var files: [String: String] = [:]
    for i in 0..<300 {
        files["p/\(i)/index.html"] = "<a href=\"../\(i + 1)/\">next</a><img src=\"../../img/\(i % 7).png\">"
    }
    for i in 0..<5 { files["img/\(i).png"] = "" }
    let first = try await check(files)
    let second = try await check(files)
    #expect(first.broken == second.broken)
    #expect(first.pagesChecked == 300)
    #expect(first.referencesChecked == 600)
    // p/299 links to a missing p/300; images 5 and 6 are missing for every page i % 7 in {5, 6}.
    let missingImages = (0..<300).filter { $0 % 7 >= 5 }.count
    let missing = first.broken.filter { $0.kind == .missingTarget }.count
    #expect(missing == 1 + missingImages)
    let pages = first.broken.map { Array($0.page.utf8) }
    #expect(pages == pages.sorted { $0.lexicographicallyPrecedes($1) })
}
