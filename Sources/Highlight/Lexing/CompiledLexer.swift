/// A lexer ready to run: every rule's regex compiled with the lexer's flags, `include`s spliced
/// in and `combined` states built, as Chroma does before its first use.
final class CompiledLexer: Sendable {
    enum StackChange: Sendable {
        case push([String])
        case pop(Int)
    }

    struct Rule: Sendable {
        let regex: CompiledRegex
        let emitter: LexerDefinition.Emitter?
        let change: StackChange?
    }

    let name: String
    let ensureNewline: Bool
    let states: [String: [Rule]]
    /// How many distinct regexes its rules use.
    let regexCount: Int

    init(_ definition: LexerDefinition) throws(HighlightError) {
        var flags = ""
        if !definition.notMultiline { flags += "m" }
        if definition.caseInsensitive { flags += "i" }
        if definition.dotAll { flags += "s" }
        var builder = Builder(definition: definition, prefix: flags.isEmpty ? "" : "(?\(flags))")
        for state in definition.states.keys.sorted() {
            builder.resolved[state] = try builder.expand(state, seen: [])
        }
        name = definition.name
        ensureNewline = definition.ensureNewline
        states = builder.resolved
        regexCount = builder.regexCount
    }

    private struct Builder {
        let definition: LexerDefinition
        let prefix: String
        var resolved: [String: [Rule]] = [:]
        var regexes: [String: CompiledRegex] = [:]
        var regexCount: Int { regexes.count }

        mutating func expand(_ state: String, seen: Set<String>) throws(HighlightError) -> [Rule] {
            guard let rules = definition.states[state], !seen.contains(state) else {
                throw .badDefinition(file: definition.name, line: 0, reason: "state '\(state)' is missing or includes itself")
            }
            var out: [Rule] = []
            for rule in rules {
                switch rule.mutator {
                case .include(let other):
                    out += try expand(other, seen: seen.union([state]))
                case .combined(let parts):
                    let name = "__combined_" + parts.joined(separator: "__")
                    if resolved[name] == nil {
                        var combined: [Rule] = []
                        for part in parts { combined += try expand(part, seen: []) }
                        resolved[name] = combined
                    }
                    out.append(Rule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .push([name])))
                case .push(let states):
                    out.append(Rule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .push(states)))
                case .pop(let depth):
                    out.append(Rule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .pop(depth)))
                case nil:
                    out.append(Rule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: nil))
                }
            }
            return out
        }

        private mutating func regex(_ pattern: String, state: String) throws(HighlightError) -> CompiledRegex {
            if let known = regexes[pattern] { return known }
            do {
                let compiled = try CompiledRegex(prefix + "(?:" + pattern + ")", number: regexes.count)
                regexes[pattern] = compiled
                return compiled
            } catch {
                throw .badPattern(lexer: definition.name, state: state, pattern: pattern, reason: error.reason)
            }
        }
    }
}
