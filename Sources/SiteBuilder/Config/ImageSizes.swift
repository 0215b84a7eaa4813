import Yams

/// `site.yml`'s `image_sizes`: the widths, in pixels, of the resized copies made of local raster
/// images wider than each. Empty (the default): no copies, and libvips is never started.
enum ImageSizes {
    /// The widest copy allowed; wider ones cost much and no screen needs them.
    static let limit = 10_000

    /// Reads the list, strictly increasing integers from 1 to `limit`; `file` names `site.yml` in errors.
    static func parse(_ node: Node, file: String) throws(SiteBuildError) -> [Int] {
        if YAMLDocument.isNull(node) { return [] }
        let location = YAMLDocument.location(of: node, file: file, lineOffset: 0)
        guard let sequence = node.sequence else {
            throw .malformed(location, "'image_sizes' must be a list of widths in pixels, such as [480, 960, 1600]")
        }
        var sizes: [Int] = []
        for item in sequence {
            let itemLocation = YAMLDocument.location(of: item, file: file, lineOffset: 0)
            guard let scalar = item.scalar, case .int(let width) = YAMLDocument.typed(scalar) else {
                throw .malformed(itemLocation, "'image_sizes' must hold whole numbers of pixels, not '\(item.scalar?.string ?? "a list or mapping")'")
            }
            guard (1...limit).contains(width) else {
                throw .malformed(itemLocation, "image size \(width) must be from 1 to \(limit) pixels")
            }
            if let last = sizes.last, width <= last {
                throw .malformed(itemLocation, width == last ? "image size \(width) is listed twice"
                    : "'image_sizes' must be in increasing order (\(width) comes after \(last))")
            }
            sizes.append(width)
        }
        return sizes
    }
}
