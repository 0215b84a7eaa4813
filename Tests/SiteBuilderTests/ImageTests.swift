import Foundation
import ImageInfo
import Testing
@testable import SiteBuilder

/// A bundle post with one image of each format, an external image, a raw `<img>` with the
/// author's own attributes, and an image inside a code block.
private func imageSite(siteYML: String = FixtureSite.siteYML, themeOnly: Bool = false, extra: String = "") throws -> FixtureSite {
    let site = try FixtureSite(files: [
        "content/posts/photos/index.md": post("Photos", date: "2026-01-02", extra: extra, body: """
            ![first](pic.png)

            ![jpeg](/img/photo.jpg) ![gif](/img/anim.gif) ![webp](/img/shot.webp) ![svg](/img/diagram.svg)

            ![remote](https://other.example.org/x.png)

            <img src="/img/photo.jpg" width="10" loading="eager">

            ```
            ![in code](/img/photo.jpg) <img src="/img/photo.jpg">
            ```
            """),
        "content/posts/plain.md": post("Plain", date: "2026-01-01", body: "No pictures here."),
        "static/img/diagram.svg": #"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 60"><rect width="120" height="60"/></svg>"#,
    ], siteYML: siteYML, themeOnly: themeOnly)
    try site.write("content/posts/photos/pic.png", TestImages.png(width: 40, height: 30))
    try site.write("static/img/photo.jpg", TestImages.jpegHeader(width: 640, height: 480))
    try site.write("static/img/anim.gif", TestImages.gifHeader(width: 33, height: 17))
    try site.write("static/img/shot.webp", TestImages.webpHeader(width: 1024, height: 300))
    return site
}

@Suite struct ImageTests {
    @Test func localImagesGetTheirSizeAndAllButTheFirstLoadLazily() async throws {
        let site = try imageSite()
        defer { site.cleanUp() }
        let result = try await site.build()
        let page = result.text("posts/photos/index.html")
        #expect(page.contains(#"<img src="pic.png" alt="first" width="40" height="30" decoding="async" />"#), "\(page)")
        #expect(page.contains(#"<img src="../../img/photo.jpg" alt="jpeg" width="640" height="480" loading="lazy" decoding="async" />"#))
        #expect(page.contains(#"<img src="../../img/anim.gif" alt="gif" width="33" height="17" loading="lazy" decoding="async" />"#))
        #expect(page.contains(#"<img src="../../img/shot.webp" alt="webp" width="1024" height="300" loading="lazy" decoding="async" />"#))
        #expect(page.contains(#"<img src="../../img/diagram.svg" alt="svg" width="120" height="60" loading="lazy" decoding="async" />"#))
        // Not a file of the site: no size, but lazy like every image after the first.
        #expect(page.contains(#"<img src="https://other.example.org/x.png" alt="remote" loading="lazy" decoding="async" />"#))
        // The author's own attributes win; nothing is doubled.
        #expect(page.contains(#"<img src="../../img/photo.jpg" width="10" loading="eager" decoding="async">"#))
        // Code is shown as written.
        #expect(page.contains("![in code](/img/photo.jpg) &lt;img src=&quot;/img/photo.jpg&quot;&gt;"))
        #expect(page.components(separatedBy: "loading=\"lazy\"").count - 1 == 5)
        #expect(result.warnings.isEmpty)

        // A list page counts its own images: the first one on it is not lazy.
        let home = result.text("index.html")
        #expect(home.contains(#"<img src="posts/photos/pic.png" alt="first" width="40" height="30" decoding="async" />"#), "\(home)")
    }

