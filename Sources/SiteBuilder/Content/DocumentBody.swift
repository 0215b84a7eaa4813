import Markdown
import HTMLEscaping

/// A document's rendered Markdown as the site shows it: its site references made root-absolute
/// (`SiteURLs.contentNormalizer`), the summary and description worked out, and the places of its
/// same-page links found once.
struct DocumentBody: Sendable, Equatable {
    /// HTML with the site's own references in root-absolute form.
    var contentHTML: String
    /// The front matter `summary`, else the HTML before `<!--more-->`, else the first paragraph.
    var summaryHTML: String
    /// Plain text for meta descriptions.
    var descriptionText: String
    /// `<nav>` of the headings; nil below two headings.
    var tableOfContents: String?
    var wordCount: Int
    var readingMinutes: Int
    /// `SummaryLinks.fragmentOffsets(in:)` of `contentHTML` and `summaryHTML`: found when the
    /// source is parsed, not by scanning every cached page again on each build.
    var contentFragments: [Int]
    var summaryFragments: [Int]
    /// Tags of its raw HTML that the GFM tag filter escaped (`iframe`), for a warning.
    var escapedTags: [String] = []
    /// The `src` of each `<img>` in `contentHTML`, in order (`ImageSources`): found once, when
    /// the source is parsed, for the page's image facts and its `og:image`.
    var imageSources: [String]

    /// The body of `rendered` Markdown with front matter `matter`, its references normalised by `normalizer`.
    init(_ rendered: RenderedMarkdown, matter: FrontMatter, normalizer: URLRewriter) {
        let summaryHTML = matter.summary.map { "<p>" + HTMLEscaper.escape($0, .xml) + "</p>" } ?? normalizer.rewriteHTML(rendered.summary)
        self.init(contentHTML: normalizer.rewriteHTML(rendered.html), summaryHTML: summaryHTML,
            descriptionText: matter.description ?? matter.summary
                ?? HTMLText.plainText(rendered.summaryText.isEmpty ? summaryHTML : HTMLEscaper.escape(rendered.summaryText, .xml), limit: 200),
            tableOfContents: rendered.tableOfContents, wordCount: rendered.wordCount, readingMinutes: rendered.readingMinutes)
        escapedTags = rendered.escapedTags
    }

    /// A body whose same-page links are found here.
    init(contentHTML: String, summaryHTML: String, descriptionText: String, tableOfContents: String?, wordCount: Int,
        readingMinutes: Int)
    {
        self.init(contentHTML: contentHTML, summaryHTML: summaryHTML, descriptionText: descriptionText, tableOfContents: tableOfContents,
            wordCount: wordCount, readingMinutes: readingMinutes, contentFragments: SummaryLinks.fragmentOffsets(in: contentHTML),
            summaryFragments: SummaryLinks.fragmentOffsets(in: summaryHTML), imageSources: ImageSources.find(in: contentHTML))
    }

    /// A body with its same-page links already found.
    init(contentHTML: String, summaryHTML: String, descriptionText: String, tableOfContents: String?, wordCount: Int,
        readingMinutes: Int, contentFragments: [Int], summaryFragments: [Int], imageSources: [String])
    {
        self.contentHTML = contentHTML
        self.summaryHTML = summaryHTML
        self.descriptionText = descriptionText
        self.tableOfContents = tableOfContents
        self.wordCount = wordCount
        self.readingMinutes = readingMinutes
        self.contentFragments = contentFragments
        self.summaryFragments = summaryFragments
        self.imageSources = imageSources
    }

    func encode(into writer: inout CacheBytesWriter) {
        writer.string(contentHTML)
        writer.string(summaryHTML)
        writer.string(descriptionText)
        writer.optional(tableOfContents) { $0.string($1) }
        writer.int(wordCount)
        writer.int(readingMinutes)
        writer.ints(contentFragments)
        writer.ints(summaryFragments)
        writer.strings(escapedTags)
        writer.strings(imageSources)
    }

    /// Reads what `encode(into:)` wrote.
    init(from reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) {
        contentHTML = try reader.string()
        summaryHTML = try reader.string()
        descriptionText = try reader.string()
        tableOfContents = try reader.optional { (reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) in try reader.string() }
        wordCount = try reader.int()
        readingMinutes = try reader.int()
        contentFragments = try reader.offsets(below: contentHTML.utf8.count)
        summaryFragments = try reader.offsets(below: summaryHTML.utf8.count)
        escapedTags = try reader.strings()
        imageSources = try reader.strings()
    }
}
