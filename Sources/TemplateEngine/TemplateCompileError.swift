/// Why a template set was not compiled; the caller renders it with swift-mustache instead.
public enum TemplateCompileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The text does not parse (swift-mustache reports such errors with line and column).
    case syntax(template: String, reason: String)
    /// The template uses a swift-mustache feature the compiled engine does not implement.
    case unsupported(template: String, feature: String)

    public var description: String {
        switch self {
        case .syntax(let template, let reason): return "template \(template): \(reason)"
        case .unsupported(let template, let feature): return "template \(template) uses \(feature), which the compiled renderer does not implement"
        }
    }
}
