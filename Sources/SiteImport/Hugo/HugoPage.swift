import Foundation

/// A Hugo page's front matter in blogctl's keys, its kind and the URL Hugo gave it.
enum HugoPage {
    /// Keys Hugo acts on that blogctl has no equivalent for, with what to do instead.
    static let unsupported: [String: String] = [
        "publishdate": "publishDate not carried over: blogctl publishes by date; date was kept",
        "expirydate": "expiryDate not carried over: blogctl never expires a post; remove it by hand when it should go",
        "type": "type not carried over: blogctl picks templates by kind; set template: NAME for templates/NAME.mustache",
        "layout": "layout not carried over: set template: NAME for a templates/NAME.mustache of your own",
        "menu": "menu not carried over: blogctl's menu lists standalone pages by weight",
        "menus": "menus not carried over: blogctl's menu lists standalone pages by weight",
        "outputs": "outputs not carried over: blogctl writes HTML pages and the site's feeds",
        "resources": "resources metadata not carried over: the bundle's files are copied as they are",
        "cascade": "cascade not carried over: set the keys in each page",
        "build": "build options not carried over: blogctl renders and lists every page",
        "_build": "build options not carried over: blogctl renders and lists every page",
        "headless": "headless not carried over: the bundle became a page",
        "markup": "markup not carried over: blogctl reads Markdown only",
        "translationkey": "translationKey not carried over: blogctl builds one language",
        "linktitle": "linkTitle kept as extra.linkTitle: the theme shows title",
    ]

    /// Maps `table` (the front matter of `document`); `report` gets what was not carried over.
    static func convert(_ block: FrontMatterBlock, document: SourceDocument, config: HugoConfig, report: inout ImportReport)
        throws(ImportError) -> (matter: ImportedMatter, kind: DocumentKind, url: String)
    {
        let table = block.table
        func here(_ key: String) -> SourceLocation { SourceLocation(file: document.file, line: table.line(of: key) ?? 1) }
        guard let title = table["title"]?.text else {
            throw .invalid(location: SourceLocation(file: document.file, line: 1, column: 1), reason: "front matter has no title")
        }
        var matter = ImportedMatter(title: title)
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            // blogctl needs a title; the file name is what the author sees in their editor.
            matter.title = document.baseName
            report.add(SourceLocation(file: document.file, line: table.line(of: "title")), "empty title: '\(document.baseName)' used; write the real one")
        }
        var categories: [String] = []
        for entry in table.entries {
            let key = entry.key.lowercased()
            let location = SourceLocation(file: document.file, line: entry.line)
            switch key {
            case "title": break
            case "date": matter.date = try dateText(entry, file: document.file)
            case "lastmod", "modified": matter.updated = try dateText(entry, file: document.file)
            case "draft": matter.draft = entry.value.bool ?? false
            case "tags": matter.tags += entry.value.strings
            case "categories": categories = entry.value.strings
            case "author", "authors": matter.authors += entry.value.strings + (entry.value.table?["name"]?.text.map { [$0] } ?? [])
            case "aliases": matter.aliases = entry.value.strings
            case "slug": matter.slug = entry.value.text
            case "url": matter.path = entry.value.text
            case "summary": matter.summary = entry.value.text
            case "description": matter.description = entry.value.text
            case "weight": matter.weight = entry.value.int
            case "params": matter.extra.entries += entry.value.table?.entries ?? []
            case "iscjklanguage": break
            default:
                if let why = unsupported[key] {
                    report.add(location, why)
                    if key == "linktitle" { matter.extra.entries.append(entry) }
                } else {
                    matter.extra.entries.append(entry)
                }
            }
        }
        if !categories.isEmpty {
            for category in categories where !matter.tags.contains(where: { $0.lowercased() == category.lowercased() }) { matter.tags.append(category) }
            report.add(here("categories"), "categories \(categories.joined(separator: ", ")) merged into tags: blogctl has one taxonomy (their old /categories/ pages are gone)")
        }
        var kind: DocumentKind = document.sections.first.map { config.postSections.contains($0) } == true ? .post : .page
        if kind == .post, matter.date == nil {
            kind = .page
            report.add(SourceLocation(file: document.file, line: 1), "no date: imported as a standalone page (posts need one); add date: to make it a post")
        }
        let page = HugoPermalink.Page(title: title, slug: matter.slug, date: matter.date, sections: document.sections, baseName: document.baseName)
        let lowercase = !config.keepPathCase
        var url: String
        if let custom = matter.path, let normalized = BlogctlURLs.normalize(custom) {
            url = normalized
        } else if let section = document.sections.first, let pattern = config.permalinks[section] {
            let expanded = HugoPermalink.expand(pattern, page: page, lowercase: lowercase)
            if let token = expanded.unknownToken {
                report.add(SourceLocation(file: document.file, line: 1),
                    "permalink token \(token) is not known to the import: URL kept as /SECTION/NAME/; set path: to the old URL")
            }
            url = expanded.url ?? HugoPermalink.defaultURL(page: page, lowercase: lowercase)
        } else {
            url = HugoPermalink.defaultURL(page: page, lowercase: lowercase)
        }
        if document.sections.isEmpty, document.baseName.lowercased() == "index", matter.path == nil { url = "/index/" }
        return (matter, kind, url)
    }

    /// A date or date-time as blogctl reads it; an error at the key when it is not one.
    static func dateText(_ entry: ImportTable.Entry, file: String) throws(ImportError) -> String? {
        guard let text = entry.value.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard isDate(text) else {
            throw .invalid(location: SourceLocation(file: file, line: entry.line), reason: "\(entry.key) '\(text)' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS with an optional offset)")
        }
        return text
    }

    /// `YYYY-MM-DD`, then optionally `T`/space and a time with an optional offset: what blogctl accepts.
    static func isDate(_ text: String) -> Bool {
        let chars = Array(text)
        guard chars.count >= 10, chars[4] == "-", chars[7] == "-",
            [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ chars[$0].isASCII && chars[$0].isNumber }) else { return false }
        if chars.count == 10 { return true }
        guard chars[10] == "T" || chars[10] == " " || chars[10] == "t", chars.count >= 16, chars[13] == ":" else { return false }
        return true
    }
}
