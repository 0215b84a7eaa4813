/// One language's lexer as Chroma's XML defines it: regex rules grouped in named states.
public struct LexerDefinition: Sendable {
    /// What a matched rule emits.
    indirect enum Emitter: Sendable {
        case token(TokenType)
        /// One emitter per capture group, in order.
        case byGroups([Emitter])
        /// The matched text lexed again by this lexer, from `state`.
        case usingSelf(state: String)
        /// The matched text lexed by the lexer named `lexer`.
        case using(lexer: String)
    }

    /// What a matched rule does to the state stack.
    enum Mutator: Sendable {
        /// Pushes the states (`#pop` pops); no states pushes the current one again.
        case push([String])
        case pop(Int)
        /// Stands for the rules of another state, spliced in where it appears.
        case include(String)
        /// Pushes a state made of the rules of all these states.
        case combined([String])
    }

    struct Rule: Sendable {
        /// The regex, matched where the previous token ended; empty always matches.
        let pattern: String
        let emitter: Emitter?
        let mutator: Mutator?
    }

    /// The language's display name (`Rust`); the catalog reads aliases and file patterns itself.
    public let name: String
    let caseInsensitive: Bool
    let dotAll: Bool
    let notMultiline: Bool
    let ensureNewline: Bool
    let states: [String: [Rule]]
}
