/// Tokens -> program steps: splits names, resolves partials, rejects what the renderer cannot
/// reproduce.
struct TemplateLowering {
    let indexes: [String: Int]
    let htmlContentTypes: Set<String>
    /// The template being lowered, for errors.
    var template = ""
    var builder = TemplateProgramBuilder()

    init(indexes: [String: Int], htmlContentTypes: Set<String>) {
        self.indexes = indexes
        self.htmlContentTypes = htmlContentTypes
    }

    /// Lowers `tokens` into a new body; returns its index.
    mutating func lower(_ tokens: [MustacheToken]) throws(TemplateCompileError) -> Int {
        var steps: [TemplateStep] = []
        for token in tokens {
            switch token {
            case .text(let text):
                // Adjacent runs stay separate: partial indentation is decided token by token.
                steps.append(.text(builder.add(text: text)))
            case .variable(let name, let transforms, let escaped):
                steps.append(.variable(reference: try reference(name, transforms), escaped: escaped))
            case .section(let name, let transforms, let body):
                let reference = try reference(name, transforms)
                steps.append(.section(reference: reference, body: try lower(body)))
            case .invertedSection(let name, let transforms, let body):
                let reference = try reference(name, transforms)
                steps.append(.invertedSection(reference: reference, body: try lower(body)))
            case .blockDefinition:
                throw .syntax(template: template, line: 1, column: 1, reason: "a block definition ($) stands outside any {{<parent}}")
            case .blockExpansion(let name, let defaultBody, let indentation):
                let body = try lower(defaultBody)
                steps.append(.block(name: builder.add(blockName: name), body: body, indentation: builder.add(text: indentation)))
            case .partial(let name, let indentation, let overrides):
                var overridesIndex = -1
                if let overrides {
                    var bodies: [String: Int] = [:]
                    for (block, body) in overrides { bodies[block] = try lower(body) }
                    overridesIndex = builder.add(overrides: bodies)
                }
                steps.append(.partial(
                    template: indexes[name] ?? -1,
                    indentation: indentation.map { builder.add(text: $0) } ?? -1,
                    overrides: overridesIndex))
            case .dynamicPartial(let name):
                throw .unsupported(template: template, feature: "the dynamic partial {{>*\(name)}}")
            case .contentType(let name):
                guard htmlContentTypes.contains(name) else {
                    throw .unsupported(template: template, feature: "the pragma CONTENT_TYPE: \(name)")
                }
            }
        }
        return builder.add(body: steps)
    }

    /// swift-mustache's name rules: `.` is the current object, a leading `.` anchors the lookup
    /// there, an empty name with transforms is the list position; dots split, empty parts dropped.
    private mutating func reference(_ name: String, _ transforms: [String]) throws(TemplateCompileError) -> Int {
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
        return builder.add(reference: ValueReference(path: path, transforms: applied))
    }
}
