import Foundation
import HTMLEscaping

/// RSS 2.0, Atom or JSON Feed 1.1 for the newest posts, with full content whose links are
/// absolute `base_url` URLs (feed readers have no page to resolve relative links against).
struct FeedFile: OutputKind {
    enum Format: String, Encodable, Sendable {
        case rss, atom, json
    }

    /// How many of the newest posts each feed carries.
    static let postLimit = 20

    let format: Format
    /// The newest posts, at most `postLimit`.
    let posts: [ShownDocument]
    /// Each post's picture (`SocialImage`), in `posts` order.
    let images: [SocialImage?]

    var path: String {
        switch format {
        case .rss: SiteURLs.rss
        case .atom: SiteURLs.atom
        case .json: SiteURLs.jsonFeed
        }
    }

    var file: String { SiteURLs.outputFile(for: path) }

    var owner: String {
        switch format {
        case .rss: "generated RSS feed"
        case .atom: "generated Atom feed"
        case .json: "generated JSON feed"
        }
    }

    func render(in site: SiteContext) -> OutputContent {
        // Every site reference in the posts' HTML made absolute.
        let contents = posts.map {
            let document = $0.document
            return SummaryLinks.rebasingFragments(site.urls.absoluteRewriter(for: document.path).rewriteHTML($0.contentHTML),
                to: site.urls.absolute(document.path))
        }
        switch format {
        case .rss: return .bytes(Data(rss(site, contents: contents).utf8))
        case .atom: return .bytes(Data(atom(site, contents: contents).utf8))
        case .json: return .bytes(jsonFeed(site, contents: contents))
        }
    }

    /// `text` as XML character data or an attribute value.
    private func escaped(_ text: String) -> String { HTMLEscaper.escape(text, .xml) }

    private func rss(_ site: SiteContext, contents: [String]) -> String {
        let urls = site.urls
        let config = site.config
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
        xml += "<title>\(escaped(config.title))</title>\n"
        xml += "<link>\(escaped(urls.absolute(SiteURLs.home)))</link>\n"
        xml += "<description>\(escaped(config.description))</description>\n"
        xml += "<language>\(escaped(config.language.tag))</language>\n"
        xml += "<atom:link href=\"\(escaped(urls.absolute(SiteURLs.rss)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        if let newest = posts.first { xml += "<lastBuildDate>\(newest.document.date!.rfc822)</lastBuildDate>\n" }
        for ((shown, content), image) in zip(zip(posts, contents), images) {
            let post = shown.document
            let link = escaped(urls.absolute(post.path))
            xml += "<item>\n<title>\(escaped(post.title))</title>\n<link>\(link)</link>\n"
            xml += "<guid isPermaLink=\"true\">\(link)</guid>\n<pubDate>\(post.date!.rfc822)</pubDate>\n"
            for name in shown.tagNames { xml += "<category>\(escaped(name))</category>\n" }
            // RSS requires a length and type: 0 stands for an unknown length, as the RSS Advisory Board advises.
            if let image, let type = image.mimeType {
                xml += "<enclosure url=\"\(escaped(image.absoluteURL(urls)))\" length=\"\(image.facts?.byteCount ?? 0)\" type=\"\(type)\"/>\n"
            }
            xml += "<description>\(escaped(content))</description>\n</item>\n"
        }
        xml += "</channel>\n</rss>\n"
        return xml
    }

    private func atom(_ site: SiteContext, contents: [String]) -> String {
        let urls = site.urls
        let config = site.config
        let author = config.author.isEmpty ? config.title : config.author
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escaped(config.language.tag))\">\n"
        xml += "<title>\(escaped(config.title))</title>\n"
        if !config.description.isEmpty { xml += "<subtitle>\(escaped(config.description))</subtitle>\n" }
        xml += "<link href=\"\(escaped(urls.absolute(SiteURLs.atom)))\" rel=\"self\" type=\"application/atom+xml\"/>\n"
        xml += "<link href=\"\(escaped(urls.absolute(SiteURLs.home)))\" rel=\"alternate\" type=\"text/html\"/>\n"
        xml += "<id>\(escaped(urls.absolute(SiteURLs.home)))</id>\n"
        let newest = posts.map { $0.document.updated ?? $0.document.date! }.max()
        xml += "<updated>\(newest?.iso8601 ?? "1970-01-01T00:00:00+00:00")</updated>\n"
        xml += "<author><name>\(escaped(author))</name></author>\n"
        for ((shown, content), image) in zip(zip(posts, contents), images) {
            let post = shown.document
            let link = escaped(urls.absolute(post.path))
            xml += "<entry>\n<title>\(escaped(post.title))</title>\n"
            xml += "<link href=\"\(link)\" rel=\"alternate\" type=\"text/html\"/>\n<id>\(link)</id>\n"
            if let image {
                xml += "<link rel=\"enclosure\" href=\"\(escaped(image.absoluteURL(urls)))\""
                if let type = image.mimeType { xml += " type=\"\(type)\"" }
                if let length = image.facts?.byteCount { xml += " length=\"\(length)\"" }
                xml += "/>\n"
            }
            xml += "<published>\(post.date!.iso8601)</published>\n<updated>\((post.updated ?? post.date!).iso8601)</updated>\n"
            for name in post.frontMatter.authors ?? [] { xml += "<author><name>\(escaped(name))</name></author>\n" }
            for name in shown.tagNames { xml += "<category term=\"\(escaped(name))\"/>\n" }
            xml += "<summary>\(escaped(post.body.descriptionText))</summary>\n"
            xml += "<content type=\"html\">\(escaped(content))</content>\n</entry>\n"
        }
        xml += "</feed>\n"
        return xml
    }

    private func jsonFeed(_ site: SiteContext, contents: [String]) -> Data {
        let urls = site.urls
        let config = site.config
        var feed: [String: Any] = [
            "version": "https://jsonfeed.org/version/1.1",
            "title": config.title,
            "home_page_url": urls.absolute(SiteURLs.home),
            "feed_url": urls.absolute(SiteURLs.jsonFeed),
            "language": config.language.tag,
        ]
        if !config.description.isEmpty { feed["description"] = config.description }
        if !config.author.isEmpty { feed["authors"] = [["name": config.author]] }
        feed["items"] = zip(zip(posts, contents), images).map { pair, image -> [String: Any] in
            let (shown, content) = pair
            let post = shown.document
            var item: [String: Any] = [
                "id": urls.absolute(post.path),
                "url": urls.absolute(post.path),
                "title": post.title,
                "content_html": content,
                "summary": post.body.descriptionText,
                "date_published": post.date!.iso8601,
            ]
            if let updated = post.updated { item["date_modified"] = updated.iso8601 }
            if let image { item["image"] = image.absoluteURL(urls) }
            if !shown.tagNames.isEmpty { item["tags"] = shown.tagNames }
            if let authors = post.frontMatter.authors, !authors.isEmpty { item["authors"] = authors.map { ["name": $0] } }
            return item
        }
        // Sorted keys and no slash escaping: the same bytes on every machine.
        let data = (try? JSONSerialization.data(withJSONObject: feed, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()
        return data + Data("\n".utf8)
    }
}
