import HTMLEscaping
import TestSupport
import Testing

/// The three rule sets against the escapers they replace (kept here as references): what each
/// place of a site escapes must not change by a byte.
@Suite struct HTMLEscaperTests {
    /// The feeds' and sitemaps' former escaper: Unicode scalars, XML-forbidden ones dropped.
    static func xmlReference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// cmark-gfm's text escaping (the table of contents' former escaper): `& < > "` byte by byte.
    static func cmarkReference(_ text: String) -> String {
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static let samples = [
        "", "plain", "a < b & c > d", "\"quoted\" and 'single'", "tab\tnew\nline\rcr", "bell\u{7}esc\u{1B}nul\u{0}",
        "non-characters \u{FFFE}\u{FFFF} kept \u{FFFD}\u{FEFF}", "é<é", "<\u{338}", "\u{600}<", "emoji 👩‍💻 & <b>",
        "https://example.com/a?b=1&c=2", "Ünïcode & <title>",
    ]

    @Test(arguments: samples) func xmlRulesEscapeAsTheFeedsDid(_ text: String) {
        #expect(HTMLEscaper.escape(text, .xml) == Self.xmlReference(text))
    }

    @Test(arguments: samples) func cmarkRulesEscapeAsCmarkDoes(_ text: String) {
        #expect(HTMLEscaper.escape(text, .cmark) == Self.cmarkReference(text))
    }

    @Test(arguments: samples) func mustacheRulesEscapeAsSwiftMustacheDoes(_ text: String) {
        #expect(HTMLEscaper.escape(text, .mustache) == HTMLEscaper.characterEscape(text))
    }

    @Test func randomTextEscapesAsTheReferencesDo() {
        var random = SplitMix64(seed: 0x4854_4D4C)
        let pieces = ["<", ">", "&", "\"", "'", "a", " ", "é", "\u{338}", "\u{1}", "\t", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "€", "👍🏽"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(HTMLEscaper.escape(text, .xml) == Self.xmlReference(text), "\(text.debugDescription)")
            #expect(HTMLEscaper.escape(text, .cmark) == Self.cmarkReference(text), "\(text.debugDescription)")
            #expect(HTMLEscaper.escape(text, .mustache) == HTMLEscaper.characterEscape(text), "\(text.debugDescription)")
        }
    }

    @Test func textWithNothingToEscapeIsAppendedAsItIs() {
        var bytes: [UInt8] = []
        #expect(!HTMLEscaper.append("nothing here", to: &bytes, .mustache) && bytes.isEmpty)
        #expect(HTMLEscaper.append("x<y", to: &bytes, .mustache) && bytes == Array("x&lt;y".utf8))
        var text = "a"
        HTMLEscaper.append("'b'", to: &text, .cmark)
        #expect(text == "a'b'")
    }
}
