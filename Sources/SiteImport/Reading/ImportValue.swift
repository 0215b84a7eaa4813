/// A value read from a Hugo or Zola config file or front matter, in the order it was written.
/// One type for YAML and TOML, so the Hugo and Zola mappings never look at the syntax.
enum ImportValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    /// A TOML date or date-time, as RFC 3339 text; YAML dates stay `.string` (the core schema has none).
    case date(String)
    case array([ImportValue])
    case table(ImportTable)
    case null

    /// The text of a scalar (numbers and booleans as written), nil for lists and tables.
    var text: String? {
        switch self {
        case .string(let text), .date(let text): return text
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// A list of strings: a list's scalars, or one scalar as a list of one (`author: Ann`).
    var strings: [String] {
        switch self {
        case .array(let items): return items.compactMap(\.text)
        case .null: return []
        default: return text.map { [$0] } ?? []
        }
    }

    var table: ImportTable? {
        if case .table(let table) = self { return table }
        return nil
    }

    var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text): return ["true": true, "false": false][text.lowercased()]
        default: return nil
        }
    }

    var int: Int? {
        switch self {
        case .int(let value): return value
        case .string(let text): return Int(text)
        default: return nil
        }
    }
}

/// A mapping that keeps its keys in the order written and where each key was written.
struct ImportTable: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var key: String
        var value: ImportValue
        /// 1-based line in the file the table was read from (nil when the syntax does not say).
        var line: Int?
    }

    var entries: [Entry] = []

    subscript(key: String) -> ImportValue? {
        entries.first(where: { $0.key == key })?.value
    }

    func line(of key: String) -> Int? {
        entries.first(where: { $0.key == key })?.line
    }

    /// A nested value: `value(at: ["markup", "goldmark", "renderer", "unsafe"])`.
    func value(at path: [String]) -> ImportValue? {
        guard let first = path.first, let value = self[first] else { return nil }
        if path.count == 1 { return value }
        return value.table?.value(at: Array(path.dropFirst()))
    }

    var keys: [String] { entries.map(\.key) }

    /// Keys compared without case: Hugo's config keys are case-insensitive (`baseURL`, `baseurl`).
    func caseInsensitive(_ key: String) -> Entry? {
        entries.first(where: { $0.key.lowercased() == key.lowercased() })
    }
}
