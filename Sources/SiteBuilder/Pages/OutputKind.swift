import Foundation
import TemplateEngine

/// One kind of file the build makes (Zola's `Renderable`): a post, a list page, a feed, a copied
/// static file. A value's stored properties are the inputs of its file, and `render` sees nothing
/// else but the site context: the key a rebuild compares (`OutputKey`) is the hash of all those
/// properties through `Encodable`, so a file is made again whenever anything it shows changed,
/// and a field added to a kind is in its key without anyone remembering to put it there.
/// Adding an output kind is adding one such type and listing it in `OutputPlan`.
protocol OutputKind: Encodable, Equatable, Sendable {
    /// The output file, relative to the output folder (`posts/hello/index.html`).
    var file: String { get }
    /// Who asks for the file (a source file, "generated RSS feed"), named in conflict errors.
    var owner: String { get }
    /// Whether the file depends on the site context (settings, templates, menu); a copied file
    /// does not, so editing `site.yml` does not copy every image again.
    var usesSite: Bool { get }
    /// Makes the file's content.
    func render(in site: SiteContext) throws(SiteBuildError) -> OutputContent
}

extension OutputKind {
    var usesSite: Bool { true }

    /// Whether `other` is this kind with equal inputs: then their keys are equal too, without hashing.
    func hasInputs(of other: any OutputKind) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }
}

/// An HTML page: its template filled with `context`, every site link in it made page-relative.
protocol HTMLPage: OutputKind {
    /// The site path it is served at (`/posts/hello/`).
    var path: String { get }
    var template: String { get }
    /// Its `<url>` line in sitemap.xml; nil for pages left out (404, aliases).
    func sitemapEntry(in site: SiteContext) -> String?
    /// The data its template receives (docs/templates.md).
    func context(in site: SiteContext) -> DataValue
    /// The site's own images it shows, which its last pass gives sizes and lazy loading.
    var images: PageImages { get }
}

extension HTMLPage {
    var file: String { SiteURLs.outputFile(for: path) }
    var images: PageImages { .none }

    func render(in site: SiteContext) throws(SiteBuildError) -> OutputContent {
        let html = try site.templates.renderUTF8(template, context(in: site))
        var rewriter = site.urls.outputRewriter(for: path)
        if path != SiteURLs.notFound { rewriter.imageEditor = images.editor(for: path, urls: site.urls) }
        return .bytes(rewriter.rewriteHTMLData(html))
    }

    /// A listed page's sitemap line: its absolute URL, without a date.
    func listedEntry(in site: SiteContext) -> String {
        SitemapFile.entry(absoluteURL: site.urls.absolute(path), lastModified: nil)
    }
}
