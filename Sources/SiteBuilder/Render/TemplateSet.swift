import ContentAddressing
import BuiltinTheme
import Foundation
import Mustache
import TemplateEngine

/// The built-in theme with the site's `templates/` folder laid over it: parsed Mustache
/// templates checked for references to templates that do not exist, plus the theme's static files.
/// Pages render through the compiled engine; a set using a swift-mustache feature the engine
/// does not implement renders through swift-mustache, with the same output.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// nil when `fallbackReason` says why swift-mustache renders this set.
    let compiled: CompiledTemplates?
    let fallbackReason: TemplateCompileError?
    /// Template names (`home`, `partials/head`) -> the file to name in errors.
    let origins: [String: String]
    /// Theme static files: output path -> bytes (site `templates/static/**` included).
    let staticFiles: [String: Data]

    /// Templates every site build renders.
    static let required = ["home", "post", "page", "tags", "tag", "archive", "404", "alias"]

    /// Merges `themeFiles` with `siteFiles` (relative path -> bytes; the site's win).
    init(themeFiles: [String: Data], siteFiles: [String: (data: Data, displayPath: String)]) throws(SiteBuildError) {
        var files: [String: (data: Data, displayPath: String)] = [:]
        for (path, data) in themeFiles { files[path] = (data, "built-in theme \(path)") }
        for (path, entry) in siteFiles { files[path] = entry }

        var library = MustacheLibrary()
        var origins: [String: String] = [:]
        var texts: [(name: String, text: String)] = []
        var staticFiles: [String: Data] = [:]
        for path in files.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            let entry = files[path]!
            if path.hasPrefix("static/") {
                staticFiles[String(path.dropFirst("static/".count))] = entry.data
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            guard let text = String(data: entry.data, encoding: .utf8) else { throw .notUTF8(file: entry.displayPath) }
            do {
                // Parsed as written first, so errors give the author's line numbers.
                _ = try MustacheTemplate(string: text)
                _ = MustacheHTMLEscaping.registered
                library.register(try MustacheTemplate(string: MustacheHTMLEscaping.pragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw .templateSyntax(
                    SourceLocation(file: entry.displayPath, line: error.context.lineNumber, column: error.context.columnNumber),
                    "\(error.error)")
            } catch {
                throw .templateSyntax(SourceLocation(file: entry.displayPath, line: 1), "\(error)")
            }
            origins[name] = entry.displayPath
            texts.append((name, text))
        }
        for (name, text) in texts {
            for reference in Self.partialReferences(in: text) where origins[reference] == nil {
                throw .missingTemplate(name: reference, referencedBy: origins[name]!)
            }
        }
        if let cycle = PartialCycles.unconditionalCycle(in: Dictionary(uniqueKeysWithValues: texts)) {
            throw .templateSyntax(SourceLocation(file: origins[cycle[0]]!, line: 1),
                "template '\(cycle[0])' includes itself outside any section (\(cycle.joined(separator: " -> "))), so it would never finish")
        }
        for name in Self.required where origins[name] == nil {
            throw .missingTemplate(name: name, referencedBy: "site build (every site needs \(name).mustache)")
        }
        self.library = library
        self.origins = origins
        self.staticFiles = staticFiles
        do {
            compiled = try CompiledTemplates(
                templates: Dictionary(uniqueKeysWithValues: texts), htmlContentTypes: ["HTML", MustacheHTMLEscaping.name])
            fallbackReason = nil
        } catch {
            compiled = nil
            fallbackReason = error
        }
    }

    func has(_ name: String) -> Bool { origins[name] != nil }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: DataValue) throws(SiteBuildError) -> String {
        if let compiled {
            do {
                return try compiled.render(name, context) ?? ""
            } catch {
                throw .templateSyntax(SourceLocation(file: origins[error.template] ?? error.template, line: 1), error.description)
            }
        }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// Renders with swift-mustache whatever the set uses: the reference the engine is tested against.
    func referenceRender(_ name: String, _ context: DataValue) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Names used by `{{> name}}` and `{{< name}}` tags. swift-mustache renders a missing partial
    /// as nothing, so the builder checks them itself; honours `{{=<% %>=}}` delimiter changes.
    static func partialReferences(in text: String) -> [String] {
        var open: Substring = "{{"
        var close: Substring = "}}"
        var names: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: open) {
            let afterOpen = rest[start.upperBound...]
            guard let end = afterOpen.range(of: close) else { break }
            var tag = afterOpen[..<end.lowerBound]
            rest = afterOpen[end.upperBound...]
            // `{{{x}}}`: the third brace belongs to the tag.
            if tag.hasPrefix("{"), rest.hasPrefix("}") { rest = rest.dropFirst() }
            tag = tag.drop(while: { $0 == " " })
            guard let sigil = tag.first else { continue }
            if sigil == "=", tag.hasSuffix("=") {
                let parts = tag.dropFirst().dropLast().split(separator: " ", omittingEmptySubsequences: true)
                if parts.count == 2 {
                    open = parts[0]
                    close = parts[1]
                }
                continue
            }
            guard sigil == ">" || sigil == "<" else { continue }
            let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
            // `{{> *dynamic}}` names its partial at render time.
            if name.isEmpty || name.hasPrefix("*") { continue }
            names.append(name)
        }
        return names
    }
}
