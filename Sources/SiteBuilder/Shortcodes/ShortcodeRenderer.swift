import Foundation
import Markdown
import TemplateEngine

/// Turns a document's shortcodes into what replaces them: `templates/shortcodes/NAME.mustache`
/// filled with the arguments (a site's own template wins over the theme's; a built-in's
/// arguments are checked and its data made whoever's template renders it), or, for `ref`, the
/// source path it links to (made a page URL with the other links to `.md` files, `SourceLinks`).
struct ShortcodeRenderer: Sendable {
    let templates: TemplateSet
    /// Renders a paired shortcode's inner text as Markdown (`inner_html`).
    let renderInner: @Sendable (String) -> String

    /// The output of `shortcode`, written in `file` whose Markdown starts after `lineOffset` lines.
    func output(for shortcode: Shortcode, file: String, lineOffset: Int) throws(SiteBuildError) -> ShortcodeOutput {
        let location = SourceLocation(file: file, line: shortcode.line + lineOffset, column: shortcode.column)
        let template = "shortcodes/" + shortcode.name
        let builtin = BuiltinShortcode(rawValue: shortcode.name)
        if builtin == .ref || builtin == .relref, !templates.has(template) {
            let arguments = ShortcodeArguments(name: shortcode.name, positional: shortcode.positional, named: shortcode.named, positionalNames: ["path"])
            do throws(BuiltinShortcode.BadArguments) {
                try arguments.allow(named: ["path"], positional: ["path"])
                let path = try arguments.required("path", example: "[an earlier post]({{< ref \"2024-01-01-hello.md\" >}})")
                guard path.hasSuffix(".md") || path.contains(".md#") else {
                    throw BuiltinShortcode.BadArguments(reason: "ref '\(path)' must name a Markdown source file (….md)")
                }
                // `/posts/x.md` starts at content/; any other path at the document's own folder.
                return .markdown((path.hasPrefix("/") ? "/content" + path : path).replacing(" ", with: "%20"))
            } catch {
                throw .malformed(location, error.reason)
            }
        }
        guard templates.has(template) else {
            let builtins = BuiltinShortcode.allCases.map(\.rawValue).joined(separator: ", ")
            throw .malformed(location, "unknown shortcode '\(shortcode.name)': add templates/shortcodes/\(shortcode.name).mustache, or use a built-in one (\(builtins))")
        }
        var context: [String: DataValue]
        if let builtin {
            let positionalNames: [String] = switch builtin {
            case .youtube, .vimeo: ["id"]
            case .gist: ["user", "id", "file"]
            default: []
            }
            do {
                context = try builtin.context(ShortcodeArguments(name: shortcode.name, positional: shortcode.positional,
                    named: shortcode.named, positionalNames: positionalNames))
            } catch {
                throw .malformed(location, error.reason)
            }
        } else {
            context = shortcode.named.mapValues { .string($0) }
            context["positional"] = .array(shortcode.positional.map { .string($0) })
            for (index, value) in shortcode.positional.enumerated() { context["arg\(index)"] = .string(value) }
        }
        if let inner = shortcode.inner {
            context["inner"] = .string(inner)
            context["inner_html"] = .string(renderInner(inner))
        }
        return .html(try templates.render(template, .map(context)).trimmingCharacters(in: .newlines))
    }
}
