/// The names a template can look up: every part of every tag's path in its own body and in
/// everything it can reach (sections, partials, blocks and their overrides). Mustache looks
/// values up only by names written in the templates, so a value under a name outside this set
/// is never read, and a caller may leave out one that is costly to make.
extension TemplateProgram {
    func names(reachableFrom template: Int) -> Set<String> {
        var names: Set<String> = []
        var seenBodies: Set<Int> = []
        var pending = [templateBodies[template]]
        func visit(_ body: Int) { if seenBodies.insert(body).inserted { pending.append(body) } }
        while let body = pending.popLast() {
            for index in bodies[body] {
                switch steps[index] {
                case .text: break
                case .variable(let reference, _):
                    names.formUnion(references[reference].path.names)
                case .section(let reference, let inner), .invertedSection(let reference, let inner):
                    names.formUnion(references[reference].path.names)
                    visit(inner)
                case .block(_, let inner, _):
                    visit(inner)
                case .partial(let partial, _, let overrides):
                    if partial >= 0 { visit(templateBodies[partial]) }
                    if overrides >= 0 { overrideSets[overrides].values.forEach(visit) }
                }
            }
        }
        return names
    }
}

extension ValueReference.Path {
    fileprivate var names: [String] {
        switch self {
        case .top, .sequence: []
        case .anchored(let names): names
        case .climbing(let first, let rest): [first] + rest
        }
    }
}

extension CompiledTemplates {
    /// The names the template `name` and everything it includes can look up; nil when the set has
    /// no such template.
    public func names(usedBy name: String) -> Set<String>? {
        indexes[name].map { program.names(reachableFrom: $0) }
    }
}
