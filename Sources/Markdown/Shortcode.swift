/// A shortcode as a document writes it: `{{< name arg key="value" >}}`, or paired around inner
/// text, `{{< name >}}…{{< /name >}}` (`{{% … %}}` when the inner text is Markdown). What it
/// becomes is up to the program rendering the document (`ShortcodeOutput`).
public struct Shortcode: Sendable, Equatable {
    /// The name after `{{<`.
    public let name: String
    /// Arguments without a name, in order (`{{< youtube dQw4w9WgXcQ >}}`).
    public let positional: [String]
    /// `key="value"` and `key=value` arguments.
    public let named: [String: String]
    /// The text between a paired shortcode's tags, as written; nil for a single tag.
    public let inner: String?
    /// Written with `{{% … %}}`: the inner text is Markdown.
    public let innerIsMarkdown: Bool
    /// Where its opening `{{` is, 1-based, in the Markdown text given.
    public let line: Int
    public let column: Int

    /// Creates a shortcode record.
    public init(name: String, positional: [String] = [], named: [String: String] = [:], inner: String? = nil,
                innerIsMarkdown: Bool = false, line: Int = 1, column: Int = 1) {
        self.name = name
        self.positional = positional
        self.named = named
        self.inner = inner
        self.innerIsMarkdown = innerIsMarkdown
        self.line = line
        self.column = column
    }
}

/// What a shortcode is replaced by.
public enum ShortcodeOutput: Sendable, Equatable {
    /// HTML written as is, whatever the raw-HTML option (it comes from the site's templates, not
    /// the post); a shortcode alone in its paragraph replaces the paragraph.
    case html(String)
    /// Markdown text put where the shortcode was before parsing (`ref` gives a URL this way, so
    /// `[text]({{< ref "other.md" >}})` is a link).
    case markdown(String)
}

/// A shortcode written wrongly: where, and what is wrong.
public struct ShortcodeSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based, in the Markdown text given.
    public let line: Int
    public let column: Int
    public let reason: String

    public var description: String { "\(line):\(column): \(reason)" }
}
