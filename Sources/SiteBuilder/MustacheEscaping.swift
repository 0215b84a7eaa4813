import Mustache

/// swift-mustache's HTML escaping, byte for byte, without its cost: the library walks every
/// Character through a dictionary (a tenth of a 10,000-post build). Registered as a content
/// type and selected by a pragma `TemplateSet` puts at the top of every template.
struct MustacheHTMLEscaping: MustacheContentType {
    /// The content type name used in `{{% CONTENT_TYPE: ... }}`.
    static let name = "blogctl-html"
    /// The line `TemplateSet` puts above each template; a standalone tag, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(MustacheHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Replaces `< > & " '` as swift-mustache does. The library compares whole Characters, so a
    /// `<` that a neighbouring scalar joins into one grapheme (`<` + U+0338, U+0600 + `<`) stays
    /// as it is; such strings, which need non-ASCII bytes next to the character, take the
    /// library's own Character walk.
    static func escape(_ text: String) -> String {
        let fast: String?? = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard let first = bytes.firstIndex(where: isSpecial) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: bytes[..<first])
            for index in first..<bytes.count {
                let byte = bytes[index]
                guard isSpecial(byte) else {
                    output.append(byte)
                    continue
                }
                if index > 0, bytes[index - 1] >= 0x80 { return nil }
                if index + 1 < bytes.count, bytes[index + 1] >= 0x80 { return nil }
                switch byte {
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                default: output.append(contentsOf: "&#39;".utf8)
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
        if let fast, let fast { return fast }
        return characterEscape(text)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private static let replacements: [Character: String] = [
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;",
    ]

    /// swift-mustache 2.1.1's `String.htmlEscape`, for strings the byte path cannot decide.
    static func characterEscape(_ text: String) -> String {
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
