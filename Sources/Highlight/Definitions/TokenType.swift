// Chroma's token types (chroma/v2 types.go), generated: name, CSS class (that of the nearest
// ancestor with one, as Chroma's HTML formatter picks it) and parent type, for style inheritance.

/// A token type of Chroma's lexer definitions, as its name in the XML (`KeywordType`).
public struct TokenType: Sendable, Hashable {
    let index: Int
    /// The type's name in Chroma's definitions and styles.
    public var name: String { Self.table[index].name }
    /// The short CSS class Chroma's and Hugo's HTML uses (`kt`); empty for plain text.
    public var cssClass: String { Self.table[index].cssClass }
    /// The more general type this one falls back to in a style (`Keyword` for `KeywordType`).
    public var parent: TokenType? { Self.table[index].parent.map { TokenType(index: $0) } }

    /// The type named `name`, if Chroma has one.
    public init?(name: String) {
        guard let index = Self.indexByName[name] else { return nil }
        self.index = index
    }

    init(index: Int) { self.index = index }

    /// Every type, in Chroma's order.
    public static var all: [TokenType] { Self.table.indices.map { TokenType(index: $0) } }
    static let error = TokenType(name: "Error")!
    static let text = TokenType(name: "Text")!

    private static let indexByName: [String: Int] = Dictionary(uniqueKeysWithValues: table.enumerated().map { ($1.name, $0) })
    private static let table: [(name: String, cssClass: String, parent: Int?)] = [
        ("Error", "err", nil),
        ("Other", "x", nil),
        ("Keyword", "k", nil),
        ("KeywordConstant", "kc", 2),
        ("KeywordDeclaration", "kd", 2),
        ("KeywordNamespace", "kn", 2),
        ("KeywordPseudo", "kp", 2),
        ("KeywordReserved", "kr", 2),
        ("KeywordType", "kt", 2),
        ("Name", "n", nil),
        ("NameAttribute", "na", 9),
        ("NameBuiltin", "nb", 9),
        ("NameBuiltinPseudo", "bp", 9),
        ("NameClass", "nc", 9),
        ("NameConstant", "no", 9),
        ("NameDecorator", "nd", 9),
        ("NameEntity", "ni", 9),
        ("NameException", "ne", 9),
        ("NameFunction", "nf", 9),
        ("NameFunctionMagic", "fm", 9),
        ("NameKeyword", "n", 9),
        ("NameLabel", "nl", 9),
        ("NameNamespace", "nn", 9),
        ("NameOperator", "n", 9),
        ("NameOther", "nx", 9),
        ("NamePseudo", "n", 9),
        ("NameProperty", "py", 9),
        ("NameTag", "nt", 9),
        ("NameVariable", "nv", 9),
        ("NameVariableAnonymous", "n", 9),
        ("NameVariableClass", "vc", 9),
        ("NameVariableGlobal", "vg", 9),
        ("NameVariableInstance", "vi", 9),
        ("NameVariableMagic", "vm", 9),
        ("Literal", "l", nil),
        ("LiteralDate", "ld", 34),
        ("LiteralOther", "l", 34),
        ("LiteralString", "s", 34),
        ("LiteralStringAffix", "sa", 37),
        ("LiteralStringAtom", "s", 37),
        ("LiteralStringBacktick", "sb", 37),
        ("LiteralStringBoolean", "s", 37),
        ("LiteralStringChar", "sc", 37),
        ("LiteralStringDelimiter", "dl", 37),
        ("LiteralStringDoc", "sd", 37),
        ("LiteralStringDouble", "s2", 37),
        ("LiteralStringEscape", "se", 37),
        ("LiteralStringHeredoc", "sh", 37),
        ("LiteralStringInterpol", "si", 37),
        ("LiteralStringName", "s", 37),
        ("LiteralStringOther", "sx", 37),
        ("LiteralStringRegex", "sr", 37),
        ("LiteralStringSingle", "s1", 37),
        ("LiteralStringSymbol", "ss", 37),
        ("LiteralNumber", "m", 34),
        ("LiteralNumberBin", "mb", 54),
        ("LiteralNumberFloat", "mf", 54),
        ("LiteralNumberHex", "mh", 54),
        ("LiteralNumberInteger", "mi", 54),
        ("LiteralNumberIntegerLong", "il", 54),
        ("LiteralNumberOct", "mo", 54),
        ("Operator", "o", nil),
        ("OperatorWord", "ow", 61),
        ("Punctuation", "p", nil),
        ("Comment", "c", nil),
        ("CommentHashbang", "ch", 64),
        ("CommentMultiline", "cm", 64),
        ("CommentSingle", "c1", 64),
        ("CommentSpecial", "cs", 64),
        ("CommentPreproc", "cp", 64),
        ("CommentPreprocFile", "cpf", 69),
        ("Generic", "g", nil),
        ("GenericDeleted", "gd", 71),
        ("GenericEmph", "ge", 71),
        ("GenericError", "gr", 71),
        ("GenericHeading", "gh", 71),
        ("GenericInserted", "gi", 71),
        ("GenericOutput", "go", 71),
        ("GenericPrompt", "gp", 71),
        ("GenericStrong", "gs", 71),
        ("GenericSubheading", "gu", 71),
        ("GenericTraceback", "gt", 71),
        ("GenericUnderline", "gl", 71),
        ("Text", "", nil),
        ("TextWhitespace", "w", 83),
        ("TextSymbol", "", 83),
        ("TextPunctuation", "", 83),
        ("None", "", nil),
    ]
}
