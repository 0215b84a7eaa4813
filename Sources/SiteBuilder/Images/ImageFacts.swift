import ImageInfo

/// What a page needs to know of one of the site's own image files: its size for `width` and
/// `height`, its type and length for feeds, and the widths of its resized copies.
struct ImageFacts: Encodable, Equatable, Sendable {
    /// Its site path, percent-decoded (`/posts/hello/my photo.png`).
    let path: String
    /// By its header; nil when the header could not be read (a warning says why).
    let dimensions: ImageDimensions?
    /// By its file name, for the media type feeds state.
    let format: ImageFormat
    let byteCount: Int
    /// Widths of its resized copies, increasing: the `image_sizes` below its own width.
    let widths: [Int]

    /// Formats copies are made of: GIF may be animated and SVG has no pixels to scale.
    static let resizable: Set<ImageFormat> = [.png, .jpeg, .webp]

    /// The `sizes` of a `srcset`: the built-in theme's text column is 42rem wide (`--measure`),
    /// the whole viewport below that.
    static let sizesAttribute = "(max-width: 42rem) 100vw, 42rem"

    /// The widths its copies would have with `image_sizes` `sizes`.
    static func copyWidths(of dimensions: ImageDimensions?, format: ImageFormat, sizes: [Int]) -> [Int] {
        guard let dimensions, resizable.contains(format) else { return [] }
        return sizes.filter { $0 < dimensions.width }
    }

    /// The site path of its copy `width` pixels wide in `format`: `pic.png` -> `pic-480w.webp`.
    func copyPath(width: Int, format: ImageFormat) -> String {
        // `format` came from the file name's extension, so the name has a dot.
        let dot = path.lastIndex(of: ".")!
        let suffix = format == self.format ? String(path[path.index(after: dot)...]) : format.rawValue
        return "\(path[..<dot])-\(width)w.\(suffix)"
    }

    /// Its copies as (width, format): each width in its own format and in WebP, and a WebP of the
    /// full width so browsers that take WebP have every width to choose from.
    var copies: [(width: Int, format: ImageFormat)] {
        guard let dimensions, !widths.isEmpty else { return [] }
        var result: [(Int, ImageFormat)] = widths.map { ($0, format) }
        if format != .webp { result += (widths + [dimensions.width]).map { ($0, .webp) } }
        return result
    }
}
