import Yams

/// `site.yml`'s `math:` switch: TeX in posts rendered by KaTeX in the reader's browser, with
/// KaTeX's files shipped in the site (docs/markdown.md, Math).
public struct MathSettings: Sendable, Equatable {
    /// Off by default: a `$` in a post is a dollar until the site asks for math.
    public var enabled = false
    /// The KaTeX distribution the site ships; nil when math is off.
    var katex: KaTeXDistribution?

    /// Reads `math:` (a boolean) and, when it is true, finds KaTeX.
    static func parse(_ node: Node?, file: String) throws(SiteBuildError) -> MathSettings {
        var settings = MathSettings()
        guard let node, !YAMLDocument.isNull(node) else { return settings }
        settings.enabled = try YAMLDocument.bool(node, key: "math", file: file, lineOffset: 0)
        guard settings.enabled else { return settings }
        do {
            settings.katex = try KaTeXDistribution.find()
        } catch {
            throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0), error.description)
        }
        return settings
    }
}
