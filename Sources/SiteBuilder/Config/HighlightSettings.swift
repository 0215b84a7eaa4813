import Highlight
import Yams

/// `site.yml`'s `highlight:` section: code blocks coloured at build time with Chroma's lexers and
/// colour schemes (docs/highlighting.md).
public struct HighlightSettings: Sendable, Equatable {
    /// `highlight: false` leaves every code block plain and writes no style sheet.
    public var enabled = true
    /// Chroma's colour scheme for light pages.
    public var style = "github"
    /// The scheme used when the reader's system prefers dark; empty for none.
    public var darkStyle = "github-dark"
    /// Line numbers on every block unless its fence says `linenos=false`.
    public var lineNumbers = false
    /// The highlighter the Markdown renderer uses; nil when off.
    public private(set) var highlighter: Highlighter?
    /// The CSS of `css/highlight.css`; empty when off.
    public private(set) var styleSheet = ""

    static let keys = ["style", "dark_style", "line_numbers"]

    /// The catalog of this process: loaded once, shared by every build.
    private static let sharedCatalog: Result<LexerCatalog, HighlightError> = Result { () throws(HighlightError) in try LexerCatalog() }

    /// Reads `highlight:` (`false`, or a mapping of `keys`) and loads what it names.
    static func parse(_ node: Node?, file: String) throws(SiteBuildError) -> HighlightSettings {
        var settings = HighlightSettings()
        let location = node.map { YAMLDocument.location(of: $0, file: file, lineOffset: 0) } ?? SourceLocation(file: file, line: 1, column: 1)
        if let node, node.mapping == nil, !YAMLDocument.isNull(node) {
            settings.enabled = try YAMLDocument.bool(node, key: "highlight", file: file, lineOffset: 0)
        }
        var valueLocations: [String: SourceLocation] = [:]
        for (keyNode, valueNode) in node?.mapping ?? [:] {
            let name = keyNode.scalar?.string ?? ""
            valueLocations[name] = YAMLDocument.location(of: valueNode, file: file, lineOffset: 0)
            switch name {
            case "style": settings.style = try YAMLDocument.string(valueNode, key: "highlight.style", file: file, lineOffset: 0)
            case "dark_style": settings.darkStyle = try YAMLDocument.string(valueNode, key: "highlight.dark_style", file: file, lineOffset: 0)
            case "line_numbers": settings.lineNumbers = try YAMLDocument.bool(valueNode, key: "highlight.line_numbers", file: file, lineOffset: 0)
            default:
                throw .unknownKey(YAMLDocument.location(of: keyNode, file: file, lineOffset: 0), key: "highlight.\(name)", allowed: keys)
            }
        }
        guard settings.enabled else { return settings }
        do throws(HighlightError) {
            let catalog = try sharedCatalog.get()
            let styles = catalog.folder + "/styles"
            let light = try ColourScheme.load(named: settings.style, stylesFolder: styles)
            let dark = settings.darkStyle.isEmpty ? nil : try ColourScheme.load(named: settings.darkStyle, stylesFolder: styles)
            settings.highlighter = Highlighter(catalog: catalog, lineNumbers: settings.lineNumbers)
            settings.styleSheet = StyleSheet.css(light: light, dark: dark)
        } catch {
            // A scheme that does not exist is named where it is written.
            var at = location
            if case .unknownStyle(let name, _) = error {
                at = (name == settings.style ? valueLocations["style"] : valueLocations["dark_style"]) ?? location
            }
            throw .malformed(at, error.description)
        }
        return settings
    }
}
