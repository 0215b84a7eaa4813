import Yams

/// blogctl's YAML (front matter and site.yml), written by Yams' emitter so every value is
/// quoted exactly when YAML needs it (`title: 'true'`, `title: 'a: b'`), never by hand.
enum YAMLWriter {
    /// `---` front matter, keys in the order docs/site.md lists them.
    static func frontMatter(_ matter: ImportedMatter) throws(ImportError) -> String {
        var pairs: [(Node, Node)] = [(key("title"), string(matter.title))]
        if let date = matter.date { pairs.append((key("date"), dateNode(date))) }
        if let updated = matter.updated { pairs.append((key("updated"), dateNode(updated))) }
        if matter.draft { pairs.append((key("draft"), Node("true", Tag(.bool), .plain))) }
        if let slug = matter.slug { pairs.append((key("slug"), string(slug))) }
        if let path = matter.path { pairs.append((key("path"), string(path))) }
        if !matter.aliases.isEmpty { pairs.append((key("aliases"), list(matter.aliases))) }
        if !matter.tags.isEmpty { pairs.append((key("tags"), list(matter.tags))) }
        if !matter.authors.isEmpty { pairs.append((key("authors"), list(matter.authors))) }
        if let summary = matter.summary { pairs.append((key("summary"), string(summary))) }
        if let description = matter.description { pairs.append((key("description"), string(description))) }
        if let weight = matter.weight { pairs.append((key("weight"), Node(String(weight), Tag(.int), .plain))) }
        if !matter.extra.entries.isEmpty { pairs.append((key("extra"), node(.table(matter.extra)))) }
        return "---\n" + (try emit(.mapping(Node.Mapping(pairs)))) + "---\n"
    }

    /// site.yml.
    static func siteYAML(_ settings: SiteSettings, generator: SourceGenerator) throws(ImportError) -> String {
        var pairs: [(Node, Node)] = [(key("title"), string(settings.title)), (key("base_url"), string(settings.baseURL))]
        if let author = settings.author { pairs.append((key("author"), string(author))) }
        if let language = settings.language { pairs.append((key("language"), string(language))) }
        if let timezone = settings.timezone { pairs.append((key("timezone"), string(timezone))) }
        if let description = settings.description { pairs.append((key("description"), string(description))) }
        if let perPage = settings.postsPerPage, perPage > 0 { pairs.append((key("posts_per_page"), Node(String(perPage), Tag(.int), .plain))) }
        var markdown: [(Node, Node)] = []
        if let raw = settings.rawHTML { markdown.append((key("raw_html"), bool(raw))) }
        if let smart = settings.smartPunctuation { markdown.append((key("smart_punctuation"), bool(smart))) }
        if !markdown.isEmpty { pairs.append((key("markdown"), .mapping(Node.Mapping(markdown)))) }
        if settings.math == true { pairs.append((key("math"), bool(true))) }
        if settings.highlight == false { pairs.append((key("highlight"), bool(false))) }
        if !settings.extra.entries.isEmpty { pairs.append((key("extra"), node(.table(settings.extra)))) }
        let header = "# Imported from \(generator == .hugo ? "Hugo" : "Zola") by blogctl import; see IMPORT-REPORT.md and docs/site.md.\n"
        return header + (try emit(.mapping(Node.Mapping(pairs))))
    }

    static func node(_ value: ImportValue) -> Node {
        switch value {
        case .string(let text): return string(text)
        case .date(let text): return dateNode(text)
        case .int(let number): return Node(String(number), Tag(.int), .plain)
        case .double(let number): return Node(number.isFinite ? String(number) : (number.isNaN ? ".nan" : (number < 0 ? "-.inf" : ".inf")), Tag(.float), .plain)
        case .bool(let flag): return bool(flag)
        case .null: return Node("null", Tag(.null), .plain)
        case .array(let items): return .sequence(Node.Sequence(items.map(node)))
        case .table(let table): return .mapping(Node.Mapping(table.entries.map { (string($0.key), node($0.value)) }))
        }
    }

    private static func key(_ name: String) -> Node { Node(name) }
    private static func bool(_ flag: Bool) -> Node { Node(flag ? "true" : "false", Tag(.bool), .plain) }

    /// A string that reads back as the same string: Yams quotes it when a plain scalar would
    /// resolve to something else (`'true'`, `'2026'`, `'null'`).
    private static func string(_ text: String) -> Node { .scalar(text.represented()) }

    /// A date unquoted when it is one, as people write it; blogctl reads it as text either way.
    private static func dateNode(_ text: String) -> Node {
        text.allSatisfy({ $0.isASCII && ($0.isNumber || "-:T+Z. ".contains($0)) }) && !text.hasSuffix(" ")
            ? Node(text, Tag(.str), .plain) : string(text)
    }

    private static func list(_ items: [String]) -> Node { .sequence(Node.Sequence(items.map(string))) }

    private static func emit(_ node: Node) throws(ImportError) -> String {
        do {
            return try Yams.serialize(node: node, width: -1, allowUnicode: true)
        } catch {
            throw .writeFailed(path: "front matter", reason: "\(error)")
        }
    }
}
