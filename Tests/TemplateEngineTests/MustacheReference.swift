import Mustache
import Testing

@testable import TemplateEngine

/// A DataValue as swift-mustache sees it, the same mapping SiteBuilder's DataValue+Mustache
/// conformance gives it (a wrapper here, so this test target does not conform DataValue twice):
/// maps are parents, lists Swift arrays of wrapped elements, scalars their Swift values, null nil.
struct ReferenceValue: MustacheParent, CustomStringConvertible {
    let value: DataValue

    init(_ value: DataValue) { self.value = value }

    var mustacheValue: Any? {
        switch value {
        case .string(let text): return text
        case .int(let number): return number
        case .double(let number): return number
        case .bool(let flag): return flag
        case .array(let elements): return elements.map(ReferenceValue.init)
        case .map: return self
        case .null: return nil
        }
    }

    func child(named name: String) -> Any? {
        guard case .map(let map) = value, let child = map[name] else { return nil }
        return ReferenceValue(child).mustacheValue
    }

    var description: String { value.description }
}

/// Templates, data and the template to render: one differential case.
struct RenderCase: CustomStringConvertible, Sendable {
    var name: String
    var template: String
    var data: DataValue
    var partials: [String: String] = [:]

    var description: String { "\(name): \(template.debugDescription) partials \(partials) data \(data)" }

    /// swift-mustache's output (default HTML escaping), or nil when it rejects a template.
    func reference() -> String? {
        var library = MustacheLibrary()
        do {
            for (partialName, text) in partials { library.register(try MustacheTemplate(string: text), named: partialName) }
            library.register(try MustacheTemplate(string: template), named: "__main__")
        } catch {
            return nil
        }
        return library.render(ReferenceValue(data), withTemplate: "__main__")
    }

    /// The compiled engine's output.
    func compiled() throws(TemplateCompileError) -> String {
        var templates = partials
        templates["__main__"] = template
        let set = try CompiledTemplates(templates: templates)
        do {
            return try set.render("__main__", data) ?? "<missing>"
        } catch {
            return "<\(error)>"
        }
    }
}

/// Expects the compiled engine to render `renderCase` exactly as swift-mustache does, and to
/// reject exactly the templates swift-mustache rejects.
func expectSameRendering(_ renderCase: RenderCase, sourceLocation: SourceLocation = #_sourceLocation) {
    let expected = renderCase.reference()
    do {
        let actual = try renderCase.compiled()
        #expect(expected != nil, "swift-mustache rejects \(renderCase)", sourceLocation: sourceLocation)
        if let expected {
            #expect(actual == expected, "\(renderCase)", sourceLocation: sourceLocation)
        }
    } catch {
        #expect(expected == nil, "compile failed with \(error) for \(renderCase)", sourceLocation: sourceLocation)
    }
}
