import Foundation

/// The KaTeX files a site with math ships under `katex/`: Debian's libjs-katex by default, or
/// the `dist` folder `BLOGCTL_KATEX` names. Only the WOFF2 fonts go: every browser KaTeX
/// supports reads them, and they are a third of the three formats' bytes.
struct KaTeXDistribution: Sendable, Equatable {
    /// Where Debian's libjs-katex puts KaTeX.
    static let debianFolder = "/usr/share/javascript/katex"

    let folder: String
    /// Font file names (`KaTeX_Main-Regular.woff2`), sorted.
    let fonts: [String]
    /// katex.min.css with its references to the fonts left out.
    let stylesheet: String

    /// Why KaTeX cannot be used, in words that say how to get it.
    struct Missing: Error, CustomStringConvertible {
        let folder: String
        let what: String
        var description: String {
            "math: true needs KaTeX, but \(folder) has no \(what): install Debian's libjs-katex (apt-get install libjs-katex) or set BLOGCTL_KATEX to a KaTeX dist folder"
        }
    }

    /// The distribution in `BLOGCTL_KATEX` or Debian's folder.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Missing) -> KaTeXDistribution {
        let folder = environment["BLOGCTL_KATEX"].flatMap { $0.isEmpty ? nil : $0 } ?? debianFolder
        guard FileManager.default.isReadableFile(atPath: folder + "/katex.min.js") else { throw Missing(folder: folder, what: "katex.min.js") }
        guard let css = try? String(contentsOfFile: folder + "/katex.min.css", encoding: .utf8) else { throw Missing(folder: folder, what: "katex.min.css") }
        let fonts = ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/fonts")) ?? []).filter { $0.hasSuffix(".woff2") }.sorted()
        guard !fonts.isEmpty else { throw Missing(folder: folder, what: "fonts/*.woff2") }
        return KaTeXDistribution(folder: folder, fonts: fonts, stylesheet: woff2Only(css))
    }

    /// `css` with every `,url(….woff) format('woff')` and `,url(….ttf) format('truetype')` taken out.
    static func woff2Only(_ css: String) -> String {
        css.replacing(/,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(['"]?(?:woff|truetype)['"]?\)/, with: "")
    }
}