    @Test func aCutShortOrCorruptImageIsShownWithoutSizeAndWarned() async throws {
        let site = try imageSite()
        defer { site.cleanUp() }
        try site.write("content/posts/photos/pic.png", Data(TestImages.png(width: 40, height: 30).prefix(20)))
        try site.write("static/img/photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xDA, 0, 4, 0, 0]))
        let result = try await site.build()
        let page = result.text("posts/photos/index.html")
        #expect(page.contains(#"<img src="pic.png" alt="first" decoding="async" />"#))
        #expect(page.contains(#"<img src="../../img/photo.jpg" alt="jpeg" loading="lazy" decoding="async" />"#))
        let warnings = result.warnings.map { "\($0.path): \($0.message)" }
        #expect(warnings.contains { $0.hasSuffix("pic.png: shown without width and height: the PNG header is cut short") }, "\(warnings)")
        #expect(warnings.contains { $0.hasSuffix("photo.jpg: shown without width and height: malformed JPEG header: no frame header before the image data") })
    }

    @Test func aChangedImageFileChangesThePagesInARebuild() async throws {
        let site = try imageSite()
        defer { site.cleanUp() }
        let session = site.session()
        _ = try await session.build()
        try site.write("content/posts/photos/pic.png", TestImages.png(width: 80, height: 10))
        let rebuilt = try await session.rebuild(changedPaths: ["content/posts/photos/pic.png"])
        #expect(rebuilt.text("posts/photos/index.html").contains(#"alt="first" width="80" height="10""#))
        #expect(rebuilt.changedPaths.contains("posts/photos/index.html") && rebuilt.changedPaths.contains("index.html"))
        #expect(!rebuilt.changedPaths.contains("posts/plain/index.html"))
        let fresh = try await site.build()
        #expect(fresh.text("posts/photos/index.html") == rebuilt.text("posts/photos/index.html"))
    }

    @Test func theFrontMatterImageOrTheFirstImageIsTheAbsoluteOpenGraphImage() async throws {
        let site = try imageSite(themeOnly: true)
        defer { site.cleanUp() }
        try site.write("content/posts/cover.md", post("Cover", date: "2026-01-03", extra: "image: /img/shot.webp\n", body: "Text."))
        try site.write("content/about.md", "---\ntitle: About\nimage: ../img/diagram.svg\n---\nMe.\n")
        let result = try await site.build()
        let photos = result.text("posts/photos/index.html")
        #expect(photos.contains(#"<meta property="og:image" content="https://blog.example.com/posts/photos/pic.png">"#), "\(photos)")
        #expect(photos.contains(#"<meta property="og:image:width" content="40">"#) && photos.contains(#"<meta property="og:image:height" content="30">"#))
        #expect(photos.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        let cover = result.text("posts/cover/index.html")
        #expect(cover.contains(#"<meta property="og:image" content="https://blog.example.com/img/shot.webp">"#))
        #expect(cover.contains(#"<meta property="og:image:type" content="image/webp">"#))
        #expect(result.text("about/index.html").contains(#"<meta property="og:image" content="https://blog.example.com/img/diagram.svg">"#))
        let plain = result.text("posts/plain/index.html")
        #expect(!plain.contains("og:image") && !plain.contains("twitter:card"))
        #expect(!result.text("index.html").contains("og:image"))
    }

    @Test func everyFeedCarriesThePostsImage() async throws {
        let site = try imageSite()
        defer { site.cleanUp() }
        try site.write("content/posts/remote.md", post("Remote", date: "2026-01-03", extra: "image: https://cdn.example.net/a.jpg\n"))
        let result = try await site.build()
        let length = TestImages.png(width: 40, height: 30).count
        let rss = result.text("rss.xml")
        #expect(rss.contains(#"<enclosure url="https://blog.example.com/posts/photos/pic.png" length="\#(length)" type="image/png"/>"#), "\(rss)")
        #expect(rss.contains(#"<enclosure url="https://cdn.example.net/a.jpg" length="0" type="image/jpeg"/>"#))
        #expect(rss.components(separatedBy: "<enclosure").count - 1 == 2, "the plain post has none")
        let atom = result.text("atom.xml")
        #expect(atom.contains(#"<link rel="enclosure" href="https://blog.example.com/posts/photos/pic.png" type="image/png" length="\#(length)"/>"#))
        #expect(atom.contains(#"<link rel="enclosure" href="https://cdn.example.net/a.jpg" type="image/jpeg"/>"#))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.text("feed.json").utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        let images = Dictionary(uniqueKeysWithValues: items.map { ($0["title"] as! String, $0["image"] as? String) })
        #expect(images["Photos"] == "https://blog.example.com/posts/photos/pic.png")
        #expect(images["Remote"] == "https://cdn.example.net/a.jpg")
        #expect(images["Plain"] == .some(nil))
    }

    @Test func aBadFrontMatterImageIsAnErrorWithItsFileAndLine() async throws {
        func error(_ line: String) async throws -> String? {
            let site = try imageSite()
            defer { site.cleanUp() }
            try site.write("content/posts/cover.md", post("Cover", date: "2026-01-03", extra: line))
            return await site.buildError()
        }
        let missing = try await error("image: cover.png\n")
        #expect(missing?.contains("cover.md:4:") == true && missing?.contains("image 'cover.png' is not an image file of the site") == true
            && missing?.contains("/posts/cover/cover.png") == true, "\(missing ?? "")")
        let list = try await error("image: [a.png]\n")
        #expect(list?.contains("cover.md:4:") == true && list?.contains("'image' must be the path of an image file") == true, "\(list ?? "")")
        #expect(try await error("image: /img/nope.png\n")?.contains("image '/img/nope.png' is not an image file") == true)
        #expect(try await error("image: /img/photo.jpg\n") == nil)
    }

    @Test func badImageSizesNameTheirSiteYMLLine() async throws {
        func error(_ yml: String) async throws -> String? {
            let site = try imageSite(siteYML: FixtureSite.siteYML + yml)
            defer { site.cleanUp() }
            return await site.buildError()
        }
        let cases: [(String, String)] = [
            ("image_sizes: [480, 0]\n", "image size 0 must be from 1 to 10000 pixels"),
            ("image_sizes: [480, 20000]\n", "image size 20000 must be from 1 to 10000 pixels"),
            ("image_sizes: [480, wide]\n", "'image_sizes' must hold whole numbers of pixels, not 'wide'"),
            ("image_sizes: [480, 1.5]\n", "'image_sizes' must hold whole numbers of pixels, not '1.5'"),
            ("image_sizes: [960, 480]\n", "'image_sizes' must be in increasing order (480 comes after 960)"),
            ("image_sizes: [480, 480]\n", "image size 480 is listed twice"),
            ("image_sizes: 480\n", "'image_sizes' must be a list of widths in pixels"),
        ]
        for (yml, message) in cases {
            let text = try await error(yml)
            #expect(text?.contains("site.yml:9:") == true && text?.contains(message) == true, "\(yml): \(text ?? "no error")")
        }
        let multiLine = try await error("image_sizes:\n  - 480\n  - -3\n")
        #expect(multiLine?.contains("site.yml:11:") == true, "\(multiLine ?? "")")
        #expect(try await error("image_sizes: []\n") == nil)
    }
}
