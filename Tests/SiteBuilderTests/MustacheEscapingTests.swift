import HTMLEscaping
import Foundation
import Mustache
import TemplateEngine
import Testing

@testable import SiteBuilder

/// The fast escaper must match swift-mustache's own HTML escaping on every string, including
/// the ones where a `<` and a neighbouring scalar form one Character.
@Test func fastEscapingMatchesSwiftMustache() throws {
    let samples = [
        "", "plain", "a < b", "<>&\"'", "Tom & Jerry's \"show\"", "&amp;", "<<<>>>", "'", "\"",
        "café <b>", "naïve & co", "日本語<タグ>", "emoji 🎉 & more 👍🏽<", "<\u{338}", "a<\u{338}b", "\u{600}<x",
        "x\u{301}<", "<\u{301}", "e\u{301}&e\u{301}", "\r\n<\r\n", "tab\t<\t>", "\u{200D}<", "<\u{200D}",
        "🇫🇷<🇩🇪", "&\u{FE0F}", "\"\u{20DD}", String(repeating: "a<b&c ", count: 200),
    ]
    let template = try MustacheTemplate(string: "{{value}}")
    for sample in samples {
        let library = template.render(["value": sample])
        #expect(MustacheHTMLEscaping.escape(sample) == library, "escaping \(sample.debugDescription)")
        #expect(HTMLEscaper.characterEscape(sample) == library)
    }
}

/// Templates parsed by TemplateSet render `{{x}}` through the fast escaper and standalone
/// tags exactly as they were written: the added pragma line leaves no trace.
@Test func templateSetRendersLikeSwiftMustache() throws {
    let text = "{{! comment }}\n<p title=\"{{title}}\">{{title}}</p>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n{{{raw}}}\n"
    let set = try TemplateSet(themeFiles: [:], siteFiles: Dictionary(uniqueKeysWithValues: (TemplateSet.required + ["x"]).map {
        ($0 + ".mustache", (data: Data(text.utf8), displayPath: $0))
    }))
    let context: DataValue = ["title": "A <b> & 'c'", "items": ["x<y", "e\u{301}>"], "raw": "<i>"]
    var plain = MustacheLibrary()
    plain.register(try MustacheTemplate(string: text), named: "x")
    let expected = try #require(plain.render(["title": "A <b> & 'c'", "items": ["x<y", "e\u{301}>"], "raw": "<i>"] as [String: Any], withTemplate: "x"))
    #expect(try set.render("x", context) == expected)
    #expect(expected.contains("A &lt;b&gt; &amp; &#39;c&#39;") && expected.hasPrefix("<p"))
}

/// Thousands of strings built from the pieces that change grapheme boundaries (combining marks,
/// prepend characters, joiners, emoji modifiers, CR LF) around the escaped characters.
@Test func fastEscapingMatchesSwiftMustacheOnGeneratedStrings() throws {
    let pieces = [
        "<", ">", "&", "\"", "'", "a", " ", "é", "e\u{301}", "\u{301}", "\u{338}", "\u{600}", "\u{903}", "\u{200D}",
        "\u{FE0F}", "🎉", "👍🏽", "🇫🇷", "\r", "\n", "\r\n", "日", "\u{1100}", "\u{1161}", "\u{11A8}", "\t", "\u{0}",
    ]
    let template = try MustacheTemplate(string: "{{value}}")
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int(state >> 33)
    }
    for _ in 0..<3000 {
        let sample = (0..<(1 + next() % 8)).map { _ in pieces[next() % pieces.count] }.joined()
        #expect(MustacheHTMLEscaping.escape(sample) == template.render(["value": sample]), "escaping \(sample.debugDescription)")
    }
}
