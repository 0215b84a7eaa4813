import HTMLEscaping

/// Finds the images a document shows: the `src` of every `<img>` in its HTML, by the same tag
/// reading as the page's rewriting pass (code blocks, scripts and comments skipped).
enum ImageSources {
    private static let lowerTag = Array("<img".utf8), upperTag = Array("<IMG".utf8)

    /// The sources in `html`, in order; tags without a `src` are left out.
    static func find(in html: String) -> [String] {
        // Fast path: most posts have no image at all.
        guard ByteSearch.contains(lowerTag, in: html) || ByteSearch.contains(upperTag, in: html) else { return [] }
        final class Found { var sources: [String] = [] }
        let found = Found()
        var reader = URLRewriter { _ in nil }
        reader.imageEditor = { tag in
            if let source = tag.source, !source.isEmpty { found.sources.append(String(source)) }
            return nil
        }
        _ = reader.rewriteHTML(html)
        return found.sources
    }
}
