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
        let folded: String
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            folded = name.lowercased()
        } else {
            folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        }
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
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
