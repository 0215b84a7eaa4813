import Foundation

/// `_redirects` (the IPFS gateways' web redirects file): a `301` for every alias (folder aliases
/// with and without their trailing slash), sorted, then the catch-all 404.
struct RedirectsFile: OutputKind {
    /// Alias site path, and the path of the document it leads to.
    let aliases: [Redirect]

    struct Redirect: Encodable, Equatable, Sendable {
        let from: String
        let to: String
    }

    var file: String { SiteURLs.outputFile(for: SiteURLs.redirects) }
    var owner: String { "generated redirects file" }

    func render(in site: SiteContext) -> OutputContent {
        var lines: [String] = []
        for alias in aliases {
            lines.append("\(alias.from) \(alias.to) 301")
            // Folder aliases are requested with and without their trailing slash.
            if alias.from.count > 1, alias.from.hasSuffix("/") { lines.append("\(alias.from.dropLast()) \(alias.to) 301") }
        }
        lines.sort { $0.precedesInUTF8($1) }
        lines.append("/* \(SiteURLs.notFound) 404")
        return .bytes(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
