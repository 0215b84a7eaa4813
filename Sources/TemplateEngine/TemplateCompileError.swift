/// Why a template set was not compiled: a syntax error, or a feature for which the caller renders it with swift-mustache instead.
public enum TemplateCompileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The text does not parse: where (1-based) and why.
    case syntax(template: String, line: Int, column: Int, reason: String)
    /// The template uses a swift-mustache feature the compiled engine does not implement.
    case unsupported(template: String, feature: String)

    public var description: String {
        switch self {
        case .syntax(let template, let line, let column, let reason): return "template \(template):\(line):\(column): \(reason)"
        case .unsupported(let template, let feature): return "template \(template) uses \(feature), which the compiled renderer does not implement"
        }
    }
}
