/// Converts a Zola body: `{{ youtube(id=…) }}`, `vimeo`, `gist` become blogctl's shortcodes,
/// other shortcodes blogctl's syntax with a placeholder template (reported), and `@/x.md`
/// links relative links to the target's new file.
enum ZolaShortcodes {
    /// One `{{ name(args) }}` or `{% name(args) %}…{% end %}` in a body.
    struct Call {
        var range: Range<Int>
        var line: Int
        var name: String
        var arguments: [(key: String, value: ZolaArgument)]
        /// The text between `{% name() %}` and `{% end %}`.
        var inner: String?
    }

    enum ZolaArgument {
        case text(String)
        /// A list or anything else blogctl's `key="value"` cannot carry.
        case other(String)
    }

    static func convert(_ body: String, context: inout BodyContext) -> String {
        let bytes = Array(body.utf8)
        let code = CodeRegions(body)
        var output: [UInt8] = []
        var index = 0
        var line = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            if bytes[index] == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%"),
                !code.contains(index), let call = parseCall(bytes, at: index, line: line)
            {
                output += Array(rewrite(call, original: String(decoding: bytes[call.range], as: UTF8.self), context: &context).utf8)
                line += bytes[call.range].filter { $0 == UInt8(ascii: "\n") }.count
                index = call.range.upperBound
                continue
            }
            if bytes[index] == UInt8(ascii: "]"), index + 3 < bytes.count, bytes[index + 1] == UInt8(ascii: "("), bytes[index + 2] == UInt8(ascii: "@"),
                bytes[index + 3] == UInt8(ascii: "/"), !code.contains(index),
                let close = bytes[(index + 2)...].firstIndex(where: { $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") })
            {
                let target = String(decoding: bytes[(index + 4)..<close], as: UTF8.self)
                output += Array("](".utf8)
                if let link = internalLink(target, context: context) {
                    output += Array(link.utf8)
                } else {
                    context.report(line: line, "link @/\(target) leads to no imported post or page: left as it was; point it at the page's URL")
                    output += Array(("@/" + target).utf8)
                }
                index = close
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `@/blog/hello.md#part` -> the target's new file relative to this document's folder (blogctl
    /// resolves links to .md files to their pages).
    static func internalLink(_ target: String, context: BodyContext) -> String? {
        var path = target
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        guard let destination = context.destinations["content/" + path] else { return nil }
        let from = context.destination.split(separator: "/").dropLast()
        let to = destination.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[from.startIndex + common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/") + fragment
    }

    private static func rewrite(_ call: Call, original: String, context: inout BodyContext) -> String {
        var named: [(key: String, value: String)] = []
        var unusable: [String] = []
        for (key, value) in call.arguments {
            switch value {
            case .text(let text): named.append((key, text))
            case .other(let text): unusable.append("\(key)=\(text)")
            }
        }
        func value(_ key: String) -> String? { named.first(where: { $0.key == key })?.value }
        func dropped(_ keep: Set<String>) -> [String] { named.filter { !keep.contains($0.key) }.map { "\($0.key)=\"\($0.value)\"" } + unusable }
        switch call.name {
        case "youtube", "vimeo":
            guard let id = value("id"), call.inner == nil else { break }
            let extra = dropped(["id"])
            if !extra.isEmpty { context.report(line: call.line, "\(call.name) arguments \(extra.joined(separator: ", ")) dropped: blogctl's \(call.name) takes id, title, thumbnail") }
            return HugoStyleShortcode.write(name: call.name, named: [("id", id)])
        case "gist":
            guard let url = value("url"), call.inner == nil else { break }
            let parts = url.split(separator: "/").map(String.init)
            guard parts.count >= 2, let host = parts.first(where: { $0.contains("gist.github") }), !host.isEmpty else { break }
            let user = parts[parts.count - 2], id = parts[parts.count - 1]
            let extra = dropped(["url", "file"])
            if !extra.isEmpty { context.report(line: call.line, "gist arguments \(extra.joined(separator: ", ")) dropped: blogctl's gist takes user, id, file") }
            return HugoStyleShortcode.write(name: "gist", positional: [user, id] + (value("file").map { [$0] } ?? []))
        default:
            break
        }
        guard unusable.isEmpty, BlogctlShortcodes.isTemplateName(call.name), BlogctlShortcodes.named[call.name] == nil else {
            context.report(line: call.line, "shortcode \(call.name)() not converted: left as text; write it as blogctl's {{< \(call.name) … >}} with a templates/shortcodes/\(call.name).mustache")
            return original
        }
        context.placeholder(call.name, line: call.line, origin: "templates/shortcodes/\(call.name).html")
        let open = HugoStyleShortcode.write(name: call.name, named: named)
        guard let inner = call.inner else { return open }
        return open + inner + HugoStyleShortcode.write(name: call.name, closing: true)
    }

    /// Parses `{{ name(args) }}` or `{% name(args) %}…{% end %}` at `start`; nil when it is not one.
    static func parseCall(_ bytes: [UInt8], at start: Int, line: Int) -> Call? {
        let isBody = bytes[start + 1] == UInt8(ascii: "%")
        var index = start + 2
        func skip() { while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 } }
        func identifier() -> String? {
            let begin = index
            while index < bytes.count, bytes[index] == UInt8(ascii: "_") || (bytes[index] < 0x80 && (Character(UnicodeScalar(bytes[index])).isLetter || Character(UnicodeScalar(bytes[index])).isNumber)) { index += 1 }
            return index > begin ? String(decoding: bytes[begin..<index], as: UTF8.self) : nil
        }
        skip()
        guard let name = identifier(), index < bytes.count, bytes[index] == UInt8(ascii: "(") else { return nil }
        index += 1
        var arguments: [(key: String, value: ZolaArgument)] = []
        while true {
            skip()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ")") { index += 1; break }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            guard let key = identifier() else { return nil }
            skip()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { return nil }
            index += 1
            skip()
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "`") {
                index += 1
                let begin = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                guard index < bytes.count else { return nil }
                arguments.append((key, .text(String(decoding: bytes[begin..<index], as: UTF8.self))))
                index += 1
            } else if quote == UInt8(ascii: "[") {
                let begin = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "]") { index += 1 }
                guard index < bytes.count else { return nil }
                index += 1
                arguments.append((key, .other(String(decoding: bytes[begin..<index], as: UTF8.self))))
            } else {
                let begin = index
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: ")"), 0x20, 0x0A].contains(bytes[index]) { index += 1 }
                arguments.append((key, .text(String(decoding: bytes[begin..<index], as: UTF8.self))))
            }
        }
        skip()
        let closer = isBody ? UInt8(ascii: "%") : UInt8(ascii: "}")
        guard index + 1 < bytes.count, bytes[index] == closer, bytes[index + 1] == UInt8(ascii: "}") else { return nil }
        index += 2
        guard isBody else { return Call(range: start..<index, line: line, name: name, arguments: arguments, inner: nil) }
        // The body runs to `{% end %}`.
        let innerStart = index
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), bytes[index + 1] == UInt8(ascii: "%") {
                var probe = index + 2
                while probe < bytes.count, bytes[probe] == 0x20 { probe += 1 }
                if bytes[probe..<min(bytes.count, probe + 3)].elementsEqual("end".utf8) {
                    probe += 3
                    while probe < bytes.count, bytes[probe] == 0x20 { probe += 1 }
                    if probe + 1 < bytes.count, bytes[probe] == UInt8(ascii: "%"), bytes[probe + 1] == UInt8(ascii: "}") {
                        return Call(range: start..<(probe + 2), line: line, name: name, arguments: arguments,
                            inner: String(decoding: bytes[innerStart..<index], as: UTF8.self))
                    }
                }
            }
            index += 1
        }
        return nil
    }
}
