import Foundation

/// Creates new sites and new posts (`blogctl init`, `blogctl new post`).
public enum SiteScaffold {
    /// Writes a working site into `directory` (created if needed). Refuses when it already has a site.yml.
    /// Returns the paths it wrote, relative to `directory`.
    @discardableResult
    public static func createSite(in directory: URL, now: Date = Date()) throws -> [String] {
        let fileManager = FileManager.default
        let siteFile = directory.appendingPathComponent("site.yml")
        if fileManager.fileExists(atPath: siteFile.path) { throw SiteBuildError.alreadyExists(path: siteFile.relativePath) }
        let day = SiteDate(seconds: Int64(now.timeIntervalSince1970), timeZone: TimeZone(identifier: "UTC")!).iso8601.prefix(10)
        let files: [(String, String)] = [
            ("site.yml", siteTemplate),
            ("content/posts/\(day)-hello-world.md", """
            ---
            title: Hello, world
            date: \(day)
            tags: [meta]
            ---

            This is the first post of a new blog built with blogctl. Edit it in
            `content/posts/`, or start another with `blogctl new post "My next post"`.

            <!--more-->

            Everything below the `more` marker shows only on the post's own page.

            """),
            ("content/about.md", """
            ---
            title: About
            weight: 1
            ---

            Write something about yourself here. This page lives in `content/about.md`
            and is served at `/about/`.

            """),
            ("static/.gitkeep", ""),
            // The outputs (a build with drafts goes to public-drafts/), what a build leaves beside
            // them (SiteWriter's temporary, old and lock names, the recycled tree), the cache, and
            // the CAR `publish` writes with no target.
            (".gitignore", "public/\npublic-drafts/\n.public*.tmp-*\n.public*.old-*\n.public*.lock-*\n.public*-recycle/\n.blogctl-cache/\n/site.car\n"),
        ]
        var written: [String] = []
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            if path == ".gitignore", let existing = fileManager.contents(atPath: url.path) {
                // An existing repository keeps its .gitignore, but the build output must still be ignored.
                if try appendMissingLines(of: text, to: url, existing: existing) { written.append(path) }
                continue
            }
            if fileManager.fileExists(atPath: url.path) { continue }
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                throw SiteBuildError.io(path: url.relativePath, "cannot write: \(fileErrorReason(error, path: url.relativePath))")
            }
            written.append(path)
        }
        return written
    }

    /// Appends the lines of `text` that `existing` lacks; true when the file changed.
    private static func appendMissingLines(of text: String, to url: URL, existing: Data) throws -> Bool {
        let current = String(decoding: existing, as: UTF8.self)
        let present = Set(current.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
        let missing = text.split(separator: "\n").filter { !present.contains(String($0)) }
        guard !missing.isEmpty else { return false }
        let separator = current.isEmpty || current.hasSuffix("\n") ? "" : "\n"
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((separator + missing.joined(separator: "\n") + "\n").utf8))
        } catch {
            throw SiteBuildError.io(path: url.relativePath, "cannot write: \(fileErrorReason(error, path: url.relativePath))")
        }
        return true
    }

    /// Writes `content/posts/YYYY-MM-DD-<slug>.md` (a draft dated today in the site's time zone)
    /// and returns its URL. Refuses to overwrite.
    public static func createPost(title: String, in siteDirectory: URL, now: Date = Date()) throws -> URL {
        let siteFile = siteDirectory.appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: siteFile.path) else {
            throw SiteBuildError.io(path: siteFile.relativePath, "no site.yml here; run blogctl init first or pass --site")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: siteFile.relativePath) }
        let config = try SiteConfig.parse(text, file: siteFile.relativePath)
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw SiteBuildError.invalidValue("the title '\(title)' has no letter or digit to make a file name from; give it some, as in blogctl new post \"Hello, IPFS\"")
        }
        let stamp = SiteDate(seconds: Int64(now.timeIntervalSince1970), timeZone: config.timezone).iso8601
        let day = stamp.prefix(10)
        let url = siteDirectory.appendingPathComponent("content/posts/\(day)-\(slug).md")
        if FileManager.default.fileExists(atPath: url.path) { throw SiteBuildError.alreadyExists(path: url.relativePath) }
        let quoted = "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let body = "---\ntitle: \(quoted)\ndate: \(stamp)\ndraft: true\ntags: []\n---\n\nWrite here. Remove `draft: true` to publish.\n"
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(body.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw SiteBuildError.io(path: url.relativePath, "cannot write: \(fileErrorReason(error, path: url.relativePath))")
        }
        return url
    }

    static let siteTemplate = """
    # blogctl site settings. Only title and base_url are required; every other key shows its default.
    # Reference: docs/site.md

    title: My Blog
    # The address readers use; feeds, the sitemap and canonical links use it.
    base_url: https://example.com

    # author: ""                 # shown in meta tags and feeds
    # language: en               # a BCP 47 tag: <html lang>, feeds, the theme's words and dates (en de fr es it pt nl ja zh ru)
    # strings: {}                # your words for any theme string (all_posts: Everything), in any language
    # timezone: UTC              # IANA name; dates without an offset are in this zone
    # description: ""            # meta description and feed description
    # posts_per_page: 10         # home and tag pages

    # markdown:
    #   smart_punctuation: true  # "quotes" -> “quotes”, -- -> –
    #   raw_html: true           # keep HTML written in Markdown
    #   hard_breaks: false       # a single newline becomes <br>
    #   summary_words: 70        # words of a summary taken from the first paragraph (0: all of it)
    #   tag_filter: false        # true: escape <script>, <iframe>, <style> … even in your raw HTML

    # highlight:                 # code blocks coloured at build time (highlight: false keeps them plain)
    #   style: github            # Chroma's colour scheme (docs/highlighting.md lists them)
    #   dark_style: github-dark  # the scheme when the reader prefers dark ("" for none)
    #   line_numbers: false      # number every block's lines (a fence can say linenos=true)
    # math: false                # true: $…$ and $$…$$ are TeX, rendered by KaTeX shipped in the site
    # custom_css: []             # your style sheets in static/ (css/site.css), linked after the theme's

    # image_sizes: []            # e.g. [480, 960, 1600]: resized copies and srcset for local images
    # search: true               # the search page (/search/) and its index; false leaves both out

    # publish: {}                # IPFS publishing settings (blogctl publish)
    # dnslink: {}                # DNSLink settings
    # extra: {}                  # anything; templates see it as `extra`

    """
}
