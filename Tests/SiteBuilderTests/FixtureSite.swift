import Foundation
@testable import SiteBuilder

/// A site folder in a fresh temporary directory, with small templates of its own (so tests do
/// not depend on the built-in theme's looks) unless `themeOnly`.
struct FixtureSite {
    let root: URL

    static let siteYML = """
        title: Fixture Blog
        base_url: https://blog.example.com
        author: Ada
        timezone: Europe/Berlin
        description: A test site.
        posts_per_page: 2
        extra:
          motto: hello

        """

    /// Fixture templates: terse, but every value the contract promises is printed somewhere.
    static let templates: [String: String] = [
        "base.mustache": """
            <!doctype html><html><head><title>{{$title}}{{page.title}}{{/title}}</title>\
            <link rel="canonical" href="{{page.absolute_url}}"><link rel="stylesheet" href="{{site.stylesheet_url}}">\
            <meta property="og:url" content="{{page.absolute_url}}"></head><body class="{{page.kind}}" data-root="{{root_url}}">
            <nav>{{#menu}}<a href="{{url}}"{{#current}} class="current"{{/current}}>{{title}}</a>{{/menu}}</nav>
            {{$main}}{{/main}}
            <footer>© {{site.year}} {{extra.motto}}</footer></body></html>
            """,
        "home.mustache": """
            {{<base}}{{$main}}{{#posts}}<article><a href="{{url}}">{{title}}</a> {{date_display}}<div class="summary">{{{summary}}}</div></article>
            {{/posts}}{{>partials/pager}}{{/main}}{{/base}}
            """,
        "partials/pager.mustache": """
            {{#pagination}}<p class="pager">{{current}}/{{total}}{{#previous_url}} <a rel="prev" href="{{.}}">prev</a>{{/previous_url}}\
            {{#next_url}} <a rel="next" href="{{.}}">next</a>{{/next_url}}</p>{{/pagination}}
            """,
        "post.mustache": """
            {{<base}}{{$main}}{{#post}}<h1>{{title}}</h1><time datetime="{{date}}">{{date_display}}</time>\
            {{#updated_display}}<i>updated {{.}}</i>{{/updated_display}}
            <ul class="tags">{{#tags}}<li><a href="{{url}}">{{name}}</a></li>{{/tags}}</ul>
            <div class="content">{{{content}}}</div>
            {{#previous}}<a rel="prev" href="{{url}}">{{title}}</a>{{/previous}}{{#next}}<a rel="next" href="{{url}}">{{title}}</a>{{/next}}
            <p class="extra">{{extra.mood}}</p>{{/post}}{{/main}}{{/base}}
            """,
        "page.mustache": "{{<base}}{{$main}}{{#post}}<h1>{{title}}</h1><div class=\"content\">{{{content}}}</div>{{/post}}{{/main}}{{/base}}",
        "tags.mustache": "{{<base}}{{$main}}{{#tags}}<a href=\"{{url}}\">{{name}} ({{count}})</a>\n{{/tags}}{{/main}}{{/base}}",
        "tag.mustache": """
            {{<base}}{{$main}}{{#tag}}<h1>{{name}} {{count}}</h1>{{/tag}}{{#posts}}<a href="{{url}}">{{title}}</a>
            {{/posts}}{{>partials/pager}}{{/main}}{{/base}}
            """,
        "archive.mustache": "{{<base}}{{$main}}{{#years}}<h2>{{year}}</h2>{{#posts}}<a href=\"{{url}}\">{{title}}</a>\n{{/posts}}{{/years}}{{/main}}{{/base}}",
        "404.mustache": "{{<base}}{{$main}}<h1>Not found</h1><a href=\"{{site.home_url}}\">home</a>{{/main}}{{/base}}",
        "alias.mustache": """
            <!doctype html><html><head><link rel="canonical" href="{{target_absolute_url}}">\
            <meta http-equiv="refresh" content="0; url={{target_url}}"></head><body><a href="{{target_url}}">moved</a></body></html>
            """,
    ]

    init(files: [String: String], siteYML: String = FixtureSite.siteYML, themeOnly: Bool = false) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-site-\(UUID().uuidString)")
        var all = files
        all["site.yml"] = all["site.yml"] ?? siteYML
        if !themeOnly {
            for (name, text) in Self.templates where all["templates/" + name] == nil { all["templates/" + name] = text }
        }
        for (path, text) in all { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    /// A fixed "now" (2026-06-01T12:00Z) so drafts/future tests never depend on the clock.
    static let now = Date(timeIntervalSince1970: 1_780_315_200)

    func session(_ options: BuildOptions = BuildOptions(now: FixtureSite.now)) -> SiteBuildSession {
        SiteBuildSession(siteDirectory: root, options: options)
    }

    func build(_ options: BuildOptions = BuildOptions(now: FixtureSite.now)) async throws -> BuildResult {
        try await session(options).build()
    }

    /// The build's error message, or nil when it succeeds.
    func buildError(_ options: BuildOptions = BuildOptions(now: FixtureSite.now)) async -> String? {
        do {
            _ = try await build(options)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(at: root) }
}

extension BuildResult {
    /// The text of the output file at `path`, or "" when absent.
    func text(_ path: String) -> String {
        guard let content = output.files[path], let data = try? content.data() else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func has(_ path: String) -> Bool { output.files[path] != nil }
}

/// A post file with front matter.
func post(_ title: String, date: String, tags: [String] = [], extra: String = "", body: String = "Some text.") -> String {
    var text = "---\ntitle: \(title)\ndate: \(date)\n"
    if !tags.isEmpty { text += "tags: [\(tags.joined(separator: ", "))]\n" }
    text += extra
    text += "---\n\n\(body)\n"
    return text
}
