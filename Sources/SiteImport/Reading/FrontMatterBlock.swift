/// A Markdown file split into its front matter and its body, the body kept byte for byte.
struct FrontMatterBlock: Sendable {
    enum Syntax: Sendable { case yaml, toml }

    var syntax: Syntax
    var table: ImportTable
    /// Everything after the closing fence line, untouched.
    var body: String
    /// The file line the body starts on, so shortcodes are reported at their line in the source.
    var bodyFirstLine: Int

    /// Splits and parses `text`; `file` names it in errors.
    init(_ text: String, file: String) throws(ImportError) {
        var rest = Substring(text)
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        // Lines are cut at "\n" bytes: as Characters "\r\n" is one grapheme, and a search for
        // "\n" would miss every CRLF line end. Each line keeps its "\r" (dropped for comparing).
        var lines: [Substring] = []
        var start = rest.utf8.startIndex
        while start < rest.utf8.endIndex {
            let end = rest.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? rest.utf8.endIndex
            lines.append(rest[start..<end])
            start = end == rest.utf8.endIndex ? end : rest.utf8.index(after: end)
        }
        func bare(_ line: Substring) -> Substring { line.utf8.last == UInt8(ascii: "\r") ? Substring(line.utf8.dropLast()) : line }
        guard let first = lines.first else {
            throw .invalid(location: SourceLocation(file: file, line: 1, column: 1), reason: "empty file: no front matter")
        }
        let fence: String
        switch bare(first) {
        case "---": syntax = .yaml; fence = "---"
        case "+++": syntax = .toml; fence = "+++"
        case "{":
            throw .invalid(location: SourceLocation(file: file, line: 1, column: 1),
                reason: "JSON front matter is not supported: rewrite it as YAML (---) or TOML (+++)")
        default:
            throw .invalid(location: SourceLocation(file: file, line: 1, column: 1),
                reason: "no front matter: the file must start with a --- (YAML) or +++ (TOML) line")
        }
        guard let closing = lines.indices.dropFirst().first(where: { bare(lines[$0]) == fence || (fence == "---" && bare(lines[$0]) == "...") }) else {
            throw .invalid(location: SourceLocation(file: file, line: 1, column: 1), reason: "front matter opened with \(fence) is never closed")
        }
        let matter = lines[1..<closing].map { String(bare($0)) }.joined(separator: "\n")
        // The body is the original text from the line after the closing fence, byte for byte.
        let closingLine = lines[closing]
        let afterClosing = closingLine.utf8.endIndex < rest.utf8.endIndex ? rest.utf8.index(after: closingLine.utf8.endIndex) : rest.utf8.endIndex
        body = String(rest[afterClosing...])
        bodyFirstLine = closing + 2
        table = syntax == .yaml
            ? try YAMLReader.table(matter, file: file, firstLine: 2)
            : try TOMLReader.table(matter, file: file, firstLine: 2)
    }
}
