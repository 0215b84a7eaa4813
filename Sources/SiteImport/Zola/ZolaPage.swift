import Foundation

/// A Zola page's front matter in blogctl's keys, its kind and the URL Zola gave it.
enum ZolaPage {
    static let unsupported: [String: String] = [
        "template": "template not carried over: set template: NAME for a templates/NAME.mustache of your own",
        "render": "render = false not carried over: blogctl renders every page; delete the page or make it a draft",
        "in_search_index": "in_search_index not carried over: blogctl has no search index",
    ]

    /// Maps the front matter of `document`; `postSections` are the section folders holding posts.
    static func convert(_ block: FrontMatterBlock, document: SourceDocument, postSections: Set<String>, config: ZolaConfig,
        report: inout ImportReport) throws(ImportError) -> (matter: ImportedMatter, kind: DocumentKind, url: String)
    {
        let table = block.table
        guard let title = table["title"]?.text else {
            throw .invalid(location: SourceLocation(file: document.file, line: 1, column: 1), reason: "front matter has no title")
        }
        var matter = ImportedMatter(title: title)
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            // blogctl needs a title; the file name is what the author sees in their editor.
            matter.title = document.baseName
            report.add(SourceLocation(file: document.file, line: table.line(of: "title")), "empty title: '\(document.baseName)' used; write the real one")
        }
        for entry in table.entries {
            let location = SourceLocation(file: document.file, line: entry.line)
            switch entry.key {
            case "title": break
            case "date": matter.date = try HugoPage.dateText(entry, file: document.file)
            case "updated": matter.updated = try HugoPage.dateText(entry, file: document.file)
            case "draft": matter.draft = entry.value.bool ?? false
            case "slug": matter.slug = entry.value.text
            case "path": matter.path = entry.value.text
            case "aliases": matter.aliases = entry.value.strings
            case "description": matter.description = entry.value.text
            case "weight": matter.weight = entry.value.int
            case "authors": matter.authors = entry.value.strings
            case "extra": matter.extra.entries += entry.value.table?.entries ?? []
            case "taxonomies":
                for taxonomy in entry.value.table?.entries ?? [] {
                    let taxonomyLocation = SourceLocation(file: document.file, line: taxonomy.line ?? entry.line)
                    switch taxonomy.key {
                    case "tags":
                        matter.tags += taxonomy.value.strings.filter { tag in !matter.tags.contains { $0.lowercased() == tag.lowercased() } }
                    case "categories":
                        let categories = taxonomy.value.strings
                        matter.tags += categories.filter { tag in !matter.tags.contains { $0.lowercased() == tag.lowercased() } }
                        report.add(taxonomyLocation, "categories \(categories.joined(separator: ", ")) merged into tags: blogctl has one taxonomy (their old /categories/ pages are gone)")
                    default:
                        matter.extra.entries.append(taxonomy)
                        report.add(taxonomyLocation, "taxonomy \(taxonomy.key) kept as extra.\(taxonomy.key): blogctl has tags only")
                    }
                }
            default:
                if let why = unsupported[entry.key] {
                    report.add(location, why)
                } else {
                    matter.extra.entries.append(entry)
                    report.add(location, "\(entry.key) is not a Zola page key: kept as extra.\(entry.key)")
                }
            }
        }
        // Zola takes a date (and strips it from the slug) from a `YYYY-MM-DD-` or `YYYY-MM-DD_` name.
        var name = document.baseName
        if let split = DatePrefix.split(name, separators: ["-", "_"]) {
            if matter.date == nil { matter.date = split.date }
            name = split.rest
        }
        var kind: DocumentKind = document.sections.first.map { postSections.contains($0) } == true ? .post : .page
        if kind == .post, matter.date == nil {
            kind = .page
            report.add(SourceLocation(file: document.file, line: 1), "no date: imported as a standalone page (posts need one); add date to make it a post")
        }
        let url: String
        if let custom = matter.path, let normalized = BlogctlURLs.normalize(custom) {
            url = normalized
        } else {
            let segments = document.sections.map { Slug.zola($0, strategy: config.slugStrategy) }
                + [Slug.zola(matter.slug.flatMap { Slug.zola($0, strategy: config.slugStrategy).isEmpty ? nil : $0 } ?? name, strategy: config.slugStrategy)]
            url = BlogctlURLs.normalize("/" + segments.joined(separator: "/") + "/") ?? "/"
        }
        return (matter, kind, url)
    }
}
