/// A run of source text and what it is.
public struct Token: Sendable, Equatable {
    public let type: TokenType
    public let text: String

    /// Creates a token.
    public init(type: TokenType, text: String) {
        self.type = type
        self.text = text
    }
}
