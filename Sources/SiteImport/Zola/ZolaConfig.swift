import Foundation

/// What an import takes from a Zola site's config.toml: site.yml settings and the slug rule.
struct ZolaConfig: Sendable {
    var settings = SiteSettings()
    /// `slugify.paths`: `on` (default), `safe` or `off`.
    var slugStrategy = "on"

    init(root: URL, report: inout ImportReport) throws(ImportError) {
        guard let file = try ConfigFile.first(of: ["config.toml", "zola.toml"], in: root) else {
            throw .notASite(path: root.path, reason: "no Zola config.toml")
        }
        var highlight = false
        var smartPunctuation = false
        for entry in file.table.entries {
            let value = entry.value
            let here = SourceLocation(file: file.path, line: entry.line)
            switch entry.key {
            case "title": settings.title = value.text ?? settings.title
            case "base_url":
                if let url = value.text, url.hasPrefix("http://") || url.hasPrefix("https://") {
                    settings.baseURL = url.hasSuffix("/") ? String(url.dropLast()) : url
                } else {
                    report.add(here, "base_url '\(value.text ?? "")' is not an absolute URL: site.yml has base_url https://example.com; set your address there")
                }
            case "description": settings.description = value.text
            case "default_language": settings.language = value.text
            case "author": settings.author = value.text
            case "extra": settings.extra = value.table ?? ImportTable()
            case "markdown":
                let markdown = value.table ?? ImportTable()
                for item in markdown.entries {
                    let location = SourceLocation(file: file.path, line: item.line)
                    switch item.key {
                    case "highlight_code": highlight = item.value.bool ?? false
                    case "render_emoji", "external_links_target_blank", "external_links_no_follow", "external_links_no_referrer",
                        "smart_punctuation", "highlight_theme", "highlight_themes_css", "extra_syntaxes_and_themes",
                        "bottom_footnotes", "definition_list", "insert_anchor_links", "lazy_async_image", "github_alerts":
                        if item.key == "smart_punctuation" {
                            smartPunctuation = item.value.bool ?? false
                        } else {
                            report.add(location, "markdown.\(item.key) not carried over: blogctl's Markdown options are under markdown: in site.yml (docs/site.md)")
                        }
                    default:
                        report.add(location, "markdown.\(item.key) not carried over: unknown to the import")
                    }
                }
            case "slugify":
                slugStrategy = value.table?["paths"]?.text ?? "on"
            case "taxonomies":
                let names = (value.array ?? []).compactMap { $0.table?["name"]?.text }.filter { $0 != "tags" }
                if !names.isEmpty {
                    report.add(here, "taxonomies \(names.joined(separator: ", ")) not carried over as taxonomies: blogctl has tags only; categories were merged into tags, others kept in extra")
                }
            case "theme":
                report.add(here, "theme '\(value.text ?? "")' not carried over: blogctl uses its built-in theme; override its templates in templates/ (docs/templates.md)")
            case "languages", "translations":
                report.add(here, "\(entry.key) not carried over: blogctl builds one language")
            case "generate_feeds", "generate_feed", "feed_filenames", "feed_filename", "compile_sass", "build_search_index", "minify_html",
                "ignored_content", "ignored_static", "hard_link_static", "output_dir", "preserve_dotfiles_in_output", "generate_sitemap",
                "generate_robots_txt", "search", "link_checker", "mode", "feed_limit", "author_email":
                report.add(here, "\(entry.key) not carried over: blogctl always writes feeds (RSS, Atom, JSON), sitemap and robots.txt and has no such setting")
            default:
                report.add(here, "\(entry.key) not carried over: unknown to the import; docs/site.md lists site.yml's keys")
            }
        }
        if file.table["base_url"] == nil {
            report.add(SourceLocation(file: file.path), "no base_url: site.yml has base_url https://example.com; set your address there")
        }
        // Zola highlights and curls quotes only when asked; blogctl by default. Keep what readers saw.
        settings.highlight = highlight ? nil : false
        settings.smartPunctuation = smartPunctuation
    }
}

extension ImportValue {
    var array: [ImportValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}
