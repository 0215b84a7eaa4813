/// What a body conversion needs to know about the import besides the body, and what it found.
struct BodyContext: Sendable {
    var document: SourceDocument
    /// The file line (1-based) the body starts on; shortcode lines are 0-based within the body.
    var firstLine: Int
    /// Source Markdown file (relative to SRC_DIR) -> its destination (relative to DEST_DIR), for links and refs.
    var destinations: [String: String]
    /// Where this document is written, relative to DEST_DIR.
    var destination: String
    var items: [ReportItem] = []
    /// Shortcodes with no blogctl template: each gets a placeholder templates/shortcodes/NAME.mustache.
    var placeholders: Set<String> = []

    mutating func report(line: Int, _ message: String) {
        items.append(ReportItem(SourceLocation(file: document.file, line: firstLine + line), message))
    }

    /// The destination of a source Markdown file, relative to content/ (`posts/hello.md`).
    func contentPath(ofSource source: String) -> String? {
        destinations[source].map { String($0.dropFirst("content/".count)) }
    }

    /// A shortcode blogctl does not have: kept, with a placeholder template so the site builds.
    mutating func placeholder(_ name: String, line: Int, origin: String) {
        placeholders.insert(name)
        report(line: line, "shortcode '\(name)' (\(origin)) has no blogctl equivalent: a placeholder templates/shortcodes/\(name).mustache was written (it shows only the inner text); write the HTML it should make there")
    }
}

/// blogctl's built-in shortcodes and the arguments each takes (docs/templates.md).
enum BlogctlShortcodes {
    static let named: [String: Set<String>] = [
        "figure": ["src", "alt", "caption", "link", "title", "width", "height", "class"],
        "youtube": ["id", "title", "start", "thumbnail"],
        "vimeo": ["id", "title", "thumbnail"],
        "gist": ["user", "id", "file"],
        "ref": ["path"],
        "relref": ["path"],
    ]
    static let positional: [String: Int] = ["figure": 0, "youtube": 1, "vimeo": 1, "gist": 3, "ref": 1, "relref": 1]
    static let integers: Set<String> = ["width", "height", "start"]

    /// A shortcode name blogctl can find a template for: a template file name.
    static func isTemplateName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    /// The placeholder template for a shortcode the import could not convert.
    static func placeholderTemplate(_ name: String) -> String {
        "<!-- imported shortcode '\(name)': replace templates/shortcodes/\(name).mustache with the HTML it should make (IMPORT-REPORT.md) -->{{{inner_html}}}\n"
    }
}
