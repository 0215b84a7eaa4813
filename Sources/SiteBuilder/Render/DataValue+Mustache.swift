import Mustache
import TemplateEngine

// swift-mustache renders a site whose templates use features the compiled engine does not
// implement; these conformances let it walk DataValue without a conversion pass.
extension DataValue {
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
}

extension DataValue: MustacheParent {
    public func child(named name: String) -> Any? {
        guard case .map(let map) = self, let value = map[name] else { return nil }
        return value.mustacheValue
    }
}
