/// One `{{< name args >}}` / `{{% name args %}}` tag in a body (Hugo's syntax, which blogctl
/// shares), with its byte range so a converter can replace it.
struct HugoStyleShortcode: Sendable, Equatable {
    var range: Range<Int>
    /// 0-based line within the body.
    var line: Int
    var name: String
    var isClosing: Bool
    var isSelfClosing: Bool
    /// `%` for `{{% %}}` (Markdown inner text), `<` for `{{< >}}`.
    var delimiter: Character
    var positional: [String] = []
    var named: [(key: String, value: String)] = []

    static func == (a: Self, b: Self) -> Bool {
        a.range == b.range && a.name == b.name && a.positional == b.positional
            && a.named.map(\.key) == b.named.map(\.key) && a.named.map(\.value) == b.named.map(\.value)
    }

    /// Every tag outside code, in order. Comments (`{{</* … */>}}`) are skipped: they write a
    /// shortcode literally, in blogctl as in Hugo.
    static func scan(_ body: String) -> [HugoStyleShortcode] {
        let bytes = Array(body.utf8)
        let code = CodeRegions(body)
        var result: [HugoStyleShortcode] = []
        var index = 0
        var line = 0
        var lineCountedTo = 0
        while index + 3 < bytes.count {
            guard bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "{"),
                bytes[index + 2] == UInt8(ascii: "<") || bytes[index + 2] == UInt8(ascii: "%"), !code.contains(index)
            else { index += 1; continue }
            let delimiter = bytes[index + 2]
            if bytes[index + 3] == UInt8(ascii: "/"), index + 4 < bytes.count, bytes[index + 4] == UInt8(ascii: "*") {
                let close = Array("*/\(Character(UnicodeScalar(delimiter == UInt8(ascii: "<") ? UInt8(ascii: ">") : delimiter)))}}".utf8)
                index = find(close, in: bytes, from: index + 5).map { $0 + close.count } ?? bytes.count
                continue
            }
            let closer = delimiter == UInt8(ascii: "<") ? UInt8(ascii: ">") : delimiter
            guard let parsed = parse(bytes, from: index + 3, closer: closer) else { index += 3; continue }
            line += bytes[lineCountedTo..<index].filter { $0 == UInt8(ascii: "\n") }.count
            lineCountedTo = index
            var shortcode = parsed.shortcode
            shortcode.range = index..<parsed.end
            shortcode.line = line
            shortcode.delimiter = Character(UnicodeScalar(delimiter))
            result.append(shortcode)
            index = parsed.end
        }
        return result
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Parses from after `{{<` to the end of `>}}`; nil when it is not a well-formed tag.
    private static func parse(_ bytes: [UInt8], from start: Int, closer: UInt8) -> (shortcode: HugoStyleShortcode, end: Int)? {
        var index = start
        func skipSpace() { while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 } }
        func atEnd() -> Bool { index + 2 < bytes.count && bytes[index] == closer && bytes[index + 1] == UInt8(ascii: "}") && bytes[index + 2] == UInt8(ascii: "}") }
        skipSpace()
        var isClosing = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "/") { isClosing = true; index += 1; skipSpace() }
        func word() -> String? {
            let begin = index
            while index < bytes.count, !atEnd(), ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "`")].contains(bytes[index]) {
                if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == closer { break }
                index += 1
            }
            return index > begin ? String(decoding: bytes[begin..<index], as: UTF8.self) : nil
        }
        func quoted() -> String? {
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "`") else { return word() }
            index += 1
            var value: [UInt8] = []
            while index < bytes.count, bytes[index] != quote {
                if quote == UInt8(ascii: "\""), bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count { index += 1 }
                value.append(bytes[index])
                index += 1
            }
            guard index < bytes.count else { return nil }
            index += 1
            return String(decoding: value, as: UTF8.self)
        }
        guard let name = word() else { return nil }
        var shortcode = HugoStyleShortcode(range: 0..<0, line: 0, name: name, isClosing: isClosing, isSelfClosing: false, delimiter: "<")
        while true {
            skipSpace()
            guard index < bytes.count else { return nil }
            if atEnd() { return (shortcode, index + 3) }
            if bytes[index] == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == closer {
                shortcode.isSelfClosing = true
                index += 1
                continue
            }
            let begin = index
            guard let first = quoted() else { return nil }
            if bytes[begin] != UInt8(ascii: "\""), bytes[begin] != UInt8(ascii: "`"), index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                guard let value = quoted() else { return nil }
                shortcode.named.append((first, value))
            } else {
                shortcode.positional.append(first)
            }
            if index == begin { return nil }
        }
    }

    /// The tag written back in blogctl's syntax: `{{< name "a" key="v" >}}`.
    static func write(name: String, positional: [String] = [], named: [(key: String, value: String)] = [], delimiter: Character = "<", closing: Bool = false) -> String {
        let closer = delimiter == "<" ? ">" : "%"
        var text = "{{\(delimiter) " + (closing ? "/" : "") + name
        for value in positional { text += " " + quote(value) }
        for (key, value) in named { text += " \(key)=" + quote(value) }
        return text + " \(closer)}}"
    }

    private static func quote(_ value: String) -> String {
        "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
