import Foundation

/// A Hugo site as an author has it after a few years: TOML config with permalinks and params,
/// posts in YAML and TOML front matter, nested folders, bundles with images, aliases, drafts,
/// categories, shortcodes known and unknown, section files, static files and a custom layout.
enum HugoFixture {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 1, 2, 3])
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0xFF, 0xD9])

    static let crlfBody = "\r\nLine one with CRLF.\r\n\r\nLine two, *emphasis*.\r\n"

    static func make() -> SiteFolder {
        let site = SiteFolder.temporary("hugo")
        site.write("hugo.toml", """
            baseURL = "https://blog.example.org/"
            title = "Ann's \\"Notes\\""
            languageCode = "en-gb"
            timeZone = "Europe/Berlin"
            paginate = 5
            theme = "papermod"
            enableRobotsTXT = true

            [params]
              description = "Notes on: things"
              author = "Ann Example"
              math = true
              github = "ann"

            [permalinks]
              posts = "/:year/:month/:title/"

            [markup.goldmark.renderer]
              unsafe = true

            [taxonomies]
              tag = "tags"
              category = "categories"

            [[menu.main]]
              name = "About"
              url = "/about/"
            """)
        // 1: YAML, categories, author, alias, description.
        site.write("content/posts/hello-world.md", """
            ---
            title: "Hello, World!"
            date: 2024-01-15T10:00:00+01:00
            tags: [intro]
            categories: [General]
            author: Ann
            aliases: [/old/hello/]
            description: First post
            ---
            Welcome to the blog.

            <!--more-->

            The rest.
            """)
        // 2: TOML, local date, lastmod, a slug (the permalink uses :title, not :slug).
        site.write("content/posts/second.md", """
            +++
            title = "C++ Tips & Tricks"
            date = 2024-02-03
            lastmod = 2024-02-10T08:00:00Z
            tags = ["C++", "tips"]
            categories = ["Programming", "tips"]
            slug = "cpp-tips"
            +++
            Some tips.
            """)
        // 3: nested folder, draft.
        site.write("content/posts/2023/old-post.md", """
            ---
            title: Old post
            date: 2023-06-01
            draft: true
            ---
            Draft text.
            """)
        // 4: a bundle with images; figure with an argument blogctl lacks.
        site.write("content/posts/trip/index.md", """
            ---
            title: Trip to the Ardennes
            date: 2024-03-05T09:30:00Z
            tags: [travel]
            ---
            Look:

            {{< figure src="cat.jpg" alt="Cat" attr="Photo: me" >}}

            ![map](img/map.png)
            """)
        site.write("content/posts/trip/cat.jpg", jpeg)
        site.write("content/posts/trip/img/map.png", png)
        // 5: url -> path.
        site.write("content/posts/url-post.md", """
            ---
            title: Moved on purpose
            date: 2024-03-10
            url: /custom/place/
            ---
            Elsewhere.
            """)
        // 6: shortcodes known and unknown, and one in a code block.
        site.write("content/posts/shortcodes.md", """
            ---
            title: Embeds
            date: 2024-04-02T12:00:00Z
            ---
            {{< youtube dQw4w9WgXcQ >}}

            {{< vimeo id="76979871" autoplay="true" >}}

            {{< gist spf13 7896402 >}}

            {{< highlight go "linenos=table" >}}
            func main() {}
            {{< /highlight >}}

            {{< tweet user="GoHugoIO" id="1315233626070503424" >}}

            {{% notice warning %}}Careful **now**{{% /notice %}}

            See [the first post]({{< ref "hello-world.md" >}}) and [the trip]({{< relref "/posts/trip" >}}).

            ```
            {{< tweet user="x" id="1" >}}
            ```
            """)
        // 7: TOML with params, unknown keys, weight, summary.
        site.write("content/posts/params.md", """
            +++
            title = "Params and extras"
            date = 2024-04-10T08:00:00+02:00
            weight = 3
            summary = "A short summary."
            toc = true
            [params]
              mood = "happy"
              score = 7
            +++
            Body.
            """)
        // 8: values YAML must quote.
        site.write("content/posts/quoting.md", """
            ---
            title: "yes: no"
            date: 2024-04-11
            tags: ["true", "2024"]
            description: "null"
            ---
            Quoted.
            """)
        // 9: a date-prefixed file name.
        site.write("content/posts/2024-04-01-dated-name.md", """
            ---
            title: April notes
            date: 2024-04-01
            ---
            April.
            """)
        // 10: authors list, publishDate and layout (reported).
        site.write("content/posts/authors.md", """
            ---
            title: Two authors
            date: 2024-05-01
            authors: [Ann, Bob]
            publishDate: 2024-05-02
            layout: wide
            ---
            Together.
            """)
        // 11: CRLF line ends, body kept byte for byte.
        site.write("content/posts/crlf.md", "---\r\ntitle: Windows line ends\r\ndate: 2024-05-03\r\n---\r\n" + crlfBody.replacingOccurrences(of: "\r\n", with: "\r\n"))
        // 12: the same name in another year folder.
        site.write("content/posts/2022/hello-world.md", """
            ---
            title: Hello again
            date: 2022-12-24
            ---
            Older hello.
            """)
        site.write("content/posts/_index.md", "---\ntitle: Posts\n---\nAll posts.\n")
        site.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
        site.write("content/posts/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        // Pages.
        site.write("content/about.md", """
            ---
            title: About
            weight: 1
            menu: main
            ---
            About me.
            """)
        site.write("content/projects/blogctl.md", """
            +++
            title = "blogctl"
            +++
            A project.
            """)
        site.write("content/colophon/index.md", """
            ---
            title: Colophon
            ---
            ![stack](stack.png)
            """)
        site.write("content/colophon/stack.png", png)
        site.write("content/legacy.html", "---\ntitle: Legacy\n---\n<p>old</p>\n")
        site.write("static/img/logo.png", png)
        site.write("static/.well-known/security.txt", "Contact: mailto:ann@example.org\n")
        site.write("static/posts/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"static\"/>")
        site.write("layouts/shortcodes/notice.html", "<div class=\"notice\">{{ .Inner }}</div>")
        return site
    }
}
