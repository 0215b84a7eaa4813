/// A lexer ready to run: every rule's regex compiled with the lexer's flags, `include`s spliced
/// in and `combined` states built, as Chroma does before its first use. States and regexes are
/// numbered, so the tokenizer's inner loop does no dictionary lookup and no reference counting.
final class CompiledLexer: Sendable {
    enum StackChange: Sendable {
        /// The states pushed, in order; `popMarker` pops one instead.
        case push([Int])
        case pop(Int)
    }

    /// In a pushed list, `#pop`.
    static let popMarker = -1

    struct Rule: Sendable {
        /// Its regex's number, an index into `regexes`.
        let regex: Int
        let emitter: LexerDefinition.Emitter?
        let change: StackChange?
    }

    let name: String
    let ensureNewline: Bool
    /// Each state's rules, by state number (`stateNumbers`); a state named but not defined has none.
    let states: [[Rule]]
    let stateNumbers: [String: Int]
    /// The rules' regexes, by number (they own the handles in `regexHandles`).
    let regexes: [CompiledRegex]
    let regexHandles: [CompiledRegex.Handle]
    /// Each state's rules as one regex, by state number; nil where a rule's groups cannot be renumbered.
    let stateMatchers: [StateMatcher?]

    /// The number of the state named `name`: every state a rule pushes or lexes with is numbered.
    func state(_ name: String) -> Int { stateNumbers[name]! }

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
        var numbers: [String: Int] = [:]
        for (number, state) in builder.resolved.keys.sorted().enumerated() { numbers[state] = number }
        // States named but not defined get no rules: nothing matches there, as in Chroma.
        func number(_ state: String) { if numbers[state] == nil { numbers[state] = numbers.count } }
        func numberStates(of emitter: LexerDefinition.Emitter) {
            switch emitter {
            case .usingSelf(let state): number(state)
            case .byGroups(let emitters): emitters.forEach(numberStates)
            case .token, .using: break
            }
        }
        for (_, rules) in builder.resolved.sorted(by: { $0.key < $1.key }) {
            for rule in rules {
                if case .push(let pushed) = rule.change { pushed.filter { $0 != "#pop" }.forEach(number) }
                if let emitter = rule.emitter { numberStates(of: emitter) }
            }
        }
        var states = [[Rule]](repeating: [], count: numbers.count)
        for (state, rules) in builder.resolved {
            states[numbers[state]!] = rules.map { rule in
                let change: StackChange? = switch rule.change {
                case .push(let pushed): .push(pushed.map { $0 == "#pop" ? Self.popMarker : numbers[$0]! })
                case .pop(let depth): .pop(depth)
                case nil: nil
                }
                return Rule(regex: rule.regex.number, emitter: rule.emitter, change: change)
            }
        }
        self.states = states
        stateNumbers = numbers
        regexes = builder.regexes.values.sorted { $0.number < $1.number }
        regexHandles = regexes.map(\.handle)
        let regexes = regexes
        stateMatchers = states.map { rules in StateMatcher(rules.map { regexes[$0.regex] }, prefix: builder.prefix) }
    }

    /// A rule as the definition names things, before states are numbered.
    private struct NamedRule {
        let regex: CompiledRegex
        let emitter: LexerDefinition.Emitter?
        let change: NamedChange?
    }

    private enum NamedChange {
        case push([String])
        case pop(Int)
    }

    private struct Builder {
        let definition: LexerDefinition
        let prefix: String
        var resolved: [String: [NamedRule]] = [:]
        var regexes: [String: CompiledRegex] = [:]

        mutating func expand(_ state: String, seen: Set<String>) throws(HighlightError) -> [NamedRule] {
            guard let rules = definition.states[state], !seen.contains(state) else {
                throw .badDefinition(file: definition.name, line: 0, reason: "state '\(state)' is missing or includes itself")
            }
            var out: [NamedRule] = []
            for rule in rules {
                switch rule.mutator {
                case .include(let other):
                    out += try expand(other, seen: seen.union([state]))
                case .combined(let parts):
                    let name = "__combined_" + parts.joined(separator: "__")
                    if resolved[name] == nil {
                        var combined: [NamedRule] = []
                        for part in parts { combined += try expand(part, seen: []) }
                        resolved[name] = combined
                    }
                    out.append(NamedRule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .push([name])))
                case .push(let states):
                    out.append(NamedRule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .push(states)))
                case .pop(let depth):
                    out.append(NamedRule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: .pop(depth)))
                case nil:
                    out.append(NamedRule(regex: try regex(rule.pattern, state: state), emitter: rule.emitter, change: nil))
                }
            }
            return out
        }

        private mutating func regex(_ pattern: String, state: String) throws(HighlightError) -> CompiledRegex {
            if let known = regexes[pattern] { return known }
            do {
                let compiled = try CompiledRegex(prefix + "(?:" + pattern + ")", source: pattern, number: regexes.count)
                regexes[pattern] = compiled
                return compiled
            } catch {
                throw .badPattern(lexer: definition.name, state: state, pattern: pattern, reason: error.reason)
            }
        }
    }
}
