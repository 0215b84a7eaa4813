import Foundation
import ImageInfo

/// The site's own images as one build sees them: the facts of every image a document shows,
/// each document's social image, and the resized copies to make. Made with the plan; only the
/// headers of images that documents show are read.
struct SiteImages {
    /// By percent-decoded site path.
    private(set) var facts: [String: ImageFacts] = [:]
    /// By document path.
    private(set) var social: [String: SocialImage] = [:]
    /// Copies to make, in site path order (none without `image_sizes`).
    private(set) var copies: [ResizedImage] = []
    /// Images whose size could not be read: shown without `width` and `height`.
    private(set) var warnings: [BuildWarning] = []
    private let urls: SiteURLs

    /// An image file of the site: where its bytes are, and who asks for it (for errors).
    struct File {
        var source: StaticSource
        var owner: String
    }

    /// The images of `documents`, among `files` (by decoded site path), with the copies `sizes` asks for.
    init(documents: [Document], files: [String: File], sizes: [Int], urls: SiteURLs, headers: inout ImageHeaderMemo)
        throws(SiteBuildError)
    {
        self.urls = urls
        func facts(_ path: String) -> ImageFacts? {
            if let known = self.facts[path] { return known }
            guard let file = files[path], let format = ImageFormat(fileName: path) else { return nil }
            let result: Result<ImageDimensions, ImageHeaderError>
            let byteCount: Int
            switch file.source {
            case .site(let absolute, let identity):
                result = headers.dimensions(atPath: absolute, identity: identity)
                byteCount = Int(identity?.size ?? 0)
            case .theme(let data):
                result = ImageHeader.dimensions(of: Array(data.prefix(65_536)))
                byteCount = data.count
            }
            var dimensions: ImageDimensions?
            switch result {
            case .success(let found): dimensions = found
            case .failure(let error):
                // An SVG without a size is a valid drawing that scales to its box; only broken raster files are warned about.
                if format != .svg { warnings.append(BuildWarning(path: file.owner, message: "shown without width and height: \(error)")) }
            }
            let made = ImageFacts(path: path, dimensions: dimensions, format: format, byteCount: byteCount,
                widths: ImageFacts.copyWidths(of: dimensions, format: format, sizes: sizes))
            self.facts[path] = made
            return made
        }
        for document in documents {
            for source in document.body.imageSources {
                if let path = urls.sitePath(of: source[...]) { _ = facts(SiteURLs.decode(Self.withoutQuery(path))) }
            }
            if let image = try Self.socialImage(of: document, urls: urls, facts: facts) { social[document.path] = image }
        }
        for path in self.facts.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            let image = self.facts[path]!
            for copy in image.copies {
                let file = files[path]!
                copies.append(ResizedImage(file: String(SiteURLs.outputFile(for: image.copyPath(width: copy.width, format: copy.format))),
                    owner: "resized copy of \(file.owner)", source: file.source, width: copy.width, format: copy.format))
            }
        }
    }

    /// The facts of the images `documents` show, for their page.
    func pageImages(of documents: [Document]) -> PageImages {
        var found: [String: ImageFacts] = [:]
        for document in documents {
            for source in document.body.imageSources {
                guard let path = urls.sitePath(of: source[...]).map({ SiteURLs.decode(Self.withoutQuery($0)) }) else { continue }
                if let facts = facts[path] { found[path] = facts }
            }
        }
        return PageImages(found.keys.sorted(by: { $0.precedesInUTF8($1) }).map { found[$0]! })
    }

    /// `path` without its query or fragment.
    static func withoutQuery(_ path: String) -> String {
        guard let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return path }
        return String(path[..<cut])
    }

    /// The front matter `image` (checked: it must be one of the site's files) or the first image of the text.
    private static func socialImage(of document: Document, urls: SiteURLs, facts: (String) -> ImageFacts?) throws(SiteBuildError) -> SocialImage? {
        if let image = document.frontMatter.image {
            let lower = image.lowercased()
            if lower.hasPrefix("https://") || lower.hasPrefix("http://") {
                if let own = urls.sitePath(of: image[...]), let found = facts(SiteURLs.decode(withoutQuery(own))) {
                    return SocialImage(url: own, facts: found)
                }
                return SocialImage(url: image, facts: nil)
            }
            let encoded = SiteURLs.encodePreservingEscapes(image)
            let path = image.hasPrefix("/") ? encoded : SiteURLs.resolve(encoded[...], against: document.path)
            guard let found = facts(SiteURLs.decode(withoutQuery(path))) else {
                let location = document.frontMatter.locations["image"] ?? SourceLocation(file: document.displayPath, line: 1)
                throw .malformed(location, "image '\(image)' is not an image file of the site (looked for \(SiteURLs.decode(path)); "
                    + "a relative path starts at the page's own folder, \(document.path))")
            }
            return SocialImage(url: path, facts: found)
        }
        guard let first = document.body.imageSources.first else { return nil }
        if let own = urls.sitePath(of: first[...]) { return SocialImage(url: own, facts: facts(SiteURLs.decode(withoutQuery(own)))) }
        let lower = first.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://") ? SocialImage(url: first, facts: nil) : nil
    }
}
