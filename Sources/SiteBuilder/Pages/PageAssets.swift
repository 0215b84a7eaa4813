import HTMLEscaping

/// The scripts and style sheets a page loads for what its Markdown holds (`page.scripts`,
/// `page.stylesheets`): KaTeX where there is math, the video loader where there is a video
/// embed. Pages without either load no script at all.
struct PageAssets {
    /// Site paths, in loading order.
    private(set) var stylesheets: [String] = []
    private(set) var scripts: [String] = []

    /// Where the video loader of the built-in theme is (`Templates/static/js/embeds.js`).
    static let embedsScript = "/js/embeds.js"

    /// The assets of a page showing `shown`; `math`: the site has `math: true`.
    init(shown: [String], math: Bool) {
        if math, shown.contains(where: { Self.contains($0, Self.mathMarker) }) {
            stylesheets.append(MathFiles.stylesheet)
            scripts += [MathFiles.script, MathFiles.renderScript]
        }
        if shown.contains(where: { Self.contains($0, Self.embedMarker) }) { scripts.append(Self.embedsScript) }
    }

    private static let mathMarker = Array("<span class=\"math math-".utf8)
    private static let embedMarker = Array("<div class=\"embed-video\"".utf8)

    private static func contains(_ html: String, _ marker: [UInt8]) -> Bool { ByteSearch.contains(marker, in: html) }
}
