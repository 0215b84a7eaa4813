/// A set of Mustache templates compiled to step lists, rendering DataValue contexts exactly as
/// swift-mustache 2.1.1 renders them with HTML escaping; partials refer to templates of the set.
public struct CompiledTemplates: Sendable {
    let indexes: [String: Int]
    /// Template names by index (byte order), as partial steps refer to them.
    let names: [String]
    let program: TemplateProgram

    /// Compiles `templates` (name -> Mustache text). `htmlContentTypes` are the
    /// `{{% CONTENT_TYPE: name }}` values that mean swift-mustache's HTML escaping; any other
    /// pragma is unsupported.
    public init(templates: [String: String], htmlContentTypes: Set<String> = ["HTML"]) throws(TemplateCompileError) {
        let names = templates.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var indexes: [String: Int] = [:]
        for (index, name) in names.enumerated() { indexes[name] = index }
        var lowering = TemplateLowering(indexes: indexes, htmlContentTypes: htmlContentTypes)
        var templateBodies: [Int] = []
        for name in names {
            let tokens: [MustacheToken]
            do {
                tokens = try MustacheParser.parse(templates[name]!)
            } catch {
                throw .syntax(template: name, line: error.line, column: error.column, reason: error.description)
            }
            lowering.template = name
            templateBodies.append(try lowering.lower(tokens))
        }
        self.indexes = indexes
        self.names = names
        program = TemplateProgram(lowering.builder, templateBodies: templateBodies)
    }

    /// Whether the set holds a template called `name`.
    public func has(_ name: String) -> Bool { indexes[name] != nil }

    /// The template `name` rendered with `context`, or nil when the set has no such template.
    public func render(_ name: String, _ context: DataValue) throws(TemplateNestingError) -> String? {
        try renderUTF8(name, context).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `render(_:_:)` as UTF-8 bytes, for a caller that writes them out: no String is made.
    public func renderUTF8(_ name: String, _ context: DataValue) throws(TemplateNestingError) -> [UInt8]? {
        guard let index = indexes[name] else { return nil }
        let (output, tooDeep) = withExtendedLifetime(program) {
            var renderer = TemplateRenderer(program: program, root: context)
            renderer.render(program.templateBodies[index], TemplateRenderer.Scope())
            return (renderer.output, renderer.tooDeep)
        }
        if let partial = tooDeep {
            throw TemplateNestingError(template: name, partial: names[partial], limit: TemplateRenderer.maxNesting)
        }
        return output
    }
}
