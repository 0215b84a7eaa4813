import ImageInfo

/// The facts of the site's own images that one page shows: part of the page's inputs (its key),
/// so a page is made again when an image it shows changes size. Applied by the page's last
/// rewriting pass (`editor`).
struct PageImages: Encodable, Equatable, Sendable {
    /// In site path order.
    let images: [ImageFacts]

    static let none = PageImages([])

    init(_ images: [ImageFacts]) { self.images = images }

    /// The edit of each `<img>` of the page at `pagePath`: `width` and `height` from the file,
    /// `loading="lazy"` on all but the page's first image (which is likely on the first screen),
    /// `decoding="async"`, and for images with resized copies a `srcset` and a `<picture>` with
    /// a WebP `<source>`. Attributes the author wrote are kept, never doubled.
    func editor(for pagePath: String, urls: SiteURLs) -> (ImageTag) -> ImageTagEdit? {
        let byPath = Dictionary(images.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return { tag in
            var edit = ImageTagEdit()
            let has = tag.attributeNames
            let facts = tag.source.flatMap { urls.sitePath(of: $0) }.flatMap { byPath[SiteURLs.decode(SiteImages.withoutQuery($0))] }
            if let dimensions = facts?.dimensions, !has.contains("width"), !has.contains("height") {
                edit.attributes += " width=\"\(dimensions.width)\" height=\"\(dimensions.height)\""
            }
            if tag.ordinal > 0, !has.contains("loading") { edit.attributes += " loading=\"lazy\"" }
            if !has.contains("decoding") { edit.attributes += " decoding=\"async\"" }
            if let facts, let dimensions = facts.dimensions, !facts.widths.isEmpty, !has.contains("srcset") {
                func candidates(_ format: ImageFormat, original: Bool) -> String {
                    var list = facts.widths.map { "\(Self.url(facts.copyPath(width: $0, format: format), from: pagePath)) \($0)w" }
                    let largest = original ? Self.url(facts.path, from: pagePath) : Self.url(facts.copyPath(width: dimensions.width, format: format), from: pagePath)
                    list.append("\(largest) \(dimensions.width)w")
                    return list.joined(separator: ", ")
                }
                let sizes = " sizes=\"\(ImageFacts.sizesAttribute)\""
                edit.attributes += " srcset=\"\(candidates(facts.format, original: true))\"" + sizes
                if facts.format != .webp {
                    edit.before = "<picture><source type=\"image/webp\" srcset=\"\(candidates(.webp, original: false))\"\(sizes)>"
                    edit.after = "</picture>"
                }
            }
            return edit == ImageTagEdit() ? nil : edit
        }
    }

    /// The page-relative URL of the site path `path`, safe in a `srcset` (no spaces or commas).
    private static func url(_ path: String, from pagePath: String) -> String {
        let encoded = SiteURLs.encodePreservingEscapes(path).replacingOccurrences(of: ",", with: "%2C")
        return SiteURLs.relative(from: pagePath, to: encoded)
    }
}
