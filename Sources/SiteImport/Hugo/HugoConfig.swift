import Foundation

/// What an import takes from a Hugo site's config: site.yml settings and the URL rules.
struct HugoConfig: Sendable {
    var settings = SiteSettings()
    /// Section name -> permalink pattern (`posts` -> `/:year/:month/:title/`).
    var permalinks: [String: String] = [:]
    /// The sections whose pages become blogctl posts.
    var postSections: Set<String> = ["posts", "post", "blog"]
    /// `disablePathToLower`: URLs keep their case.
    var keepPathCase = false

    static let candidates = ["hugo.toml", "hugo.yaml", "hugo.yml", "config.toml", "config.yaml", "config.yml",
        "config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/config.toml", "config/_default/config.yaml"]

    /// Reads the first config file Hugo would read; reports every key not carried over.
    init(root: URL, report: inout ImportReport) throws(ImportError) {
        guard let file = try ConfigFile.first(of: Self.candidates, in: root) else {
            if FileManager.default.fileExists(atPath: root.appendingPathComponent("hugo.json").path)
                || FileManager.default.fileExists(atPath: root.appendingPathComponent("config.json").path) {
                throw .notASite(path: root.path, reason: "JSON config is not supported: convert hugo.json to hugo.toml or hugo.yaml")
            }
            throw .notASite(path: root.path, reason: "no Hugo config (hugo.toml, hugo.yaml, config.toml or config.yaml)")
        }
        let table = file.table
        for entry in table.entries {
            let value = entry.value
            let here = SourceLocation(file: file.path, line: entry.line)
            switch entry.key.lowercased() {
            case "title": settings.title = value.text ?? settings.title
            case "baseurl":
                if let url = value.text, url.hasPrefix("http://") || url.hasPrefix("https://") {
                    settings.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
                } else {
                    report.add(here, "baseURL '\(value.text ?? "")' is not an absolute URL: site.yml has base_url https://example.com; set your address there")
                }
            // blogctl checks language as a BCP 47 tag, written with `-` (Hugo also takes `en_US`).
            case "languagecode": settings.language = value.text?.replacing("_", with: "-")
            case "defaultcontentlanguage": if settings.language == nil { settings.language = value.text }
            case "timezone": settings.timezone = value.text
            case "paginate": settings.postsPerPage = value.int
            case "pagination":
                if let size = value.table?["pagerSize"]?.int { settings.postsPerPage = size }
            case "author":
                settings.author = value.text ?? value.table?["name"]?.text
            case "permalinks":
                readPermalinks(value.table ?? ImportTable(), file: file.path, report: &report)
            case "disablepathtolower": keepPathCase = value.bool ?? false
            case "markup":
                if let unsafe = value.table?.value(at: ["goldmark", "renderer", "unsafe"])?.bool { settings.rawHTML = unsafe }
                if let noClasses = value.table?.value(at: ["highlight", "codeFences"])?.bool, !noClasses { settings.highlight = false }
                let other = (value.table?.keys ?? []).filter { $0 != "goldmark" && $0 != "highlight" }
                if !other.isEmpty { report.add(here, "markup settings \(other.joined(separator: ", ")) not carried over: blogctl's Markdown options are under markdown: in site.yml (docs/site.md)") }
            case "params":
                readParams(value.table ?? ImportTable(), file: file.path, report: &report)
            case "theme":
                report.add(here, "theme '\(value.strings.joined(separator: ", "))' not carried over: blogctl uses its built-in theme; override its templates in templates/ (docs/templates.md)")
            case "menu", "menus":
                report.add(here, "menus not carried over: blogctl's menu lists the standalone pages by weight; set weight in their front matter")
            case "taxonomies":
                let names = (value.table?.entries.compactMap(\.value.text) ?? []).filter { $0 != "tags" }
                if !names.isEmpty { report.add(here, "taxonomies \(names.joined(separator: ", ")) not carried over as taxonomies: blogctl has tags only; categories were merged into tags") }
            case "languages":
                report.add(here, "languages not carried over: blogctl builds one language; other languages' content needs a site each")
            case "mainsections": if !value.strings.isEmpty { postSections = Set(value.strings) }
            case "relativeurls", "canonifyurls", "enablerobotstxt", "enableemoji", "builddrafts",
                "buildfuture", "summarylength", "enablegitinfo", "uglyurls", "copyright", "googleanalytics", "outputs", "outputformats",
                "mediatypes", "related", "sitemap", "services", "module", "security", "caches", "imaging", "minify", "privacy",
                "frontmatter", "sectionpagesmenu", "enableinlineshortcodes", "disablekinds", "pluralizelisttitles", "hascjklanguage",
                "removepathaccents", "titlecasestyle", "build", "deployment", "server", "cascade", "social":
                report.add(here, "\(entry.key) not carried over: blogctl has no such setting (docs/site.md lists site.yml's keys)")
            default:
                report.add(here, "\(entry.key) not carried over: unknown to the import; docs/site.md lists site.yml's keys")
            }
        }
        if table.caseInsensitive("baseURL") == nil {
            report.add(SourceLocation(file: file.path), "no baseURL: site.yml has base_url https://example.com; set your address there")
        }
        if settings.rawHTML == nil {
            // Hugo's default (unsafe = false) drops raw HTML; keep what readers saw.
            settings.rawHTML = false
        }
    }

    private mutating func readPermalinks(_ table: ImportTable, file: String, report: inout ImportReport) {
        // Hugo 0.120+: [permalinks.page] posts = "…"; older: [permalinks] posts = "…".
        let pages = table["page"]?.table ?? table
        for entry in pages.entries {
            if let pattern = entry.value.text { permalinks[entry.key] = pattern }
        }
        for kind in ["section", "taxonomy", "term"] where table[kind] != nil {
            report.add(SourceLocation(file: file, line: table.line(of: kind)),
                "permalinks.\(kind) not carried over: blogctl's list and tag pages have fixed URLs (/posts/, /tags/NAME/); old ones can be aliases")
        }
    }

    private mutating func readParams(_ table: ImportTable, file: String, report: inout ImportReport) {
        var extra = ImportTable()
        for entry in table.entries {
            switch entry.key.lowercased() {
            case "description": settings.description = entry.value.text
            case "author": settings.author = entry.value.text ?? entry.value.table?["name"]?.text ?? settings.author
            case "math", "katex", "mathjax": if entry.value.bool == true { settings.math = true }
            case "mainsections": let sections = entry.value.strings; if !sections.isEmpty { postSections = Set(sections) }
            default: extra.entries.append(entry)
            }
        }
        settings.extra = extra
    }
}
