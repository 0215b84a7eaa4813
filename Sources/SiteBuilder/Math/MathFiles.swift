import Foundation

/// What a site with `math: true` gets: KaTeX's script, style sheet and fonts under `katex/`, and
/// the few lines that hand each `<span class="math …">` to KaTeX.
enum MathFiles {
    /// Site paths of the files a page with math loads.
    static let stylesheet = "/katex/katex.min.css"
    static let script = "/katex/katex.min.js"
    static let renderScript = "/katex/render-math.js"

    /// Runs after katex.min.js (both `defer`); a formula KaTeX cannot parse shows its TeX in red
    /// instead of stopping the others.
    static let renderScriptText = """
        // blogctl: renders the TeX of every <span class="math math-inline|math-display"> with KaTeX.
        document.querySelectorAll("span.math").forEach(function (element) {
          katex.render(element.textContent, element, {
            displayMode: element.classList.contains("math-display"),
            throwOnError: false
          });
        });

        """

    /// The output files of `katex`.
    static func outputs(_ katex: KaTeXDistribution) -> [any OutputKind] {
        var files: [any OutputKind] = [
            StaticFile(file: SiteURLs.outputFile(for: script), owner: "KaTeX (math: true)", source: .site(katex.folder + "/katex.min.js")),
            GeneratedFile(file: SiteURLs.outputFile(for: stylesheet), owner: "KaTeX (math: true)", bytes: Data(katex.stylesheet.utf8)),
            GeneratedFile(file: SiteURLs.outputFile(for: renderScript), owner: "KaTeX (math: true)", bytes: Data(renderScriptText.utf8)),
        ]
        for font in katex.fonts {
            files.append(StaticFile(file: "katex/fonts/" + font, owner: "KaTeX (math: true)", source: .site(katex.folder + "/fonts/" + font)))
        }
        return files
    }
}
