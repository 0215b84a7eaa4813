/// The plain text of HTML, for descriptions.
enum HTMLText {
    /// The text of an HTML fragment: tags removed, common entities decoded, whitespace collapsed,
    /// cut at a word boundary after `limit` characters (with `…`).
    static func plainText(_ html: String, limit: Int) -> String {
        plainTextByBytes(html, limit: limit) ?? plainTextByCharacters(html, limit: limit)
    }

    /// `plainTextByCharacters` on UTF-8 bytes; nil when a scalar could join an ASCII character
    /// into one Character (a combining mark after `>` or a space, a zero-width joiner, a prepended
    /// sign) or is non-ASCII whitespace: there bytes and Characters differ, so the caller takes
    /// the Character path. Other text (any letters, digits, punctuation, symbols) gives the same
    /// result byte for byte.
    static func plainTextByBytes(_ html: String, limit: Int) -> String? {
        var text: [UInt8] = []
        text.reserveCapacity(html.utf8.count)
        var inTag = false
        if html.utf8.contains(where: { $0 >= 0x80 }) {
            for scalar in html.unicodeScalars where !scalar.isASCII {
                guard joinsNothing(scalar) else { return nil }
            }
        }
        for byte in html.utf8 {
            if inTag {
                if byte == UInt8(ascii: ">") { inTag = false }
            } else if byte == UInt8(ascii: "<") {
                inTag = true
                text.append(0x20)
            } else {
                text.append(byte)
            }
        }
        let entities: [([UInt8], UInt8)] = [
            (Array("&lt;".utf8), UInt8(ascii: "<")), (Array("&gt;".utf8), UInt8(ascii: ">")),
            (Array("&quot;".utf8), UInt8(ascii: "\"")), (Array("&#39;".utf8), UInt8(ascii: "'")),
            (Array("&nbsp;".utf8), 0x20), (Array("&amp;".utf8), UInt8(ascii: "&")),
        ]
        if text.contains(UInt8(ascii: "&")) {
            for (entity, replacement) in entities { text = replacing(entity, with: replacement, in: text) }
        }
        // Words: runs between ASCII whitespace (the only whitespace left on this path).
        var result: [UInt8] = []
        var resultCount = 0
        var index = 0
        let count = text.count
        while index < count {
            while index < count, isSpace(text[index]) { index += 1 }
            guard index < count else { break }
            let start = index
            var ascii = true
            while index < count, !isSpace(text[index]) {
                if text[index] >= 0x80 { ascii = false }
                index += 1
            }
            let word = text[start..<index]
            let wordCount = ascii ? word.count : String(decoding: word, as: UTF8.self).count
            if resultCount + wordCount + 1 > limit, !result.isEmpty { return String(decoding: result, as: UTF8.self) + "…" }
            if !result.isEmpty {
                result.append(0x20)
                resultCount += 1
            }
            result += word
            resultCount += wordCount
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `scalar` (not ASCII) can never share a Character with an ASCII neighbour nor equal
    /// one: letters other than modifiers, digits, punctuation and symbols other than modifier
    /// symbols (emoji skin tones), outside the scripts with prepended signs, and not U+037E
    /// (canonically a semicolon, which would end an entity for Character comparison).
    private static func joinsNothing(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x037E || value == 0x0D4E || (0x11000...0x11FFF).contains(value) { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .otherSymbol:
            return !scalar.properties.isGraphemeExtend && !scalar.properties.isWhitespace
        default:
            return false
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }

    private static func replacing(_ needle: [UInt8], with replacement: UInt8, in text: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        var copied = 0
        let count = text.count
        while index + needle.count <= count {
            if text[index] == needle[0], text[index..<index + needle.count].elementsEqual(needle) {
                if result.isEmpty { result.reserveCapacity(count) }
                result += text[copied..<index]
                result.append(replacement)
                index += needle.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return text }
        result += text[copied...]
        return result
    }

    /// The reference: Characters, Foundation replacements and `isWhitespace`.
    static func plainTextByCharacters(_ html: String, limit: Int) -> String {
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
