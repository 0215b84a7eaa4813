/// A parsed Mustache tag or text run, before names are split and partials resolved. Mirrors
/// swift-mustache 2.1.1's token list so the compiled tree renders the same whitespace.
indirect enum MustacheToken {
    case text(String)
    case variable(name: String, transforms: [String], escaped: Bool)
    case section(name: String, transforms: [String], body: [MustacheToken])
    case invertedSection(name: String, transforms: [String], body: [MustacheToken])
    case blockDefinition(name: String, body: [MustacheToken])
    case blockExpansion(name: String, defaultBody: [MustacheToken], indentation: String)
    case partial(name: String, indentation: String?, overrides: [String: [MustacheToken]]?)
    case dynamicPartial(name: String)
    case contentType(String)
}
