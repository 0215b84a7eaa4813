/// A template value: what front matter `extra:`, `site.yml` and page contexts are made of.
/// Equatable so a rebuild can skip pages whose data did not change; the compiled renderer walks
/// it directly (no conversion pass), so building a context is the only cost.
public enum DataValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([DataValue])
    case map([String: DataValue])
    case null

    /// The value under `key` when this is a map.
    public subscript(key: String) -> DataValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    /// The text when this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension DataValue: CustomStringConvertible {
    /// Scalars as Mustache prints them; containers and null print nothing.
    public var description: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .array, .map, .null: return ""
        }
    }
}

extension DataValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: DataValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, DataValue)...) {
        self = .map(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
