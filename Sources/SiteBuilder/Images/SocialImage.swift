import ImageInfo
import TemplateEngine

/// The picture of a post or page that shared links (`og:image`, `twitter:card`) and feed items
/// show: its front matter `image`, else the first image of its text.
struct SocialImage: Encodable, Equatable, Sendable {
    /// A root-absolute site path as written in URLs (percent-encoded), or an http(s) URL elsewhere.
    let url: String
    /// Present for the site's own image files.
    let facts: ImageFacts?

    /// The URL as shared: absolute, on `base_url` for the site's own.
    func absoluteURL(_ urls: SiteURLs) -> String { url.hasPrefix("/") ? urls.absolute(url) : url }

    /// Its media type, from the file (or the URL's name); nil when unknown.
    var mimeType: String? { facts?.format.mimeType ?? ImageFormat(fileName: url.prefix { $0 != "?" && $0 != "#" })?.mimeType }

    /// What templates see as `post.image` on the page at `path` (docs/templates.md).
    func data(from path: String, urls: SiteURLs) -> [String: DataValue] {
        var value: [String: DataValue] = [
            "url": .string(url.hasPrefix("/") ? SiteURLs.relative(from: path, to: url) : url),
            "absolute_url": .string(absoluteURL(urls)),
        ]
        if let type = mimeType { value["type"] = .string(type) }
        if let dimensions = facts?.dimensions {
            value["width"] = .int(dimensions.width)
            value["height"] = .int(dimensions.height)
        }
        return value
    }
}
