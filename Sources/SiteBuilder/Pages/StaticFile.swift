import Foundation

/// Where a static file's bytes come from.
enum StaticSource: Encodable, Equatable, Sendable {
    /// A file of the site folder (static/, a bundle's asset): its absolute path, and its identity
    /// when the build was planned, so a file changed in place is a changed input.
    case site(path: String, identity: FileIdentity?)
    /// A file of the built-in theme (`templates/static/` of the theme), embedded in blogctl.
    case theme(Data)

    /// The source of the site file at absolute `path`.
    static func site(_ path: String) -> StaticSource { .site(path: path, identity: FileIdentity(following: path)) }
}

/// A file copied into the output as it is: static/ files, the theme's, a bundle's assets.
/// Copies are never read whole: the writer and the packer stream them from their source.
struct StaticFile: OutputKind {
    let file: String
    let owner: String
    let source: StaticSource

    var usesSite: Bool { false }

    func render(in site: SiteContext) -> OutputContent {
        switch source {
        case .site(let path, _): .copy(of: path)
        case .theme(let data): .bytes(data)
        }
    }
}

/// A stylesheet, whose references to the site's own files get the same page-relative treatment as HTML.
struct Stylesheet: OutputKind {
    let file: String
    let owner: String
    let source: StaticSource

    func render(in site: SiteContext) throws(SiteBuildError) -> OutputContent {
        let data: Data
        switch source {
        case .theme(let bytes): data = bytes
        case .site(let path, _):
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .io(path: owner, "cannot read: \(fileErrorReason(error, path: owner))")
            }
        }
        let rewriter = site.urls.pageRelativeRewriter(for: "/" + file)
        if let css = String(data: data, encoding: .utf8) { return .bytes(Data(rewriter.rewriteCSS(css).utf8)) }
        // An older stylesheet in Latin-1 (a `©` in a comment): read byte for byte, its URLs
        // (ASCII) rewritten, every other byte written back as it was.
        if let css = String(data: data, encoding: .isoLatin1), let rewritten = rewriter.rewriteCSS(css).data(using: .isoLatin1) {
            return .bytes(rewritten)
        }
        throw .notUTF8(file: owner)
    }
}
