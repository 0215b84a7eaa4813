import Mustache

/// A template value: what front matter `extra:`, `site.yml` and page contexts are made of.
/// Equatable so a rebuild can skip pages whose data did not change; rendered by Mustache
/// directly (no conversion pass), so building a context is the only cost.
public enum DataValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([DataValue])
    case map([String: DataValue])
    case null

    /// The value as Mustache expects to see it: Bool for sections, arrays as sequences,
    /// maps as parents, scalars as their text.
    var mustacheValue: Any? {
        switch self {
        case .string(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .bool(let value): return value
        case .array(let values): return values
        case .map: return self
        case .null: return nil
        }
    }

    subscript(key: String) -> DataValue? {
        if case .map(let map) = self { return map[key] }
        return nil
    }

    var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}

extension DataValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .map(let map) = self, let value = map[name] else { return nil }
        return value.mustacheValue
    }
}

extension DataValue: CustomStringConvertible {
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
