/// The one HTML and XML escaper of blogctl. Text is escaped in three places, each with rules that
/// fix its output bytes: template values (as swift-mustache does), the table of contents (as
/// cmark-gfm escapes the headings it mirrors) and feeds and sitemaps (XML).
public enum HTMLEscaper {
    /// What to escape, and how to treat the characters around it.
    public struct Rules: Sendable, Equatable {
        /// Escape `'` (as `&#39;`) besides `& < > "`.
        public var apostrophe: Bool
        /// Compare whole Characters, as swift-mustache 2.1.1 does: a `<` that a neighbouring scalar
        /// joins into one grapheme (`<` + U+0338) stays as it is.
        public var wholeCharacters: Bool
        /// Drop what XML 1.0 forbids: control characters other than tab, newline and carriage
        /// return, and U+FFFE and U+FFFF (a feed with one is refused by its readers).
        public var xmlCharacters: Bool

        /// `{{value}}` in templates: `< > & " '`, as whole Characters.
        public static let mustache = Rules(apostrophe: true, wholeCharacters: true, xmlCharacters: false)
        /// cmark-gfm's escaping of text: `& < > "`, byte by byte.
        public static let cmark = Rules(apostrophe: false, wholeCharacters: false, xmlCharacters: false)
        /// Feeds and sitemaps: `& < > " '`, and no character XML forbids.
        public static let xml = Rules(apostrophe: true, wholeCharacters: false, xmlCharacters: true)
    }

    /// `text` escaped by `rules`; `text` itself when nothing in it needs escaping (most text).
    public static func escape(_ text: String, _ rules: Rules) -> String {
        var output: [UInt8] = []
        if !append(text, to: &output, rules) { return text }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped by `rules` to `output`.
    public static func append(_ text: String, to output: inout String, _ rules: Rules) {
        var escaped: [UInt8] = []
        if append(text, to: &escaped, rules) {
            output += String(decoding: escaped, as: UTF8.self)
        } else {
            output += text
        }
    }

    /// Appends `text` escaped by `rules` to `output`; false (and nothing appended) when nothing
    /// in it needs escaping and the caller may use `text` as it is.
    public static func append(_ text: String, to output: inout [UInt8], _ rules: Rules) -> Bool {
        var text = text
        let done: Bool? = text.withUTF8 { bytes -> Bool? in
            guard let first = bytes.firstIndex(where: { needsWork($0, rules) }) else { return false }
            // Decide before writing anything, so the Character walk starts from a clean buffer.
            if rules.wholeCharacters {
                for index in first..<bytes.count where isSpecial(bytes[index], rules) {
                    if index > 0, bytes[index - 1] >= 0x80 { return nil }
                    if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                }
            }
            output.reserveCapacity(output.count + bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            appendEscaping(UnsafeBufferPointer(rebasing: bytes[first...]), to: &output, rules)
            return true
        }
        if let done { return done }
        output.append(contentsOf: characterEscape(text).utf8)
        return true
    }

    /// Appends UTF-8 `bytes` escaped by byte-wise `rules` (not `wholeCharacters`: those need the
    /// whole text) to `output`: text cut at byte offsets, such as a highlighted token's lines.
    public static func append(bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], _ rules: Rules) {
        precondition(!rules.wholeCharacters, "whole-Character rules escape Strings")
        appendEscaping(bytes, to: &output, rules)
    }

    private static func appendEscaping(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], _ rules: Rules) {
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "<"): output.append(contentsOf: lt)
            case UInt8(ascii: ">"): output.append(contentsOf: gt)
            case UInt8(ascii: "&"): output.append(contentsOf: amp)
            case UInt8(ascii: "\""): output.append(contentsOf: quot)
            case UInt8(ascii: "'") where rules.apostrophe: output.append(contentsOf: apos)
            case 0..<0x20 where rules.xmlCharacters && byte != 0x09 && byte != 0x0A && byte != 0x0D: continue
            case 0xEF where rules.xmlCharacters && index + 1 < bytes.count && bytes[index] == 0xBF && bytes[index + 1] >= 0xBE:
                // U+FFFE or U+FFFF.
                index += 2
            default: output.append(byte)
            }
        }
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    @inline(__always)
    private static func isSpecial(_ byte: UInt8, _ rules: Rules) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
            || (rules.apostrophe && byte == UInt8(ascii: "'"))
    }

    @inline(__always)
    private static func needsWork(_ byte: UInt8, _ rules: Rules) -> Bool {
        isSpecial(byte, rules) || (rules.xmlCharacters && (byte < 0x20 || byte == 0xEF))
    }

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    /// swift-mustache 2.1.1's `String.htmlEscape`, Character by Character: the reference for
    /// `Rules.mustache`, and its path for text the byte walk cannot decide.
    public static func characterEscape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            if let replacement = replacements[character] {
                result += replacement
            } else {
                result.append(character)
            }
        }
        return result
    }
}
