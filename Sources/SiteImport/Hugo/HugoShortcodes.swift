/// Converts a Hugo body's shortcodes: blogctl's built-ins stay (arguments it lacks dropped),
/// `highlight` becomes a fenced code block, `ref`/`relref` follow their target to its new
/// file, and any other shortcode is kept with a placeholder template, reported.
enum HugoShortcodes {
    static func convert(_ body: String, context: inout BodyContext) -> String {
        let shortcodes = HugoStyleShortcode.scan(body)
        let bytes = Array(body.utf8)
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        func replace(_ range: Range<Int>, with text: String) {
            output += bytes[copied..<range.lowerBound]
            output += Array(text.utf8)
            copied = range.upperBound
        }
        while index < shortcodes.count {
            let shortcode = shortcodes[index]
            index += 1
            if shortcode.isClosing {
                if BlogctlShortcodes.named[shortcode.name] == nil, shortcode.name != "highlight", BlogctlShortcodes.isTemplateName(shortcode.name) {
                    context.placeholders.insert(shortcode.name)
                }
                continue
            }
            switch shortcode.name {
            case "highlight":
                guard let close = shortcodes[index...].firstIndex(where: { $0.isClosing && $0.name == "highlight" }) else {
                    context.report(line: shortcode.line, "highlight is never closed: left as it was; close it with {{< /highlight >}} or write a fenced code block")
                    continue
                }
                let language = shortcode.positional.first ?? shortcode.named.first(where: { $0.key == "lang" })?.value ?? ""
                var inner = String(decoding: bytes[shortcode.range.upperBound..<shortcodes[close].range.lowerBound], as: UTF8.self)
                if inner.hasPrefix("\r\n") { inner.removeFirst() } else if inner.hasPrefix("\n") { inner.removeFirst() }
                while inner.hasSuffix("\n") || inner.hasSuffix("\r\n") { inner.removeLast() }
                let options = shortcode.positional.dropFirst() + shortcode.named.filter { $0.key != "lang" }.map { "\($0.key)=\($0.value)" }
                if !options.isEmpty {
                    context.report(line: shortcode.line, "highlight options \(options.joined(separator: " ")) dropped: blogctl sets line numbers for the site (highlight.line_numbers in site.yml)")
                }
                let fence = String(repeating: "`", count: max(3, longestRun(of: "`", in: inner) + 1))
                replace(shortcode.range.lowerBound..<shortcodes[close].range.upperBound, with: "\(fence)\(language)\n\(inner)\n\(fence)")
                index = close + 1
            case "ref", "relref":
                let target = shortcode.positional.first ?? shortcode.named.first(where: { $0.key == "path" })?.value ?? ""
                if let resolved = HugoRefs.resolve(target, context: context) {
                    replace(shortcode.range, with: HugoStyleShortcode.write(name: shortcode.name, positional: [resolved], delimiter: shortcode.delimiter))
                } else {
                    context.report(line: shortcode.line, "\(shortcode.name) \"\(target)\" leads to no imported post or page: written as text ({{</* */>}}); replace it with the page's URL")
                    replace(shortcode.range, with: commentedOut(shortcode, bytes: bytes))
                }
            case let name where BlogctlShortcodes.named[name] != nil:
                if let rewritten = checkedBuiltin(shortcode, context: &context) { replace(shortcode.range, with: rewritten) }
            case let name where BlogctlShortcodes.isTemplateName(name):
                let origin = hugoBuiltins.contains(name) ? "a Hugo built-in" : "layouts/shortcodes/\(name).html"
                context.placeholder(name, line: shortcode.line, origin: origin)
            default:
                context.report(line: shortcode.line, "shortcode '\(shortcode.name)' cannot be a blogctl template name: written as text ({{</* */>}}); replace it by hand")
                replace(shortcode.range, with: commentedOut(shortcode, bytes: bytes))
            }
        }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// Shortcodes Hugo ships that blogctl has no template for.
    static let hugoBuiltins: Set<String> = ["tweet", "x", "twitter", "instagram", "param", "qr", "details", "comment", "vimeo_simple", "twitter_simple"]

    /// A built-in with arguments blogctl does not take rewritten without them (reported); nil when it is fine as written.
    private static func checkedBuiltin(_ shortcode: HugoStyleShortcode, context: inout BodyContext) -> String? {
        let allowed = BlogctlShortcodes.named[shortcode.name] ?? []
        var dropped: [String] = []
        var named: [(key: String, value: String)] = []
        for (key, value) in shortcode.named {
            if !allowed.contains(key) {
                dropped.append("\(key)=\"\(value)\"")
            } else if BlogctlShortcodes.integers.contains(key), Int(value) == nil {
                dropped.append("\(key)=\"\(value)\" (not a whole number)")
            } else {
                named.append((key, value))
            }
        }
        let positionalLimit = BlogctlShortcodes.positional[shortcode.name] ?? 0
        var positional = shortcode.positional
        if positional.count > positionalLimit {
            dropped += positional[positionalLimit...].map { "\"\($0)\"" }
            positional = Array(positional.prefix(positionalLimit))
        }
        guard !dropped.isEmpty else { return nil }
        context.report(line: shortcode.line, "\(shortcode.name) arguments \(dropped.joined(separator: ", ")) dropped: blogctl's \(shortcode.name) takes \(allowed.sorted().joined(separator: ", "))")
        return HugoStyleShortcode.write(name: shortcode.name, positional: positional, named: named, delimiter: shortcode.delimiter)
    }

    /// `{{< x >}}` -> `{{</* x */>}}`: blogctl writes it literally instead of failing the build.
    static func commentedOut(_ shortcode: HugoStyleShortcode, bytes: [UInt8]) -> String {
        let text = String(decoding: bytes[shortcode.range], as: UTF8.self)
        let open = "{{\(shortcode.delimiter)"
        let close = (shortcode.delimiter == "<" ? ">" : "%") + "}}"
        return open + "/*" + text.dropFirst(3).dropLast(3) + "*/" + close
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, current = 0
        for char in text {
            current = char == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}

/// Hugo's `ref` targets, found as Hugo finds them and written as blogctl's content/-rooted paths.
enum HugoRefs {
    /// `/posts/hello.md#part` for a target Hugo would find, nil when no imported document matches.
    static func resolve(_ target: String, context: BodyContext) -> String? {
        var path = target
        var fragment = ""
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        if path.isEmpty { return context.contentPath(ofSource: context.document.file).map { "/" + $0 + fragment } }
        let folder = context.document.file.split(separator: "/").dropLast().joined(separator: "/")
        var bases: [String] = []
        if path.hasPrefix("/") {
            bases.append("content" + path)
        } else {
            bases.append(folder + "/" + path)
            bases.append("content/" + path)
        }
        var candidates: [String] = []
        for base in bases {
            let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
            let clean = normalize(trimmed)
            candidates += [clean, clean + ".md", clean + ".markdown", clean + "/index.md", clean + "/index.markdown"]
        }
        for candidate in candidates {
            if let found = context.contentPath(ofSource: candidate) { return "/" + found + fragment }
        }
        // Hugo also finds a unique file name anywhere (`ref "hello.md"`).
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let matches = context.destinations.keys.filter { $0.hasSuffix("/" + name) || $0.hasSuffix("/" + name + ".md") }
        if matches.count == 1, let found = context.contentPath(ofSource: matches[0]) { return "/" + found + fragment }
        return nil
    }

    /// Removes `.` and resolves `..` segments.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
