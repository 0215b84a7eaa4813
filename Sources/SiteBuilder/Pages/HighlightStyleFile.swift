import Foundation

/// css/highlight.css: the colours of highlighted code, from the Chroma schemes `highlight` names.
struct HighlightStyleFile: OutputKind {
    let css: String

    var file: String { SiteURLs.outputFile(for: SiteURLs.highlightStylesheet) }
    var owner: String { "generated highlight style sheet" }
    var usesSite: Bool { false }

    func render(in site: SiteContext) -> OutputContent { .bytes(Data(css.utf8)) }
}
