import Foundation

/// What a fence's info string asks for, in Hugo's syntax: ` ```rust {linenos=true, hl_lines=[2, "4-6"], linenostart=10} `.
public struct FenceAttributes: Sendable, Equatable {
    /// The language: the first word of the info string (`rust`), empty when there is none.
    public var language = ""
    /// Line numbers on or off; nil leaves it to the site's setting.
    public var lineNumbers: Bool?
    /// The number of the first line.
    public var firstLine = 1
    /// Lines to mark, counted from 1 whatever `firstLine` is (as Hugo counts them).
    public var highlightedLines: Set<Int> = []

    /// Reads an info string; unknown keys are left for other tools, as Hugo leaves them.
    public init(info: String) {
        let trimmed = info.drop(while: { $0 == " " })
        let word = trimmed.prefix(while: { $0 != " " && $0 != "{" })
        language = String(word)
        guard let open = trimmed.firstIndex(of: "{"), let close = trimmed.lastIndex(of: "}"), open < close else { return }
        let body = trimmed[trimmed.index(after: open)..<close]
        for (key, value) in Self.pairs(body) {
            switch key {
            case "linenos":
                lineNumbers = !(value == "false" || value == "none" || value.isEmpty)
            case "linenostart":
                if let number = Int(value), number >= 0 { firstLine = number }
            case "hl_lines":
                highlightedLines = Self.lines(value)
            default:
                break
            }
        }
    }

    /// `key=value` pairs separated by commas or spaces; a `[...]` value keeps its commas.
    private static func pairs(_ body: Substring) -> [(String, String)] {
        var out: [(String, String)] = []
        var current = "", depth = 0
        func finish() {
            let parts = current.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { out.append((parts[0], parts[1].trimmingQuotes)) }
            current = ""
        }
        for character in body {
            switch character {
            case "[": depth += 1; current.append(character)
            case "]": depth -= 1; current.append(character)
            case "," where depth == 0, " " where depth == 0:
                if !current.isEmpty, !current.hasSuffix("=") { finish() }
            default: current.append(character)
            }
        }
        finish()
        return out
    }

    /// `[2, "4-6"]` or `2 4-6` -> {2, 4, 5, 6}; at most 10,000 lines, whatever the ranges say.
    private static func lines(_ value: String) -> Set<Int> {
        var out: Set<Int> = []
        let parts = value.split(whereSeparator: { " ,[]\"'".contains($0) })
        for part in parts {
            let bounds = part.split(separator: "-", maxSplits: 1).compactMap { Int($0) }
            guard let low = bounds.first else { continue }
            let high = bounds.count == 2 ? bounds[1] : low
            guard low <= high else { continue }
            for line in low...min(high, low + 10_000) { out.insert(line) }
        }
        return out
    }
}

private extension String {
    var trimmingQuotes: String {
        count >= 2 && (hasPrefix("\"") && hasSuffix("\"") || hasPrefix("'") && hasSuffix("'")) ? String(dropFirst().dropLast()) : self
    }
}
