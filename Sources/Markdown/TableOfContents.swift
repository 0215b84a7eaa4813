import HTMLEscaping
/// Builds the nested table-of-contents HTML from a document's headings.
enum TableOfContents {
    /// `<nav class="toc"><ol>…</ol></nav>`; a deeper heading opens a nested list under the
    /// previous entry (skipped levels nest only once), a shallower one closes lists back to its level.
    static func html(for headings: [Heading]) -> String? {
        guard headings.count >= 2 else { return nil }
        var out = "<nav class=\"toc\"><ol>"
        var levels: [Int] = []
        for heading in headings {
            if let top = levels.last {
                if heading.level > top {
                    out += "<ol>"
                    levels.append(heading.level)
                } else {
                    while levels.count > 1, heading.level < levels[levels.count - 1] {
                        // Closing to a level between two open ones lands on the outer one.
                        if heading.level > levels[levels.count - 2] { break }
                        out += "</li></ol>"
                        levels.removeLast()
                    }
                    out += "</li>"
                }
            } else {
                levels.append(heading.level)
            }
            out += "<li><a href=\"#\(heading.id)\">\(HTMLEscaper.escape(heading.text, .cmark))</a>"
        }
        for _ in levels { out += "</li></ol>" }
        return out + "</nav>"
    }
}
