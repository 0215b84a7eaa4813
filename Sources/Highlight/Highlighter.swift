/// Highlights code with Chroma's lexer definitions (the ones Hugo uses), into HTML with Chroma's
/// CSS classes. Safe to use from many threads at once.
public struct Highlighter: Sendable, Equatable {
    /// The lexers it draws on.
    public let catalog: LexerCatalog
    /// Whether blocks get line numbers unless their fence says otherwise.
    public var lineNumbers: Bool

    /// Creates a highlighter over `catalog`.
    public init(catalog: LexerCatalog, lineNumbers: Bool = false) {
        self.catalog = catalog
        self.lineNumbers = lineNumbers
    }

    /// The tokens of `code` in `language`, or nil when Chroma has no lexer for it.
    public func tokens(_ code: String, language: String) -> [Token]? {
        guard let lexer = catalog.lexer(for: language) else { return nil }
        return Tokenizer(lexerNamed: { catalog.lexer(for: $0) }).tokens(of: code, lexer: lexer)
    }

    /// The highlighted HTML of a fenced block with info string `info`, or nil when the block has no
    /// language or one Chroma does not know (it stays a plain block).
    public func html(_ code: String, info: String) -> String? {
        let attributes = FenceAttributes(info: info)
        guard !attributes.language.isEmpty, let tokens = tokens(code, language: attributes.language) else { return nil }
        return CodeBlockHTML.html(tokens, language: attributes.language, attributes: attributes,
                                  lineNumbers: attributes.lineNumbers ?? lineNumbers)
    }

    public static func == (a: Highlighter, b: Highlighter) -> Bool {
        a.catalog === b.catalog && a.lineNumbers == b.lineNumbers
    }
}
