import TemplateEngine

/// The shortcodes every site has: `figure`, `youtube`, `vimeo`, `gist` (templates of the
/// built-in theme, which a site may replace) and `ref`/`relref` (a link to another source file).
/// Their arguments are checked here, so a typo is an error at its line, not a broken embed.
enum BuiltinShortcode: String, CaseIterable {
    case figure, youtube, vimeo, gist, ref, relref

    /// What is wrong with a shortcode's arguments, in words.
    struct BadArguments: Error {
        let reason: String
    }

    /// The template data of a built-in that has a template, from its arguments.
    func context(_ arguments: ShortcodeArguments) throws(BadArguments) -> [String: DataValue] {
        switch self {
        case .figure:
            try arguments.allow(named: ["src", "alt", "caption", "link", "title", "width", "height", "class"], positional: [])
            var value = arguments.namedValues
            value["src"] = .string(try arguments.required("src", example: "{{< figure src=\"photo.jpg\" alt=\"…\" >}}"))
            for key in ["width", "height"] { if let size = try arguments.integer(key) { value[key] = .int(size) } }
            return value
        case .youtube:
            try arguments.allow(named: ["id", "title", "start", "thumbnail"], positional: ["id"])
            let id = try arguments.required("id", example: "{{< youtube dQw4w9WgXcQ >}}")
            guard id.utf8.count == 11, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                throw BadArguments(reason: "'\(id)' is not a YouTube video id (11 letters, digits, - or _, as in youtube.com/watch?v=dQw4w9WgXcQ)")
            }
            let start = try arguments.integer("start")
            var value = arguments.namedValues
            value["id"] = .string(id)
            value["title"] = .string(arguments.named["title"] ?? "YouTube video")
            value["provider"] = .string("YouTube")
            value["host"] = .string("youtube-nocookie.com")
            value["embed_url"] = .string("https://www.youtube-nocookie.com/embed/\(id)?autoplay=1" + (start.map { "&start=\($0)" } ?? ""))
            value["watch_url"] = .string("https://www.youtube.com/watch?v=\(id)" + (start.map { "&t=\($0)s" } ?? ""))
            return value
        case .vimeo:
            try arguments.allow(named: ["id", "title", "thumbnail"], positional: ["id"])
            let id = try arguments.required("id", example: "{{< vimeo 76979871 >}}")
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                throw BadArguments(reason: "'\(id)' is not a Vimeo video id (digits, as in vimeo.com/76979871)")
            }
            var value = arguments.namedValues
            value["id"] = .string(id)
            value["title"] = .string(arguments.named["title"] ?? "Vimeo video")
            value["provider"] = .string("Vimeo")
            value["host"] = .string("player.vimeo.com")
            value["embed_url"] = .string("https://player.vimeo.com/video/\(id)?dnt=1&autoplay=1")
            value["watch_url"] = .string("https://vimeo.com/\(id)")
            return value
        case .gist:
            try arguments.allow(named: ["user", "id", "file"], positional: ["user", "id", "file"])
            let user = try arguments.required("user", example: "{{< gist spf13 7896402 >}}")
            let id = try arguments.required("id", example: "{{< gist spf13 7896402 >}}")
            for (name, text) in [("user", user), ("id", id)] where text.isEmpty || !text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
                throw BadArguments(reason: "gist \(name) '\(text)' must be letters, digits and '-' (gist.github.com/USER/ID)")
            }
            var value = arguments.namedValues
            value["user"] = .string(user)
            value["id"] = .string(id)
            let file = arguments.named["file"]
            value["url"] = .string("https://gist.github.com/\(user)/\(id)" + (file.map { "#file-" + Self.gistAnchor($0) } ?? ""))
            return value
        case .ref, .relref:
            return [:]
        }
    }

    /// GitHub's anchor for a gist file: `hello.rb` -> `hello-rb`.
    private static func gistAnchor(_ file: String) -> String {
        String(file.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }
}

/// A shortcode's arguments with positional ones named, as the built-ins take them.
struct ShortcodeArguments {
    let shortcode: String
    private(set) var named: [String: String]
    let positionalCount: Int

    init(name: String, positional: [String], named: [String: String], positionalNames: [String]) {
        shortcode = name
        var all = named
        for (name, value) in zip(positionalNames, positional) where all[name] == nil { all[name] = value }
        self.named = all
        positionalCount = positional.count
    }

    var namedValues: [String: DataValue] { named.mapValues { .string($0) } }

    /// Refuses arguments the shortcode does not take.
    func allow(named allowed: [String], positional: [String]) throws(BuiltinShortcode.BadArguments) {
        if positionalCount > positional.count {
            throw .init(reason: positional.isEmpty
                ? "shortcode '\(shortcode)' takes only named arguments (\(allowed.map { $0 + "=…" }.joined(separator: " ")))"
                : "shortcode '\(shortcode)' takes at most \(positional.count) unnamed argument\(positional.count == 1 ? "" : "s") (\(positional.joined(separator: ", ")))")
        }
        for key in named.keys.sorted() where !allowed.contains(key) {
            throw .init(reason: "shortcode '\(shortcode)' has no argument '\(key)' (it takes \(allowed.joined(separator: ", ")))")
        }
    }

    func required(_ key: String, example: String) throws(BuiltinShortcode.BadArguments) -> String {
        guard let value = named[key], !value.isEmpty else {
            throw .init(reason: "shortcode '\(shortcode)' needs '\(key)', as in \(example)")
        }
        return value
    }

    func integer(_ key: String) throws(BuiltinShortcode.BadArguments) -> Int? {
        guard let text = named[key] else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw .init(reason: "shortcode '\(shortcode)' argument \(key)=\"\(text)\" must be a whole number")
        }
        return value
    }
}
