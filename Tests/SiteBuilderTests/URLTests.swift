import Testing
@testable import SiteBuilder

@Test func relativeLinksBetweenSitePaths() {
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/img/x.png") == "../../img/x.png")
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/posts/a/") == "./")
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/posts/b/") == "../b/")
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/") == "../../")
    #expect(SiteURLs.relative(from: "/", to: "/") == "./")
    #expect(SiteURLs.relative(from: "/", to: "/css/style.css") == "css/style.css")
    #expect(SiteURLs.relative(from: "/404.html", to: "/tags/") == "tags/")
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/posts/a/pic.png") == "pic.png")
    #expect(SiteURLs.relative(from: "/tags/x/page/2/", to: "/tags/x/") == "../../")
    #expect(SiteURLs.relative(from: "/posts/a/", to: "/posts/b/#top") == "../b/#top")
    #expect(SiteURLs.relative(from: "/css/style.css", to: "/img/a.png?v=1") == "../img/a.png?v=1")
}

@Test func pathsForPageKindsAndOutputFiles() {
    #expect(SiteURLs.home(page: 1) == "/" && SiteURLs.home(page: 3) == "/page/3/")
    #expect(SiteURLs.tag(slug: "swift", page: 2) == "/tags/swift/page/2/")
    #expect(SiteURLs.post(slug: "héllo wörld") == "/posts/h%C3%A9llo%20w%C3%B6rld/")
    #expect(SiteURLs.outputFile(for: "/") == "index.html")
    #expect(SiteURLs.outputFile(for: "/posts/a/") == "posts/a/index.html")
    #expect(SiteURLs.outputFile(for: "/posts/%C3%A9/") == "posts/é/index.html")
    #expect(SiteURLs.outputFile(for: "/404.html") == "404.html")
    #expect(SiteURLs.normalize(userPath: "old/path") == "/old/path/")
    // Zola's `path = "2025/06/26/hello"` is a folder; only a real extension makes a file.
    #expect(SiteURLs.normalize(userPath: "2025/06/26/hello") == "/2025/06/26/hello/")
    #expect(SiteURLs.normalize(userPath: "/notes/release-1.0") == "/notes/release-1.0/")
    #expect(SiteURLs.normalize(userPath: "/feeds/all.atom.xml") == "/feeds/all.atom.xml")
    #expect(SiteURLs.normalize(userPath: "/.well-known") == "/.well-known/")
    #expect(SiteURLs.normalize(userPath: "/old/page.html") == "/old/page.html")
    #expect(SiteURLs.normalize(userPath: "/a/../b") == nil)
    #expect(SiteURLs(baseURL: "https://example.com/").absolute("/x/") == "https://example.com/x/")
}

@Test func slugsFoldAccentsAndPunctuation() {
    #expect(Slug.make("Swift & IPFS!") == "swift-ipfs")
    #expect(Slug.make("  Crème Brûlée  ") == "creme-brulee")
    #expect(Slug.make("C++ / Rust") == "c-rust")
    #expect(Slug.make("Ünïcödé 2026") == "unicode-2026")
    #expect(Slug.make("!!!") == "")
}

private let urls = SiteURLs(baseURL: "https://blog.example.com")

@Test func pageRelativePassRewritesOwnReferencesOnly() {
    let rewriter = urls.pageRelativeRewriter(for: "/posts/a/")
    let html = """
        <a href="/posts/b/">b</a> <a href='/'>home</a> <a href=/tags/x/>x</a>
        <a href="https://blog.example.com/about/">own</a> <a href="http://BLOG.example.com">own root</a>
        <a href="//blog.example.com/img/p.png">protocol-relative</a>
        <a href="https://other.example.com/x">external</a> <a href="https://blog.example.com.evil.org/x">lookalike</a>
        <a href="#section">fragment</a> <a href="mailto:a@b.c">mail</a> <a href="pic.png">relative</a>
        <img src="/img/a.png" srcset="/img/a.png 1x, /img/a@2x.png 2x, https://cdn.example.org/c.png 3x">
        <video poster="/img/poster.jpg" src="/v.mp4"></video>
        <div style="background: url('/img/bg.png')"></div>
        <style>body { background: url(/img/body.png); } .x { background: url("/img/x.png") }</style>
        <link rel="canonical" href="https://blog.example.com/posts/a/">
        <pre><code><a href="/posts/b/">code</a></code></pre> <code>src="/img/a.png"</code>
        <!-- <a href="/commented/"> -->
        <script>var a = '<a href="/scripted/">';</script>
        """
    let out = rewriter.rewriteHTML(html)
    #expect(out.contains(##"<a href="../b/">b</a> <a href='../../'>home</a> <a href=../../tags/x/>x</a>"##))
    #expect(out.contains(##"<a href="../../about/">own</a> <a href="../../">own root</a>"##))
    #expect(out.contains(##"<a href="../../img/p.png">protocol-relative</a>"##))
    #expect(out.contains(##"<a href="https://other.example.com/x">external</a> <a href="https://blog.example.com.evil.org/x">lookalike</a>"##))
    #expect(out.contains(##"<a href="#section">fragment</a> <a href="mailto:a@b.c">mail</a> <a href="pic.png">relative</a>"##))
    #expect(out.contains(##"<img src="../../img/a.png" srcset="../../img/a.png 1x, ../../img/a@2x.png 2x, https://cdn.example.org/c.png 3x">"##))
    #expect(out.contains(##"<video poster="../../img/poster.jpg" src="../../v.mp4"></video>"##))
    #expect(out.contains(#"url('../../img/bg.png')"#))
    #expect(out.contains(#"url(../../img/body.png)"#) && out.contains(#"url("../../img/x.png")"#))
    #expect(out.contains(##"<link rel="canonical" href="https://blog.example.com/posts/a/">"##))
    #expect(out.contains(##"<pre><code><a href="/posts/b/">code</a></code></pre> <code>src="/img/a.png"</code>"##))
    #expect(out.contains(##"<!-- <a href="/commented/"> -->"##))
    #expect(out.contains(#"'<a href="/scripted/">'"#))
}

