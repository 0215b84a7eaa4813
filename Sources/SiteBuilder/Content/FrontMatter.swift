import Foundation
import TOMLKit
import TemplateEngine

/// The metadata block at the top of a post or page: YAML between `---` lines or TOML between
/// `+++` lines.
struct FrontMatter: Sendable, Equatable {
    var title: String
    var date: SiteDate?
    var updated: SiteDate?
    var draft = false
    var tags: [String] = []
    var summary: String?
    var description: String?
    var slug: String?
    var path: String?
    var aliases: [String] = []
    var authors: [String]?
    var template: String?
    /// The picture shared links show (`og:image`) and feeds carry: a site path, a path relative
    /// to the page, or an http(s) URL; checked against the site's files when the plan is made.
    var image: String?
    var weight = 0
    var extra: [String: DataValue] = [:]
    /// Where each key was written, for errors found later (a bad `path`, a missing `template`).
    var locations: [String: SourceLocation] = [:]

    static let keys = [
        "title", "date", "updated", "draft", "tags", "summary", "description", "slug", "path", "aliases",
        "authors", "template", "image", "weight", "extra",
    ]

    /// Keys Hugo and Zola users write by habit, read as blogctl's own (docs/site.md).
    static let aliases = [
        "lastmod": "updated", "author": "authors", "url": "path", "layout": "template", "params": "extra",
        "categories": "tags", "taxonomies": "tags",
    ]

    /// One key as read from either syntax.
    struct Entry {
        var key: String
        var location: SourceLocation
        /// Where the value starts (the key's location when the syntax does not say).
        var valueLocation: SourceLocation
        var value: DataValue
        /// The scalar's text as written (YAML), so `title: 2026` or `title: 1.50` stay as typed.
        var raw: String? = nil
    }

