import Foundation

/// One of Chroma's colour schemes (`styles/github.xml`): how each token type looks.
public struct ColourScheme: Sendable {
    /// How one token type looks; nil fields are left to more general types.
    struct Look: Sendable, Equatable {
        var colour: String?
        var background: String?
        var bold: Bool?
        var italic: Bool?
        var underline: Bool?
        var noInherit = false

        init(_ text: String) {
            for part in text.split(separator: " ") {
                switch part {
                case "bold": bold = true
                case "nobold": bold = false
                case "italic": italic = true
                case "noitalic": italic = false
                case "underline": underline = true
                case "nounderline": underline = false
                case "noinherit": noInherit = true
                default:
                    if part.hasPrefix("bg:#") { background = String(part.dropFirst(3)) }
                    else if part.hasPrefix("#") { colour = String(part) }
                }
            }
        }

        /// Fields this look leaves open, taken from `ancestor` (Chroma's `StyleEntry.Inherit`).
        func inheriting(_ ancestor: Look) -> Look {
            var out = self
            out.colour = colour ?? ancestor.colour
            out.background = background ?? ancestor.background
            out.bold = bold ?? ancestor.bold
            out.italic = italic ?? ancestor.italic
            out.underline = underline ?? ancestor.underline
            return out
        }
    }

    /// The scheme's name (`github`).
    public let name: String
    private let looks: [String: Look]

    /// Reads `NAME.xml` from Chroma's `styles` folder.
    public static func load(named name: String, stylesFolder: String) throws(HighlightError) -> ColourScheme {
        let path = stylesFolder + "/" + name + ".xml"
        guard !name.contains("/"), let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: stylesFolder)) ?? [])
                .filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted()
            throw .unknownStyle(name, known: known)
        }
        var looks: [String: Look] = [:]
        for match in text.matches(of: #/<entry type="(\w+)" style="([^"]*)"/>/#) {
            looks[String(match.output.1)] = Look(String(match.output.2))
        }
        return ColourScheme(name: name, looks: looks)
    }

    /// The full look of `type`: its own entry, then its parents', `Text`'s and `Background`'s.
    func look(of type: TokenType) -> Look {
        var out = looks[type.name] ?? Look("")
        var ancestors: [Look] = []
        var parent = type.parent
        while let next = parent {
            ancestors.append(looks[next.name] ?? Look(""))
            parent = next.parent
        }
        ancestors.append(looks["Text"] ?? Look(""))
        ancestors.append(looks["Background"] ?? Look(""))
        for ancestor in ancestors where !out.noInherit { out = out.inheriting(ancestor) }
        return out
    }

    /// The scheme's own entry for a name outside the token types (`LineHighlight`).
    func entry(named name: String) -> Look? { looks[name] }

    /// The background look (`Background`: the code block's colours).
    var background: Look { looks["Background"] ?? Look("") }
}