@Test func rewriterLeavesHTMLWithoutOwnReferencesIdentical() {
    let html = "<p>Nothing <a href=\"https://x.org/\">here</a> é ü 😀</p>"
    #expect(urls.pageRelativeRewriter(for: "/").rewriteHTML(html) == html)
}

@Test func stylesheetURLsBecomeRelativeToTheStylesheet() {
    let css = ##"@font-face { src: url("/fonts/a.woff2") format("woff2"); } body { background: url(/img/bg.png) } .x { background: url(data:image/png;base64,AAA) } .y { background: url(https://blog.example.com/img/y.png) }"##
    let out = urls.pageRelativeRewriter(for: "/css/style.css").rewriteCSS(css)
    #expect(out == ##"@font-face { src: url("../fonts/a.woff2") format("woff2"); } body { background: url(../img/bg.png) } .x { background: url(data:image/png;base64,AAA) } .y { background: url(../img/y.png) }"##)
}

@Test func contentNormalizerMakesDocumentReferencesRootAbsolute() {
    let html = ##"<img src="pic.png"><a href="../other/">o</a><a href="./">self</a><a href="https://blog.example.com/x/">x</a><a href="#fn1">1</a><a href="/tags/">t</a>"##
    let out = urls.contentNormalizer(for: "/posts/a/", sourcePath: "content/posts/a.md").rewriteHTML(html)
    #expect(out == ##"<img src="/posts/a/pic.png"><a href="/posts/other/">o</a><a href="/posts/a/">self</a><a href="/x/">x</a><a href="#fn1">1</a><a href="/tags/">t</a>"##)
}

@Test func feedRewriterMakesEverythingAbsolute() {
    let out = urls.absoluteRewriter(for: "/posts/a/").rewriteHTML(##"<img src="/img/a.png" srcset="/a.png 1x, b.png 2x"><a href="https://x.org/">x</a>"##)
    #expect(out == ##"<img src="https://blog.example.com/img/a.png" srcset="https://blog.example.com/a.png 1x, https://blog.example.com/posts/a/b.png 2x"><a href="https://x.org/">x</a>"##)
}

@Test func rewriterReadsOnlyEachTagsOwnAttributes() {
    // The attribute list's storage is reused from tag to tag: a tag with fewer attributes
    // than the one before must not see the earlier tag's leftovers.
    let rewriter = urls.pageRelativeRewriter(for: "/posts/a/")
    let html = """
        <img alt="x" title="y" data-a="1" src="/img/a.png" srcset="/img/b.png 2x"><b>bold /img/c.png</b><br>
        <LINK REL="Canonical" href="https://blog.example.com/posts/a/"><link rel="stylesheet" href="/css/site.css">
        <PRE><a href="/posts/b/">shown</a></PRE><TextArea>href="/x/"</TextArea><a href="/posts/b/">b</a>
        """
    let out = rewriter.rewriteHTML(html)
    #expect(out == """
        <img alt="x" title="y" data-a="1" src="../../img/a.png" srcset="../../img/b.png 2x"><b>bold /img/c.png</b><br>
        <LINK REL="Canonical" href="https://blog.example.com/posts/a/"><link rel="stylesheet" href="../../css/site.css">
        <PRE><a href="/posts/b/">shown</a></PRE><TextArea>href="/x/"</TextArea><a href="../b/">b</a>
        """)
}
