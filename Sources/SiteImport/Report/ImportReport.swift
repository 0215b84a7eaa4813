/// What an import did: the counts and every item it could not carry over.
public struct ImportReport: Sendable, Equatable {
    public var generator: SourceGenerator
    public var posts = 0
    public var pages = 0
    /// Posts and pages with `draft: true` (counted in `posts`/`pages` too).
    public var drafts = 0
    /// Posts and pages that are bundles (a folder with index.md and its own files).
    public var bundles = 0
    /// Files copied beside bundled documents.
    public var bundleFiles = 0
    /// Files copied from the source's static/ folder.
    public var staticFiles = 0
    /// Documents given a `path` so they keep the URL they had.
    public var pathsKept = 0
    /// Placeholder shortcode templates written (templates/shortcodes/NAME.mustache).
    public var shortcodeTemplates: [String] = []
    public var items: [ReportItem] = []

    public init(generator: SourceGenerator) {
        self.generator = generator
    }

    mutating func add(_ location: SourceLocation, _ message: String) {
        items.append(ReportItem(location, message))
    }

    /// The one-line counts: `imported 12 posts (2 drafts), 2 pages, 3 bundles (4 files), 3 static files; 9 items to review`.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        var text = "imported \(count(posts, "post"))"
        if drafts > 0 { text += " (\(count(drafts, "draft")))" }
        text += ", \(count(pages, "page")), \(count(bundles, "bundle")) (\(count(bundleFiles, "file"))), \(count(staticFiles, "static file"))"
        text += "; \(count(pathsKept, "URL")) kept with path"
        text += "; \(count(items.count, "item")) to review"
        return text
    }

    /// The report sorted by file and line, as printed and written to IMPORT-REPORT.md.
    public var sortedItems: [ReportItem] {
        items.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            if l.file != r.file { return l.file < r.file }
            if (l.line ?? 0) != (r.line ?? 0) { return (l.line ?? 0) < (r.line ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// IMPORT-REPORT.md: the counts, then one line per item.
    public var markdown: String {
        var text = "# Imported from \(generator == .hugo ? "Hugo" : "Zola")\n\n\(summary).\n\n"
        text += "Every post and page keeps the URL it had: where blogctl's default URL differs, its front matter has `path`.\n\n"
        if items.isEmpty {
            text += "Everything was carried over.\n"
        } else {
            text += "## Not carried over as it was\n\nOne line per item: `FILE:LINE: what and what to do` (paths in the source site).\n\n"
            for item in sortedItems { text += "- `\(item.location.file)\(item.location.line.map { ":\($0)" } ?? "")`: \(item.message)\n" }
        }
        return text
    }
}
