/// swift-mustache 2.1.1's HTML escaping (`< > & " '`), byte for byte, without walking every
/// Character through a dictionary. The library compares whole Characters, so a `<` that a
/// neighbouring scalar joins into one grapheme (`<` + U+0338, U+0600 + `<`) stays as it is; such
/// strings, which need non-ASCII bytes next to the character, take the library's Character walk.
public enum HTMLEscaping {
    /// `text` escaped.
    public static func escape(_ text: String) -> String {
        var output: [UInt8] = []
        if !append(text, to: &output) { return text }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends `text` escaped to `output`. Text with nothing to escape (most of it) is appended
    /// as it is, without a copy through bytes.
    static func append(_ text: String, to output: inout String) {
        var escaped: [UInt8] = []
        if append(text, to: &escaped) {
            output += String(decoding: escaped, as: UTF8.self)
        } else {
            output += text
        }
    }

    /// Appends `text` escaped to `output`; false (and nothing appended) when there is nothing to
    /// escape and the caller may use `text` as it is.
    static func append(_ text: String, to output: inout [UInt8]) -> Bool {
        var text = text
        let done: Bool? = text.withUTF8 { bytes -> Bool? in
            guard let first = bytes.firstIndex(where: isSpecial) else { return false }
            // Decide before writing anything, so the slow path starts from a clean buffer.
            for index in first..<bytes.count where isSpecial(bytes[index]) {
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
            }
            output.reserveCapacity(output.count + bytes.count + 16)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for index in first..<bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: lt)
                case UInt8(ascii: ">"): output.append(contentsOf: gt)
                case UInt8(ascii: "&"): output.append(contentsOf: amp)
                case UInt8(ascii: "\""): output.append(contentsOf: quot)
                case UInt8(ascii: "'"): output.append(contentsOf: apos)
                default: output.append(byte)
                }
            }
            return true
        }
        if let done { return done }
        output.append(contentsOf: characterEscape(text).utf8)
        return true
    }

    private static let lt = Array("&lt;".utf8), gt = Array("&gt;".utf8), amp = Array("&amp;".utf8)
    private static let quot = Array("&quot;".utf8), apos = Array("&#39;".utf8)

    @inline(__always)
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    /// swift-mustache 2.1.1's `String.htmlEscape`, for strings the byte path cannot decide.
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
