/// Why highlighting could not be set up; each case names what to fix.
public enum HighlightError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No folder of Chroma's lexer definitions where blogctl looks.
    case definitionsMissing(folder: String)
    /// A lexer or style file that is not what Chroma writes.
    case badDefinition(file: String, line: Int, reason: String)
    /// A rule's regex that Oniguruma refuses.
    case badPattern(lexer: String, state: String, pattern: String, reason: String)
    /// A style name with no file among Chroma's styles.
    case unknownStyle(String, known: [String])

    public var description: String {
        switch self {
        case .definitionsMissing(let folder):
            "syntax highlighting needs Chroma's lexer definitions, not found in \(folder): apt-get install golang-github-alecthomas-chroma-v2-dev, set BLOGCTL_CHROMA to the chroma/v2 folder, or set 'highlight: false' in site.yml"
        case .badDefinition(let file, let line, let reason):
            "\(file):\(line): \(reason)"
        case .badPattern(let lexer, let state, let pattern, let reason):
            "lexer \(lexer), state \(state): pattern \(pattern): \(reason)"
        case .unknownStyle(let name, let known):
            "unknown highlight style '\(name)'; Chroma has: \(known.joined(separator: ", "))"
        }
    }
}
