import Foundation

/// A Zola site: config.toml with taxonomies, markdown and extra; a date-sorted blog section with
/// dated file names, `path`, `slug`, bundles, drafts, taxonomies and shortcodes; a notes section
/// of pages; static files and custom templates.
enum ZolaFixture {
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0xFF, 0xD9])

    static func make() -> SiteFolder {
        let site = SiteFolder.temporary("zola")
        site.write("config.toml", """
            base_url = "https://zola.example.net/"
            title = "Zola Notes"
            description = "A Zola blog"
            default_language = "fr"
            compile_sass = true
            taxonomies = [{name = "tags"}, {name = "categories"}]

            [markdown]
            highlight_code = true
            highlight_theme = "base16-ocean-dark"

            [extra]
            github = "https://github.com/zed"
            menu = ["blog", "about"]
            """)
        site.write("content/blog/_index.md", "+++\ntitle = \"Blog\"\nsort_by = \"date\"\npaginate_by = 5\n+++\n")
        site.write("content/notes/_index.md", "+++\ntitle = \"Notes\"\nsort_by = \"weight\"\n+++\n")
        // 1: date and slug from the file name.
        site.write("content/blog/2024-05-01-first-light.md", """
            +++
            title = "First light"
            +++
            The first post.
            """)
        // 2: taxonomies, aliases, updated, description.
        site.write("content/blog/hello.md", """
            +++
            title = "Hello Zola"
            date = 2024-05-02T08:00:00Z
            updated = 2024-05-03
            description = "Greetings"
            aliases = ["/old/hello.html"]

            [taxonomies]
            tags = ["rust", "zola"]
            categories = ["code"]
            +++
            Hello.
            """)
        // 3: path.
        site.write("content/blog/custom-path.md", """
            +++
            title = "Custom path"
            date = 2025-01-02
            path = "2025/01/02/custom"
            +++
            Custom.
            """)
        // 4: slug.
        site.write("content/blog/slugged.md", """
            +++
            title = "Slugged"
            date = 2024-06-10
            slug = "My Great Slug"
            +++
            Slug.
            """)
        // 5: a bundle.
        site.write("content/blog/trip/index.md", """
            +++
            title = "A trip"
            date = 2024-07-01T10:00:00+02:00
            +++
            ![photo](photo.jpg)
            """)
        site.write("content/blog/trip/photo.jpg", jpeg)
        // 6: a dated name with an underscore.
        site.write("content/blog/2024-06-01_underscore.md", """
            +++
            title = "Underscore"
            +++
            Under.
            """)
        // 7: shortcodes and an internal link.
        site.write("content/blog/shortcodes.md", """
            +++
            title = "Zola embeds"
            date = 2024-08-01
            +++
            {{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}

            {{ vimeo(id="76979871") }}

            {{ gist(url="https://gist.github.com/zed/0123abcd") }}

            {% note(kind="warn") %}Watch **out**{% end %}

            {{ chart(data=[1, 2]) }}

            Read [hello](@/blog/hello.md#top) and [about](@/about.md).

            ```
            {{ youtube(id="inside-code") }}
            ```
            """)
        // 8: a draft.
        site.write("content/blog/draft.md", """
            +++
            title = "Unfinished"
            date = 2024-08-02
            draft = true
            +++
            Draft.
            """)
        // 9: extra, another taxonomy, a template.
        site.write("content/blog/extra.md", """
            +++
            title = "Extras"
            date = 2024-08-03
            template = "fancy.html"

            [taxonomies]
            series = ["intro"]

            [extra]
            mood = "calm"
            stars = 4
            +++
            Extra.
            """)
        // 10: accents in the file name: Zola's slug and blogctl's agree.
        site.write("content/blog/Crème brûlée.md", """
            +++
            title = "Dessert"
            date = 2024-08-04
            +++
            Sweet.
            """)
        // 11: a page in a section sorted by weight.
        site.write("content/notes/weighted.md", """
            +++
            title = "Weighted note"
            weight = 2
            +++
            A note.
            """)
        // 12: a top-level page.
        site.write("content/about.md", """
            +++
            title = "About"
            +++
            About.
            """)
        site.write("static/favicon.ico", jpeg)
        site.write("static/css/extra.css", "body { color: black; }\n")
        site.write("templates/base.html", "<html>{% block content %}{% endblock %}</html>")
        return site
    }
}
