import Synchronization
import TemplateEngine

/// The template data of each document that no page changes (title, dates, authors, counts,
/// description, extra, table of contents), made once per build: a post is listed on the home
/// page, the posts list and each of its tag pages, which add only their own relative URLs.
final class DocumentEntries: Sendable {
    private let defaultAuthors: DataValue
    private let parts = Mutex<[ObjectIdentifier: [String: DataValue]]>([:])

    init(defaultAuthor: String) {
        defaultAuthors = .array(defaultAuthor.isEmpty ? [] : [.string(defaultAuthor)])
    }

    /// The fields of `PageContext.document` that are the same on every page, made on first use.
    func fields(of document: Document) -> [String: DataValue] {
        let key = ObjectIdentifier(document)
        if let known = parts.withLock({ $0[key] }) { return known }
        var made = brief(document)
        made.reserveCapacity(18)
        made["description"] = .string(document.descriptionText)
        made["word_count"] = .int(document.wordCount)
        made["reading_minutes"] = .int(document.readingMinutes)
        made["extra"] = .map(document.frontMatter.extra)
        if let toc = document.tableOfContents { made["toc"] = .string(toc) }
        // Another worker may have made them meanwhile: both are equal, keep the first.
        return parts.withLock { table in
            if let known = table[key] { return known }
            table[key] = made
            return made
        }
    }

    /// The fields of `PageContext.brief` that are the same on every page. Not kept: each
    /// document's archive entry is made once.
    func brief(_ document: Document) -> [String: DataValue] {
        // Room for what each page adds (url, tags), so adding them does not grow and rehash the table.
        var brief = [String: DataValue](minimumCapacity: 10)
        brief["title"] = .string(document.title)
        brief["absolute_url"] = .string(document.absoluteURL)
        brief["authors"] = document.frontMatter.authors.map { .array($0.map { .string($0) }) } ?? defaultAuthors
        if let texts = document.dateTexts {
            brief["date"] = .string(texts.iso8601)
            brief["date_display"] = .string(texts.display)
            brief["year"] = .int(texts.year)
        }
        if let updated = document.updatedTexts {
            brief["updated"] = .string(updated.iso8601)
            brief["updated_display"] = .string(updated.display)
        }
        return brief
    }
}
