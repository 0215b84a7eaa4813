import Foundation
import Testing
import TestSupport
@testable import SiteBuilder

/// Byte-level fast paths must give exactly what the Character- and Foundation-based code they
/// replace gives, on tricky Unicode too.
@Suite struct ByteFastPathTests {
    static let pieces = [
        "word", "Wörd", "e\u{301}", " \u{301}", ">\u{338}", "<\u{338}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "\r\n", "\n", "\t",
        "\u{B}", "\u{C}", " ", "  ", "👩‍👩‍👧", "👍🏽", "🇩🇪", "❤️", "&lt;", "&gt;", "&amp;", "&amp;lt;", "&quot;", "&#39;", "&nbsp;",
        "&nb", "&lt\u{37E}", "\u{37E}", "<p>", "</p>", "<a href=\"x\">", "<b", ">", "<", "&", ";", "“quoted”", "l’été", "日本語",
        "한국어", "\u{0600}", "\u{0D4E}", "\u{111C2}", "x\u{200D}y", "\u{FE0F}", "Ǆ", "…", "½", "$", "€", "\u{1F}", "\u{0}",
    ]

    static func randomText(_ generator: inout SplitMix64, maxPieces: Int = 14) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...maxPieces, using: &generator) { text += pieces.randomElement(using: &generator)! }
        return text
    }

    @Test func plainTextMatchesTheCharacterVersion() {
        var generator = SplitMix64(seed: 7)
        var byBytes = 0
        for round in 0..<6000 {
            let html = Self.randomText(&generator)
            let limit = [1, 3, 8, 20, 200][round % 5]
            let expected = HTMLText.plainTextByCharacters(html, limit: limit)
            #expect(HTMLText.plainText(html, limit: limit) == expected, "\(html.debugDescription) limit \(limit)")
            if let fast = HTMLText.plainTextByBytes(html, limit: limit) {
                byBytes += 1
                #expect(fast == expected, "\(html.debugDescription) limit \(limit)")
            }
        }
        // The fast path is the common one, not a corner.
        #expect(byBytes > 1000)
        let typical = "<p>“Hello,” she said &amp; left — it’s <em>fine</em>.&nbsp;Naïve café 日本語 👍 done</p>"
        #expect(HTMLText.plainTextByBytes(typical, limit: 200) == HTMLText.plainTextByCharacters(typical, limit: 200))
        #expect(HTMLText.plainTextByBytes(typical, limit: 200) == "“Hello,” she said & left — it’s fine . Naïve café 日本語 👍 done")
        #expect(HTMLText.plainTextByBytes(typical, limit: 16) == "“Hello,” she…")
        // Combining marks after a space or `>`, and non-ASCII spaces, take the Character path.
        #expect(HTMLText.plainTextByBytes("a \u{301}b", limit: 20) == nil)
        #expect(HTMLText.plainTextByBytes("a\u{A0}b", limit: 20) == nil)
        #expect(HTMLText.plainText("a\u{A0}b \u{301}c", limit: 20) == "a b c")
    }

    @Test func trimmingWhitespaceMatchesFoundation() {
        var generator = SplitMix64(seed: 11)
        let edges = ["", " ", "\t", "\u{A0}", "\u{3000}", "\u{301}", "x", "é", "\n", "\r\n", "👍🏽"]
        for _ in 0..<3000 {
            let text = edges.randomElement(using: &generator)! + Self.randomText(&generator, maxPieces: 4) + edges.randomElement(using: &generator)!
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(text.dropFirst(0).trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test func encodingSkipsOnlyWhatNeedsNothing() {
        func reference(_ text: String, keeping extra: Set<UInt8>) -> String {
            let safe = Set(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@".utf8)).union(extra)
            return text.utf8.map { safe.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        }
        var generator = SplitMix64(seed: 3)
        for text in ["go", "c++", "a b", "100%", "x/y", "naïve", "日本", "a?b#c", "", "[x]"] + (0..<500).map({ _ in Self.randomText(&generator, maxPieces: 3) }) {
            #expect(SiteURLs.encode(text) == reference(text, keeping: []), "\(text.debugDescription)")
            #expect(SiteURLs.encodePreservingEscapes(text) == reference(text, keeping: [0x25, 0x2F]), "\(text.debugDescription)")
        }
    }

    @Test func rewritingToDataMatchesRewritingToString() {
        let urls = SiteURLs(baseURL: "https://blog.example.com/")
        let rewriter = urls.outputRewriter(for: "/posts/a/")
        for html in [
            "<a href=\"/posts/b/\">b</a> é 👍", "<p>nothing to do ✓</p>", "", "<img src=\"https://blog.example.com/x.png\" srcset=\"/a.png 2x\">",
        ] {
            #expect(rewriter.rewriteHTMLData(Array(html.utf8)) == Data(rewriter.rewriteHTML(html).utf8), "\(html)")
        }
    }
}

@Test func resolvingByBytesMatchesResolvingByCharacters() {
    var generator = SplitMix64(seed: 5)
    let parts = ["a", "b.png", ".", "..", "", "/", "?q=1", "#frag", "x%20y", "é", "e\u{301}", "\r\n", "./", "../", "?", "#", ";"]
    let bases = ["/", "/posts/a/", "/posts/a/index.html", "/a/b/c/", "/about", "", "posts/x/", "/é/"]
    for _ in 0..<4000 {
        var url = ""
        for _ in 0..<Int.random(in: 1...6, using: &generator) { url += parts.randomElement(using: &generator)! }
        for base in bases {
            #expect(SiteURLs.resolve(url[...], against: base) == SiteURLs.resolveByCharacters(url[...], against: base), "\(url.debugDescription) \(base)")
        }
    }
    #expect(SiteURLs.resolve("../b/img.png?x#y", against: "/posts/a/") == "/posts/b/img.png?x#y")
    #expect(SiteURLs.resolve("./", against: "/posts/a/index.html") == "/posts/a/")
}
