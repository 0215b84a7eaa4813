/// Mustache text -> tokens, following swift-mustache 2.1.1's parser step by step (standalone
/// lines, partial indentation, inheritance blocks, delimiter changes), so that the compiled
/// tree renders byte-identical output. Its failures are the authors' syntax errors, with the
/// line and column to fix.
enum MustacheParser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The Character index the failure is at (the tag at fault); nil: where parsing stopped.
        var position: Int?
        /// Where the section the failure is about was opened, when that is elsewhere: the line a
        /// missing `{{/x}}` belongs after is found from there, not from where parsing noticed.
        var opened: Int? = nil
        /// 1-based, filled in by `parse(_:)`.
        var line = 0
        var column = 0
    }

    private struct State {
        var sectionName: String?
        /// Where the tag opening the section is.
        var sectionStart = 0
        var sectionTransforms: [String] = []
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter = "{{"
        var endDelimiter = "}}"
        var partialDefinitionIndent: String?

        func withSection(_ name: String, at start: Int, newLine: Bool, transforms: [String] = []) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.sectionTransforms = transforms
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.sectionTransforms = []
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: String, end: String) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    /// The tokens of a whole template.
    static func parse(_ text: String) throws(Failure) -> [MustacheToken] {
        var cursor = CharacterCursor(text)
        var failure: Failure
        do {
            return try parse(&cursor, state: State())
        } catch let thrown as Failure {
            failure = thrown
        } catch {
            failure = Failure(description: "a tag is not finished (no closing delimiter before the end of the template)")
        }
        let position = min(failure.position ?? cursor.position, cursor.characters.count)
        let before = cursor.characters[..<position]
        let lineStart = before.lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
        failure.line = before.count(where: \.isNewline) + 1
        failure.column = position - lineStart + 1
        if let opened = failure.opened, opened < position {
            let openedLine = cursor.characters[..<opened].count(where: \.isNewline) + 1
            if openedLine != failure.line { failure.description += " (it was opened on line \(openedLine))" }
        }
        throw failure
    }

    /// The tokens of one line so far, and the whitespace that began it (a standalone tag drops it).
    private struct Line {
        var tokens: [MustacheToken] = []
        var whiteSpaceBefore = ""

        /// Emits the pending whitespace as text.
        mutating func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
            whiteSpaceBefore = ""
        }
    }

    private static func parse(_ cursor: inout CharacterCursor, state: State) throws -> [MustacheToken] {
        var line = Line()
        var state = state
        while !cursor.reachedEnd {
            if state.newLine {
                let whiteSpace = cursor.read(while: isSpaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    // Block definitions inside `{{<parent}}` lose the first line's indent.
                    if let indent = state.partialDefinitionIndent {
                        line.whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    line.whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&cursor, state: state)
            if cursor.current.isNewline {
                line.tokens.append(.text(line.whiteSpaceBefore + text + String(cursor.current)))
                state.newLine = true
                cursor.advance()
                continue
            }
            if !text.isEmpty {
                line.tokens.append(.text(line.whiteSpaceBefore + text))
                line.whiteSpaceBefore = ""
                state.newLine = false
            }
            if cursor.reachedEnd { break }
            let tagStart = cursor.position - state.startDelimiter.count
            let sigil = cursor.current
            if "#^/!{&>".contains(sigil) || "<$=%".contains(sigil) { cursor.advance() }
            var setNewLine = false
            switch sigil {
            case "#", "^": setNewLine = try parseSection(&cursor, state: state, inverted: sigil == "^", at: tagStart, line: &line)
            case "/":
                try parseClose(&cursor, state: state, at: tagStart, line: &line)
                return line.tokens
            case "!":
                try cursor.skip(pastString: state.endDelimiter)
                setNewLine = isStandalone(&cursor, state: state)
            case "{", "&":
                line.flushWhiteSpace()
                let (name, transforms) = try parseName(&cursor, state: state)
                if sigil == "{" {
                    guard try cursor.read("}") else { throw Failure(description: "'{{{' needs '}}}' to end it", position: tagStart) }
                }
                line.tokens.append(.variable(name: name, transforms: transforms, escaped: false))
            case ">": setNewLine = try parsePartial(&cursor, state: state, line: &line)
            case "<": setNewLine = try parseInheritance(&cursor, state: state, at: tagStart, line: &line)
            case "$": setNewLine = try parseBlock(&cursor, state: state, at: tagStart, line: &line)
            case "=":
                state = try setDelimiters(&cursor, state: state)
                setNewLine = isStandalone(&cursor, state: state)
            case "%":
                line.tokens.append(try readConfigVariable(&cursor, state: state))
                setNewLine = isStandalone(&cursor, state: state)
            default:
                line.flushWhiteSpace()
                let (name, transforms) = try parseName(&cursor, state: state)
                line.tokens.append(.variable(name: name, transforms: transforms, escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw Failure(description: "section '\(open)' is never closed (no '\(state.startDelimiter)/\(open)\(state.endDelimiter)')",
                position: state.sectionStart)
        }
        return line.tokens
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`, after its sigil; whether the tag stood alone on its line.
    private static func parseSection(_ cursor: inout CharacterCursor, state: State, inverted: Bool, at tagStart: Int,
        line: inout Line) throws -> Bool
    {
        let (name, transforms) = try parseName(&cursor, state: state)
        let standalone = isStandalone(&cursor, state: state)
        if !standalone { line.flushWhiteSpace() }
        let body = try parse(&cursor, state: state.withSection(name, at: tagStart, newLine: standalone, transforms: transforms))
        line.tokens.append(
            inverted
                ? .invertedSection(name: name, transforms: transforms, body: body)
                : .section(name: name, transforms: transforms, body: body))
        return standalone
    }

    /// `{{/name}}`, after its sigil: it must close the open section.
    private static func parseClose(_ cursor: inout CharacterCursor, state: State, at tagStart: Int, line: inout Line) throws {
        let (name, transforms) = try parseName(&cursor, state: state)
        guard name == state.sectionName, transforms == state.sectionTransforms else {
            let closed = "'\(state.startDelimiter)/\(([name] + transforms).joined(separator: " "))\(state.endDelimiter)'"
            guard let open = state.sectionName else {
                throw Failure(description: "\(closed) closes a section that was never opened", position: tagStart)
            }
            throw Failure(description: "\(closed) does not close the open section '\(open)'; close '\(open)' first", position: tagStart,
                opened: state.sectionStart)
        }
        if !isStandalone(&cursor, state: state) { line.flushWhiteSpace() }
    }

    /// `{{> name}}` or `{{> *dynamic}}`, after its sigil.
    private static func parsePartial(_ cursor: inout CharacterCursor, state: State, line: inout Line) throws -> Bool {
        cursor.read(while: \.isWhitespace)
        var dynamic = false
        if cursor.current == "*" {
            cursor.advance()
            dynamic = true
        }
        let name = try parsePartialName(&cursor, state: state)
        if !line.whiteSpaceBefore.isEmpty { line.tokens.append(.text(line.whiteSpaceBefore)) }
        let standalone = isStandalone(&cursor, state: state)
        if dynamic {
            line.tokens.append(.dynamicPartial(name: name))
        } else {
            line.tokens.append(.partial(name: name, indentation: standalone ? line.whiteSpaceBefore : nil, overrides: nil))
        }
        line.whiteSpaceBefore = ""
        return standalone
    }

    /// `{{< parent}}{{$block}}…{{/block}}{{/parent}}`, after its sigil.
    private static func parseInheritance(_ cursor: inout CharacterCursor, state: State, at tagStart: Int, line: inout Line) throws -> Bool {
        cursor.read(while: \.isWhitespace)
        let sectionName = try parsePartialName(&cursor, state: state)
        if !line.whiteSpaceBefore.isEmpty { line.tokens.append(.text(line.whiteSpaceBefore)) }
        let standalone = isStandalone(&cursor, state: state)
        let body = try parse(&cursor, state: state.withInheritancePartial(sectionName, at: tagStart))
        var overrides: [String: [MustacheToken]] = [:]
        for token in body {
            switch token {
            case .blockDefinition(let name, let blockBody): overrides[name] = blockBody
            case .text: break
            default: throw Failure(description: "only '$' blocks may stand inside '<\(sectionName)'", position: tagStart)
            }
        }
        if sectionName.first == "*" {
            line.tokens.append(.dynamicPartial(name: String(sectionName.dropFirst())))
        } else {
            line.tokens.append(.partial(name: sectionName, indentation: line.whiteSpaceBefore, overrides: overrides))
        }
        line.whiteSpaceBefore = ""
        return standalone
    }

    /// `{{$name}}…{{/name}}`, after its sigil: a block definition inside `{{<parent}}`, else a block with its default.
    private static func parseBlock(_ cursor: inout CharacterCursor, state: State, at tagStart: Int, line: inout Line) throws -> Bool {
        let (name, transforms) = try parseName(&cursor, state: state)
        guard transforms.isEmpty else { throw Failure(description: "a '$' block cannot take a transform", position: tagStart) }
        if state.isPartialDefinitionTopLevel {
            let standalone = isStandalone(&cursor, state: state)
            let body = try parse(&cursor, state: state.withSection(name, at: tagStart, newLine: standalone))
            line.tokens.append(.blockDefinition(name: name, body: body))
            return standalone
        }
        if !line.whiteSpaceBefore.isEmpty { line.tokens.append(.text(line.whiteSpaceBefore)) }
        let standalone = isStandalone(&cursor, state: state)
        let body = try parse(&cursor, state: state.withSection(name, at: tagStart, newLine: standalone))
        line.tokens.append(.blockExpansion(name: name, defaultBody: body, indentation: line.whiteSpaceBefore))
        line.whiteSpaceBefore = ""
        return standalone
    }

    private static func readUntilDelimiterOrNewline(_ cursor: inout CharacterCursor, state: State) throws -> String {
        guard let first = state.startDelimiter.first else { return "" }
        var total = ""
        while !cursor.reachedEnd {
            total += try cursor.read(until: { $0 == "\n" || $0 == "\r\n" || $0 == first }, throwOnOverflow: false)
            if cursor.current.isNewline {
                break
            } else if cursor.current == first {
                if try cursor.read(string: state.startDelimiter) { break }
                total += String(first)
                cursor.advance()
            }
        }
        return total
    }

    /// A tag name and its transforms, outermost first: `equalzero(minusone(count))` ->
    /// ("count", ["equalzero", "minusone"]).
    private static func parseName(_ cursor: inout CharacterCursor, state: State) throws -> (String, [String]) {
        cursor.read(while: \.isWhitespace)
        let text = cursor.read(while: { sectionNameChars.contains($0) })
        cursor.read(while: \.isWhitespace)
        guard try cursor.read(string: state.endDelimiter) else {
            throw Failure(description: "expected '\(state.endDelimiter)' to end the tag (a name holds letters, digits and '._-')")
        }

        var name = CharacterCursor(text)
        let first = name.read(while: { nameCharsWithoutBrackets.contains($0) })
        if name.reachedEnd { return (text, []) }
        guard name.current == "(" else { throw Failure(description: "malformed transform in '\(text)'") }
        name.advance()
        var transforms = [first]
        while true {
            let part = name.read(while: { nameCharsWithoutBrackets.contains($0) })
            switch name.current {
            case ")":
                name.advance()
                let closing = name.read(while: { $0 == ")" }).count
                guard closing + 1 == transforms.count, name.reachedEnd else { throw Failure(description: "malformed transform in '\(text)'") }
                return (part, transforms)
            case "(":
                name.advance()
                transforms.append(part)
            default:
                throw Failure(description: "malformed transform in '\(text)'")
            }
        }
    }

    private static func parsePartialName(_ cursor: inout CharacterCursor, state: State) throws -> String {
        cursor.read(while: \.isWhitespace)
        let text = cursor.read(while: { partialNameChars.contains($0) })
        cursor.read(while: \.isWhitespace)
        guard try cursor.read(string: state.endDelimiter) else { throw Failure(description: "expected '\(state.endDelimiter)' to end the partial's name") }
        return text
    }

    private static func setDelimiters(_ cursor: inout CharacterCursor, state: State) throws -> State {
        let start: String
        let end: String
        do {
            cursor.read(while: \.isWhitespace)
            start = try cursor.read(until: \.isWhitespace, throwOnOverflow: true)
            cursor.read(while: \.isWhitespace)
            end = try cursor.read(until: { $0 == "=" || $0.isWhitespace }, throwOnOverflow: true)
            cursor.read(while: \.isWhitespace)
        } catch {
            throw Failure(description: "invalid set delimiter")
        }
        guard try cursor.read("="), try cursor.read(string: state.endDelimiter), !start.isEmpty, !end.isEmpty else {
            throw Failure(description: "invalid set delimiter")
        }
        return state.withDelimiters(start: start, end: end)
    }

    private static func readConfigVariable(_ cursor: inout CharacterCursor, state: State) throws -> MustacheToken {
        let variable: String
        let value: String
        do {
            cursor.read(while: \.isWhitespace)
            variable = cursor.read(while: { nameCharsWithoutBrackets.contains($0) })
            cursor.read(while: \.isWhitespace)
            guard try cursor.read(":") else { throw Failure(description: "invalid config variable syntax") }
            cursor.read(while: \.isWhitespace)
            value = cursor.read(while: { nameCharsWithoutBrackets.contains($0) })
            cursor.read(while: \.isWhitespace)
            guard try cursor.read(string: state.endDelimiter) else { throw Failure(description: "invalid config variable syntax") }
        } catch {
            throw Failure(description: "invalid config variable syntax")
        }
        guard !variable.isEmpty, !value.isEmpty, variable == "CONTENT_TYPE" else {
            throw Failure(description: "unrecognised config variable")
        }
        return .contentType(value)
    }

    /// A tag is standalone when only spaces and tabs share its line; the line end is consumed.
    private static func isStandalone(_ cursor: inout CharacterCursor, state: State) -> Bool {
        guard state.newLine else { return false }
        if cursor.reachedEnd { return true }
        var probe = cursor
        probe.read(while: isSpaceOrTab)
        guard probe.current.isNewline else { return false }
        probe.advance()
        cursor.position = probe.position
        return true
    }

    private static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }

    private static let nameCharsWithoutBrackets = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let sectionNameChars = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameChars = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
