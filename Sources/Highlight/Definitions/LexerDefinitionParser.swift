import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads one lexer of Chroma's XML format (`<lexer><config>…</config><rules><state>…`).
enum LexerDefinitionParser {
    static func parse(_ data: Data, file: String) throws(HighlightError) -> LexerDefinition {
        let delegate = Delegate()
        // Chroma writes a push or combined of several states as repeated `state` attributes, which
        // XML forbids (Go's decoder takes them); they become one space-separated list here.
        let text = String(decoding: data, as: UTF8.self).replacing("\" state=\"", with: " ")
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse(), delegate.failure == nil else {
            let line = parser.lineNumber
            throw .badDefinition(file: file, line: line, reason: delegate.failure ?? parser.parserError?.localizedDescription ?? "not XML")
        }
        guard !delegate.name.isEmpty, delegate.states["root"] != nil else {
            throw .badDefinition(file: file, line: 1, reason: "no <name> or no \"root\" state")
        }
        return LexerDefinition(
            name: delegate.name,
            caseInsensitive: delegate.flags.contains("case_insensitive"), dotAll: delegate.flags.contains("dot_all"),
            notMultiline: delegate.flags.contains("not_multiline"), ensureNewline: delegate.flags.contains("ensure_nl"),
            states: delegate.states)
    }

    /// Text with XML's character references decoded, for config values read without a parser.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&#34;", with: "\"")
            .replacing("&quot;", with: "\"").replacing("&#39;", with: "'").replacing("&apos;", with: "'")
            .replacing("&amp;", with: "&")
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var name = ""
        var flags: Set<String> = []
        var states: [String: [LexerDefinition.Rule]] = [:]
        var failure: String?

        private var text = ""
        private var state: String?
        private var pattern: String?
        private var emitter: LexerDefinition.Emitter?
        private var mutator: LexerDefinition.Mutator?
        /// Emitters collected inside an open `<bygroups>` (nested ones stack up).
        private var groups: [[LexerDefinition.Emitter]] = []

        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            text = ""
            switch element {
            case "state": state = attributes["name"]
            case "rule":
                pattern = attributes["pattern"] ?? ""
                emitter = nil
                mutator = nil
            case "bygroups": groups.append([])
            case "token":
                guard let typeName = attributes["type"], let type = TokenType(name: typeName) else {
                    return fail(parser, "unknown token type '\(attributes["type"] ?? "")'")
                }
                add(.token(type))
            case "usingself": add(.usingSelf(state: attributes["state"] ?? "root"))
            case "using": add(.using(lexer: attributes["lexer"] ?? ""))
            case "push": mutator = .push((attributes["state"] ?? "").split(separator: " ").map(String.init))
            case "pop": mutator = .pop(Int(attributes["depth"] ?? "1") ?? 1)
            case "include": mutator = .include(attributes["state"] ?? "")
            case "combined": mutator = .combined((attributes["state"] ?? "").split(separator: " ").map(String.init))
            case "lexer", "config", "rules", "name", "alias", "filename", "mime_type", "priority", "analyse",
                 "case_insensitive", "dot_all", "not_multiline", "ensure_nl", "alias_filename":
                break
            default:
                fail(parser, "unsupported element <\(element)>")
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
            let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
            switch element {
            case "name" where state == nil: name = value
            case "case_insensitive", "dot_all", "not_multiline", "ensure_nl": if value == "true" { flags.insert(element) }
            case "bygroups":
                let emitters = groups.removeLast()
                add(.byGroups(emitters))
            case "rule":
                guard let state, let pattern else { return fail(parser, "<rule> outside a <state>") }
                states[state, default: []].append(LexerDefinition.Rule(pattern: pattern, emitter: emitter, mutator: mutator))
            case "state": state = nil
            default: break
            }
            text = ""
        }

        private func add(_ new: LexerDefinition.Emitter) {
            if groups.isEmpty { emitter = new } else { groups[groups.count - 1].append(new) }
        }

        private func fail(_ parser: XMLParser, _ reason: String) {
            failure = failure ?? reason
            parser.abortParsing()
        }
    }
}
