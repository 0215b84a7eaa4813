/// Escaping and tag stripping for text that goes into HTML and XML.
enum HTMLText {
    /// Escapes `& < > "` (and `'`) for element content and attribute values.
    static func escape(_ text: String) -> String {
        // Most text (URLs, titles) needs nothing: check bytes before building a copy.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 == 0xEF }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                // XML 1.0 forbids most control characters; drop them rather than emit a broken feed.
                if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" { continue }
                if scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed,
    /// cut at a word boundary after `limit` characters (with `…`).
    static func plainText(_ html: String, limit: Int) -> String {
        var text = ""
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false }
            } else if character == "<" {
                inTag = true
                text.append(" ")
            } else {
                text.append(character)
            }
        }
        let entities = [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&")]
        for (entity, replacement) in entities where text.contains(entity) {
            text = text.replacingOccurrences(of: entity, with: replacement)
        }
        let words = text.split(whereSeparator: { $0.isWhitespace })
        var result = ""
        for word in words {
            if result.count + word.count + 1 > limit, !result.isEmpty { return result + "…" }
            if !result.isEmpty { result += " " }
            result += word
        }
        return result
    }
}

import Foundation
