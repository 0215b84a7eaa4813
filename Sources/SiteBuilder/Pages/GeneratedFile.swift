import Foundation

/// A file whose bytes the build makes from settings alone (css/highlight.css from the Chroma
/// schemes `highlight` names; KaTeX's trimmed style sheet), the same on every page.
struct GeneratedFile: OutputKind {
    let file: String
    let owner: String
    let bytes: Data

    var usesSite: Bool { false }

    func render(in site: SiteContext) -> OutputContent { .bytes(bytes) }
}
