import Foundation

/// How tag names written in front matter become tags.
///
/// Spellings that differ only in case, accents, character width or spacing (`Self Hosting`,
/// `self-hosting`, `self_hosting`) are one tag. Different names must not meet on one URL by
/// accident: `#` and `+` written against a word are spelled out, so `C`, `C#` and `C++` get
/// `c`, `c-sharp` and `c-plus-plus`. Names that still share a slug (`.NET` and `NET`) are an
/// error naming both (`SiteModel`), never a silent merge.
enum TagName {
    /// The identity of a tag: names with equal keys are the same tag.
    /// Case, accents and width folded; runs of spaces, `-` and `_` are one space; trimmed.
    static func key(_ name: String) -> String {
        // ASCII (nearly every tag) byte by byte: the same result without Unicode character breaking.
        if isASCII(name) {
            return String(unsafeUninitializedCapacity: name.utf8.count) { buffer in
                var count = 0
                var pendingSpace = false
                for byte in name.utf8 {
                    if isASCIIWhitespace(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                        pendingSpace = true
                    } else {
                        if pendingSpace, count > 0 {
                            buffer[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        pendingSpace = false
                        buffer[count] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                        count += 1
                    }
                }
                return count
            }
        }
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingSpace = false
        for character in folded {
            if character.isWhitespace || character == "-" || character == "_" {
                pendingSpace = true
            } else {
                if pendingSpace, !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// The URL slug of the tag with identity `key` (a function of the key, so every spelling
    /// of one tag has one slug).
    static func slug(key: String) -> String {
        // `C#`, `F#`, `C++`, `Notepad++`: the symbol is part of the name. A detached one
        // (`#hashtag`, `Tips + Tricks`) is punctuation and drops out like any other.
        if isASCII(key), !key.utf8.contains(where: { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "+") }) {
            return Slug.make(key)
        }
        var spelled = ""
        var attached = false
        for character in key {
            if attached, character == "#" || character == "+" {
                spelled += character == "#" ? " sharp " : " plus "
                continue
            }
            attached = character.isLetter || character.isNumber
            spelled.append(character)
        }
        return Slug.make(spelled)
    }

    /// The name as shown: trimmed, runs of white space made one space.
    static func display(_ name: String) -> String {
        // Usually already so: ASCII with single spaces between words only.
        if isASCII(name), name.utf8.first != UInt8(ascii: " "), name.utf8.last != UInt8(ascii: " ") {
            var previousSpace = false
            var plain = true
            for byte in name.utf8 {
                let space = byte == UInt8(ascii: " ")
                if (space && previousSpace) || (!space && isASCIIWhitespace(byte)) {
                    plain = false
                    break
                }
                previousSpace = space
            }
            if plain { return name }
        }
        return name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `Character.isWhitespace` of an ASCII character: tab, line feed, vertical tab, form feed,
    /// carriage return and space.
    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (byte >= 0x09 && byte <= 0x0D)
    }
}
