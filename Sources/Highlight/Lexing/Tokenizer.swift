import HTMLEscaping

/// Runs a compiled lexer over text the way Chroma's `RegexLexer` does: at each position the first
/// rule of the current state that matches there wins; its emitter makes tokens and its stack
/// change moves to another state. Adjacent tokens of one type are merged (Chroma's `Coalesce`).
struct Tokenizer {
    /// Finds the lexer a `using` emitter names (by name or alias, any case).
    let lexerNamed: (String) -> CompiledLexer?

    func tokens(of text: String, lexer: CompiledLexer) -> [Token] {
        var bytes = Array(ByteSearch.replacing("\r\n", with: "\n", in: text).utf8)
        let end = bytes.count
        // The newline Chroma adds for lexers that need one is lexed only as far as rules reach past `end`.
        if lexer.ensureNewline, bytes.last != 0x0A { bytes.append(0x0A) }
        var out = TokenList()
        run(bytes, end: end, lexer: lexer, state: lexer.state("root"), into: &out)
        return out.finished
    }

    /// Lexes `bytes[..<end]` from state number `initial`, appending to `out`; nested lexing calls it again.
    private func run(_ bytes: [UInt8], end: Int, lexer: CompiledLexer, state initial: Int, into out: inout TokenList) {
        let region = CompiledRegex.Region()
        let match = region.pointer
        // States whose rules cannot be joined into one regex (`StateMatcher`) try them one by one,
        // remembering where each regex next matches, searched from `from`: a regex whose next match
        // starts after the position cannot match there, so most rules cost one search per run of
        // text instead of one match attempt per position (the cache syntect and vscode-textmate keep).
        var next = [(from: Int, start: Int)](repeating: (Int.max, 0), count: lexer.regexes.count)
        let handles = lexer.regexHandles
        let states = lexer.states
        let matchers = lexer.stateMatchers
        // Where the current state's rules next match, by one search of them all (`StateMatcher`).
        var combined = (state: -1, start: 0)
        var stack = [initial]
        var position = 0
        var emptyMatches = 0
        bytes.withUnsafeBufferPointer { text in
            next.withUnsafeMutableBufferPointer { next in
                while position < end, let state = stack.last {
                    let rules = states[state]
                    var chosen = -1
                    var groups: [Range<Int>?] = []
                    if emptyMatches < 64, let matcher = matchers[state] {
                        // No rule matches before the state's next match (when the state is the same).
                        if combined.state != state || combined.start < position {
                            combined = (state, matcher.regex.handle.search(text, from: position, region: match) ?? Int.max)
                        } else if combined.start == position {
                            _ = matcher.regex.handle.search(text, from: position, region: match)
                        }
                        if combined.start == position, let rule = matcher.rule(in: region) {
                            chosen = rule
                            groups = matcher.groups(of: rule, in: region)
                            // Taken: the next search starts past it.
                            combined.state = -1
                        }
                    } else if emptyMatches < 64 {
                        for index in rules.indices {
                            let number = rules[index].regex
                            var known = next[number]
                            if known.from > position || (known.start >= 0 && known.start < position) {
                                known = (position, handles[number].search(text, from: position, region: match) ?? -1)
                                next[number] = known
                                // A search finds the leftmost match by trying each start in turn, so one
                                // found here is the match here, groups and all (most tokens come this way).
                                if known.start == position {
                                    chosen = index
                                    break
                                }
                            } else if known.start == position, handles[number].match(text, at: position, region: match) {
                                chosen = index
                                break
                            }
                        }
                    }
                    guard chosen >= 0 else {
                        // From Pygments: an unmatched newline outside the first state starts over there,
                        // so that one unclosed string does not spoil the rest of the block.
                        if text[position] == 0x0A, state != initial {
                            stack = [initial]
                            emptyMatches = 0
                            continue
                        }
                        let next = Self.nextCharacter(text, after: position)
                        out.append(.error, text, position..<next)
                        position = next
                        emptyMatches = 0
                        continue
                    }
                    let rule = rules[chosen]
                    if groups.isEmpty { groups = (0..<region.count).map { region.range($0) } }
                    let matched = groups[0]!
                    emptyMatches = matched.isEmpty ? emptyMatches + 1 : 0
                    position = matched.upperBound
                    switch rule.change {
                    case .push(let pushed) where pushed.isEmpty:
                        stack.append(state)
                    case .push(let pushed):
                        for state in pushed {
                            if state == CompiledLexer.popMarker { stack.removeLast() } else { stack.append(state) }
                        }
                    case .pop(let depth):
                        stack.removeLast(min(depth, stack.count))
                    case nil:
                        break
                    }
                    if let emitter = rule.emitter {
                        emit(emitter, groups: groups, text: text, lexer: lexer, into: &out)
                    }
                }
            }
        }
        if position < bytes.count, stack.isEmpty {
            out.append(.error, bytes, position..<bytes.count)
        }
    }

    private func emit(_ emitter: LexerDefinition.Emitter, groups: [Range<Int>?], text: UnsafeBufferPointer<UInt8>,
                      lexer: CompiledLexer, into out: inout TokenList) {
        let whole = groups[0] ?? 0..<0
        switch emitter {
        case .token(let type):
            out.append(type, text, whole)
        case .byGroups(let emitters):
            guard emitters.count == groups.count - 1 else { return out.append(.error, text, whole) }
            for (emitter, group) in zip(emitters, groups.dropFirst()) {
                emit(emitter, groups: [group ?? whole.lowerBound..<whole.lowerBound], text: text, lexer: lexer, into: &out)
            }
        case .usingSelf(let state):
            let nested = Array(text[whole])
            run(nested, end: nested.count, lexer: lexer, state: lexer.state(state), into: &out)
        case .using(let name):
            guard let other = lexerNamed(name) else { return out.append(.text, text, whole) }
            let nested = Array(text[whole])
            run(nested, end: nested.count, lexer: other, state: other.state("root"), into: &out)
        }
    }

    private static func nextCharacter(_ text: UnsafeBufferPointer<UInt8>, after position: Int) -> Int {
        var next = position + 1
        while next < text.count, text[next] & 0xC0 == 0x80 { next += 1 }
        return next
    }
}

/// Tokens as they are made, merged with the previous one when the type repeats.
private struct TokenList {
    private(set) var tokens: [Token] = []
    private var pendingType: TokenType?
    private var pending: [UInt8] = []

    var finished: [Token] {
        mutating get { flush(); return tokens }
    }

    mutating func append(_ type: TokenType, _ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        if type != pendingType || pending.count >= 8192 { flush(); pendingType = type }
        pending.append(contentsOf: text[range])
    }

    mutating func append(_ type: TokenType, _ bytes: [UInt8], _ range: Range<Int>) {
        bytes.withUnsafeBufferPointer { append(type, $0, range) }
    }

    private mutating func flush() {
        if let pendingType, !pending.isEmpty { tokens.append(Token(type: pendingType, text: String(decoding: pending, as: UTF8.self))) }
        pending.removeAll(keepingCapacity: true)
    }
}
