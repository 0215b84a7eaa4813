/// The URL Hugo gives a page: `url` as written, else its section's permalink pattern, else
/// `/SECTIONS/SLUG-OR-NAME/`.
enum HugoPermalink {
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    /// What a pattern's tokens are made from.
    struct Page: Sendable {
        var title: String
        var slug: String?
        var date: String?
        var sections: [String]
        var baseName: String
    }

    /// Expands `pattern`; nil (with the token) when it uses a token this import does not know.
    static func expand(_ pattern: String, page: Page, lowercase: Bool) -> (url: String?, unknownToken: String?) {
        let date = page.date ?? "0001-01-01"
        let year = String(date.prefix(4))
        let month = String(date.dropFirst(5).prefix(2))
        let day = String(date.dropFirst(8).prefix(2))
        func urlize(_ text: String) -> String { Slug.hugo(text, lowercase: lowercase) }
        var result = ""
        var index = pattern.startIndex
        while index < pattern.endIndex {
            guard pattern[index] == ":" else { result.append(pattern[index]); index = pattern.index(after: index); continue }
            var end = pattern.index(after: index)
            while end < pattern.endIndex, pattern[end].isLetter || pattern[end].isNumber { end = pattern.index(after: end) }
            let token = String(pattern[pattern.index(after: index)..<end])
            let value: String
            switch token {
            case "year": value = year
            case "month": value = month
            case "monthname": value = Int(month).map { monthNames[max(0, min(11, $0 - 1))] } ?? month
            case "day": value = day
            case "section": value = urlize(page.sections.first ?? "")
            case "sections": value = page.sections.map(urlize).joined(separator: "/")
            case "title": value = urlize(page.title)
            case "slug": value = urlize(page.slug ?? page.title)
            case "filename", "contentbasename": value = urlize(page.baseName)
            case "slugorfilename", "slugorcontentbasename": value = urlize(page.slug ?? page.baseName)
            default: return (nil, ":" + token)
            }
            result += value
            index = end
        }
        return (BlogctlURLs.normalize(result), nil)
    }

    /// The URL without a permalink pattern: section folders, then the slug or file name.
    static func defaultURL(page: Page, lowercase: Bool) -> String {
        // A slug with nothing URL-worthy (`!!!`) leaves the file name, rather than the section's own URL.
        let slug = page.slug.flatMap { Slug.hugo($0).isEmpty ? nil : $0 }
        let segments = page.sections + [slug ?? page.baseName]
        let path = "/" + segments.map { Slug.hugo($0, lowercase: lowercase) }.joined(separator: "/") + "/"
        return BlogctlURLs.normalize(path) ?? path
    }
}