    /// Splits `text` into front matter and body and parses the front matter.
    static func split(_ text: String, file: String, timeZone: TimeZone) throws(SiteBuildError) -> (FrontMatter, body: Substring) {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let fence: Substring
        if text.hasPrefix("---\n") || text.hasPrefix("---\r\n") {
            fence = "---"
        } else if text.hasPrefix("+++\n") || text.hasPrefix("+++\r\n") {
            fence = "+++"
        } else {
            throw .malformed(SourceLocation(file: file, line: 1),
                "no front matter: start the file with a --- line (YAML) or +++ (TOML), then title: and the other keys, and close it with the same line")
        }
        // Find the closing fence line. Scanning UTF-8 bytes: in Characters "\r\n" is one
        // grapheme, so a search for "\n" would miss every CRLF line end.
        let bytes = text.utf8
        let newline = UInt8(ascii: "\n")
        guard let firstEnd = bytes.firstIndex(of: newline) else {
            throw .malformed(SourceLocation(file: file, line: 1), "front matter opened with \(fence) is never closed")
        }
        var lineStart = bytes.index(after: firstEnd)
        let contentStart = lineStart
        var closing: (start: Substring.Index, end: Substring.Index)?
        while lineStart < bytes.endIndex {
            let lineEnd = bytes[lineStart...].firstIndex(of: newline) ?? bytes.endIndex
            var line = bytes[lineStart..<lineEnd]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            if line.elementsEqual(fence.utf8) || (fence == "---" && line.elementsEqual("...".utf8)) {
                closing = (lineStart, lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd))
                break
            }
            lineStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
        }
        guard let closing else {
            throw .malformed(SourceLocation(file: file, line: 1), "front matter opened with \(fence) is never closed")
        }
        let source = String(text[contentStart..<closing.start])
        let entries = fence == "---"
            ? try yamlEntries(source, file: file)
            : try tomlEntries(source, file: file)
        let matter = try FrontMatter(entries: entries, file: file, timeZone: timeZone)
        return (matter, text[closing.end...])
    }

    private static func yamlEntries(_ source: String, file: String) throws(SiteBuildError) -> [Entry] {
        // One budget for the whole front matter: aliases can spread a bomb over several keys.
        var budget = YAMLDocument.valueLimit
        var entries: [Entry] = []
        for (key, location, node) in try YAMLDocument.rootMapping(source, file: file, lineOffset: 1) {
            let valueLocation = YAMLDocument.location(of: node, file: file, lineOffset: 1)
            entries.append(Entry(key: key, location: location, valueLocation: valueLocation,
                value: try YAMLDocument.value(node, budget: &budget, location: valueLocation), raw: node.scalar?.string))
        }
        return entries
    }

    private static func tomlEntries(_ source: String, file: String) throws(SiteBuildError) -> [Entry] {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw .malformed(SourceLocation(file: file, line: error.source.begin.line + 1, column: error.source.begin.column), error.description)
        } catch {
            throw .malformed(SourceLocation(file: file, line: 2), "\(error)")
        }
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        func location(of key: String) -> SourceLocation {
            for (number, line) in lines.enumerated() {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                for spelling in [key, "\"\(key)\"", "'\(key)'", "[\(key)]"] where trimmed.hasPrefix(spelling) {
                    let rest = trimmed.dropFirst(spelling.count).drop(while: { $0 == " " || $0 == "\t" })
                    if rest.hasPrefix("=") || rest.hasPrefix(".") || spelling.hasPrefix("[") {
                        return SourceLocation(file: file, line: number + 2, column: line.count - trimmed.count + 1)
                    }
                }
            }
            return SourceLocation(file: file, line: 2)
        }
        return table.keys.sorted().map { key in
            Entry(key: key, location: location(of: key), valueLocation: location(of: key), value: table[key].map(value) ?? .null)
        }
    }

    private static func value(_ toml: TOMLValueConvertible) -> DataValue {
        if let table = toml.table {
            var map: [String: DataValue] = [:]
            for key in table.keys { map[key] = table[key].map(value) ?? .null }
            return .map(map)
        }
        if let array = toml.array { return .array(array.map(value)) }
        if let string = toml.string { return .string(string) }
        if let bool = toml.bool { return .bool(bool) }
        if let int = toml.int { return .int(int) }
        if let double = toml.double { return .double(double) }
        if let dateTime = toml.dateTime {
            var text = "\(dateText(dateTime.date))T\(timeText(dateTime.time))"
            if let offset = dateTime.offset {
                // TOMLKit counts the offset in minutes.
                let minutes = offset.offset
                text += (minutes < 0 ? "-" : "+") + two(abs(minutes) / 60) + ":" + two(abs(minutes) % 60)
            }
            return .string(text)
        }
        if let date = toml.date { return .string(dateText(date)) }
        if let time = toml.time { return .string(timeText(time)) }
        return .null
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    private static func dateText(_ date: TOMLDate) -> String {
        "\(String(repeating: "0", count: max(0, 4 - String(date.year).count)))\(date.year)-\(two(date.month))-\(two(date.day))"
    }
    private static func timeText(_ time: TOMLTime) -> String { "\(two(time.hour)):\(two(time.minute)):\(two(time.second))" }

    init(entries: [Entry], file: String, timeZone: TimeZone) throws(SiteBuildError) {
        var title: String?
        self.title = ""
        var written: [String: String] = [:]
        for entry in entries {
            let key = Self.aliases[entry.key] ?? entry.key
            let location = entry.valueLocation
            // `categories` and `taxonomies` add to the tags; any other key is written once.
            if let earlier = written[key], key != "tags" {
                throw .malformed(entry.location, "'\(entry.key)' and '\(earlier)' are the same key ('\(key)'\(key == entry.key ? "" : "; \(entry.key) is its Hugo or Zola name")): keep one")
            }
            written[key] = entry.key
            locations[key] = location
            func text() throws(SiteBuildError) -> String {
                switch entry.value {
                case .string(let value): return value
                case .int, .double, .bool: return entry.raw ?? entry.value.description
                default: throw .malformed(location, "'\(key)' must be a string")
                }
            }
            func list() throws(SiteBuildError) -> [String] {
                switch entry.value {
                case .array(let items):
                    var result: [String] = []
                    for item in items {
                        switch item {
                        case .string, .int, .double, .bool: result.append(item.description)
                        default: throw .malformed(location, "'\(key)' must be a list of strings")
                        }
                    }
                    return result
                case .null: return []
                default: return [try text()]
                }
            }
            func date() throws(SiteBuildError) -> SiteDate {
                let value = try text()
                guard let date = SiteDate.parse(value, timeZone: timeZone) else { throw .invalidDate(location, value: value) }
                return date
            }
            switch key {
            case "title": title = try text()
            case "date": self.date = try date()
            case "updated": self.updated = try date()
            case "draft":
                guard case .bool(let value) = entry.value else { throw .malformed(location, "'draft' must be true or false") }
                draft = value
            case "tags" where entry.key == "taxonomies":
                // Zola: [taxonomies] tags = [...], categories = [...].
                guard case .map(let taxonomies) = entry.value else { throw .malformed(location, "'taxonomies' must be a mapping such as {tags: [a, b]}") }
                for name in taxonomies.keys.sorted() {
                    guard name == "tags" || name == "categories" else {
                        throw .malformed(location, "taxonomy '\(name)' is not one blogctl has: it has tags (categories become tags too)")
                    }
                    guard case .array(let items) = taxonomies[name]! else { throw .malformed(location, "'taxonomies.\(name)' must be a list") }
                    tags += items.map(\.description)
                }
            case "tags": tags += try list()
            case "summary": summary = try text()
            case "description": description = try text()
            case "slug":
                let value = try text()
                guard !Slug.make(value).isEmpty else { throw .malformed(location, "slug '\(value)' has no letters or digits") }
                slug = value
            case "path":
                let value = try text()
                guard SiteURLs.normalize(userPath: value) != nil else {
                    throw .malformed(location, "path '\(value)' must be a site path such as /about/ or /notes/2026/x/")
                }
                path = value
            case "aliases":
                aliases = try list()
                for alias in aliases where SiteURLs.normalize(userPath: alias) == nil {
                    throw .malformed(location, "alias '\(alias)' must be a site path such as /old/path/")
                }
            case "authors": authors = try list()
            case "template":
                let value = try text()
                template = value.hasSuffix(".mustache") ? String(value.dropLast(".mustache".count)) : value
            case "image":
                guard case .string(let value) = entry.value, !value.trimmingWhitespace().isEmpty else {
                    throw .malformed(location, "'image' must be the path of an image file, such as cover.png or /img/cover.png")
                }
                image = value
            case "weight":
                guard case .int(let value) = entry.value else { throw .malformed(location, "'weight' must be an integer") }
                weight = value
            case "extra":
                switch entry.value {
                case .map(let map): extra = map
                case .null: extra = [:]
                default: throw .malformed(location, "'extra' must be a mapping")
                }
            default:
                throw .unknownKey(entry.location, key: key, allowed: FrontMatter.keys)
            }
        }
        guard let title else { throw .missingKey(file: file, key: "title") }
        var seen: Set<String> = []
        tags = tags.filter { seen.insert($0).inserted }
        if title.trimmingWhitespace().isEmpty, let location = locations["title"] {
            throw .malformed(location, "'title' must not be empty")
        }
        self.title = title
    }
}
