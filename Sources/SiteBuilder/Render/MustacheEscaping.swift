import Mustache
import HTMLEscaping

/// swift-mustache's HTML escaping, byte for byte, without its cost (`HTMLEscaping`). Registered as
/// a content type and selected by a pragma `TemplateSet` puts at the top of every template, for
/// sites swift-mustache renders.
struct MustacheHTMLEscaping: MustacheContentType {
    /// The content type name used in `{{% CONTENT_TYPE: ... }}`.
    static let name = "blogctl-html"
    /// The line `TemplateSet` puts above each template; a standalone tag, so it renders nothing.
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    /// Registers the content type once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(MustacheHTMLEscaping(), named: name)
        return true
    }()

    func escapeText(_ text: String) -> String { Self.escape(text) }

    /// Replaces `< > & " '` as swift-mustache does (the compiled engine's escaping).
    static func escape(_ text: String) -> String { HTMLEscaper.escape(text, .mustache) }
}
