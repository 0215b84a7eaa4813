/// Templates that include themselves whatever the data: a partial or parent reached outside every
/// section, block and override, leading back to the template. Rendering one recurses until the
/// stack overflows (swift-mustache too), so a site build reports it instead. Recursion inside a
/// section (a tree walked through its data) ends and is allowed.
public enum PartialCycles {
    /// The first such chain in name order, from a template back to itself (`["home", "partials/a", "home"]`), or nil.
    public static func unconditionalCycle(in templates: [String: String]) -> [String]? {
        let names = templates.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var edges: [String: [String]] = [:]
        for name in names {
            var targets: [String] = []
            if let tokens = try? MustacheParser.parse(templates[name]!) { collect(tokens, into: &targets) }
            edges[name] = targets
        }
        var finished: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) -> [String]? {
            if let start = path.firstIndex(of: name) { return Array(path[start...]) + [name] }
            if finished.contains(name) { return nil }
            path.append(name)
            for next in edges[name] ?? [] where edges[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            finished.insert(name)
            return nil
        }
        for name in names {
            if let cycle = visit(name) { return cycle }
        }
        return nil
    }

    /// Partials and parents rendered every time the tokens are: not those inside sections, block
    /// defaults (an override may replace them) or overrides (a parent may not show them).
    private static func collect(_ tokens: [MustacheToken], into targets: inout [String]) {
        for token in tokens {
            if case .partial(let name, _, _) = token { targets.append(name) }
        }
    }
}
