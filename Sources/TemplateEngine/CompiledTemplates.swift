/// A set of Mustache templates compiled to trees, rendering DataValue contexts exactly as
/// swift-mustache 2.1.1 renders them with HTML escaping; partials refer to templates of the set.
public struct CompiledTemplates: Sendable {
    let indexes: [String: Int]
    let bodies: [[TemplateNode]]

    /// Compiles `templates` (name -> Mustache text). `htmlContentTypes` are the
    /// `{{% CONTENT_TYPE: name }}` values that mean swift-mustache's HTML escaping; any other
    /// pragma is unsupported.
    public init(templates: [String: String], htmlContentTypes: Set<String> = ["HTML"]) throws(TemplateCompileError) {
        let names = templates.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var indexes: [String: Int] = [:]
        for (index, name) in names.enumerated() { indexes[name] = index }
        var bodies: [[TemplateNode]] = []
        for name in names {
            let tokens: [MustacheToken]
            do {
                tokens = try MustacheParser.parse(templates[name]!)
            } catch {
                throw .syntax(template: name, reason: error.description)
            }
            var lowering = TemplateLowering(template: name, indexes: indexes, htmlContentTypes: htmlContentTypes)
            bodies.append(try lowering.lower(tokens))
        }
        self.indexes = indexes
        self.bodies = bodies
    }

    /// Whether the set holds a template called `name`.
    public func has(_ name: String) -> Bool { indexes[name] != nil }

    /// The template `name` rendered with `context`, or nil when the set has no such template.
    public func render(_ name: String, _ context: DataValue) -> String? {
        guard let index = indexes[name] else { return nil }
        var renderer = TemplateRenderer(bodies: bodies, root: context)
        renderer.render(bodies[index], TemplateRenderer.Scope())
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

/// Tokens -> nodes for one template: splits names, resolves partials, rejects what the
/// renderer cannot reproduce.
struct TemplateLowering {
    let template: String
    let indexes: [String: Int]
    let htmlContentTypes: Set<String>

    mutating func lower(_ tokens: [MustacheToken]) throws(TemplateCompileError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        for token in tokens {
            switch token {
            case .text(let text):
                // Adjacent runs stay separate: partial indentation is decided token by token.
                nodes.append(.text(Array(text.utf8)))
            case .variable(let name, let transforms, let escaped):
                nodes.append(.variable(try reference(name, transforms), escaped: escaped))
            case .section(let name, let transforms, let body):
                nodes.append(.section(try reference(name, transforms), try lower(body)))
            case .invertedSection(let name, let transforms, let body):
                nodes.append(.invertedSection(try reference(name, transforms), try lower(body)))
            case .blockDefinition:
                throw .syntax(template: template, reason: "block definition outside {{<parent}}")
            case .blockExpansion(let name, let defaultBody, let indentation):
                nodes.append(.block(name: name, defaultBody: try lower(defaultBody), indentation: Array(indentation.utf8)))
            case .partial(let name, let indentation, let overrides):
                var lowered: [String: [TemplateNode]]?
                if let overrides {
                    lowered = [:]
                    for (block, body) in overrides { lowered![block] = try lower(body) }
                }
                nodes.append(.partial(indexes[name], indentation: indentation.map { Array($0.utf8) }, overrides: lowered))
            case .dynamicPartial(let name):
                throw .unsupported(template: template, feature: "the dynamic partial {{>*\(name)}}")
            case .contentType(let name):
                guard htmlContentTypes.contains(name) else {
                    throw .unsupported(template: template, feature: "the pragma CONTENT_TYPE: \(name)")
                }
            }
        }
        return nodes
    }

    /// swift-mustache's name rules: `.` is the current object, a leading `.` anchors the lookup
    /// there, an empty name with transforms is the list position; dots split, empty parts dropped.
    private func reference(_ name: String, _ transforms: [String]) throws(TemplateCompileError) -> ValueReference {
        var applied: [ValueTransform] = []
        for transformName in transforms.reversed() {
            guard let transform = ValueTransform(name: transformName) else {
                throw .unsupported(template: template, feature: "the transform \(transformName)()")
            }
            applied.append(transform)
        }
        let parts = name.split(separator: ".").map(String.init)
        let path: ValueReference.Path
        if name == "." {
            path = .top
        } else if name.isEmpty, !transforms.isEmpty {
            path = .sequence
        } else if parts.isEmpty {
            path = .top
        } else if name.first == "." {
            path = .anchored(parts)
        } else {
            path = .climbing(first: parts[0], rest: Array(parts.dropFirst()))
        }
        return ValueReference(path: path, transforms: applied)
    }
}
