import ContentAddressing
import BuiltinTheme
import Foundation
import Mustache
import TemplateEngine

/// The built-in theme with the site's `templates/` folder laid over it: parsed Mustache
/// templates checked for references to templates that do not exist, plus the theme's static files.
/// Each template is parsed once, by the compiled engine, which reports authors' syntax errors
/// and renders the pages; a set using a swift-mustache feature the engine does not implement is
/// parsed by swift-mustache instead and renders through it, with the same output.
struct TemplateSet: Sendable {
    /// nil when `fallbackReason` says why swift-mustache renders this set.
    let compiled: CompiledTemplates?
    let fallbackReason: TemplateCompileError?
    /// swift-mustache's parse of the set, when it renders the set.
    private let library: MustacheLibrary?
    /// Template names (`home`, `partials/head`) -> the file to name in errors.
    let origins: [String: String]
    /// Template names -> their text.
    private let texts: [String: String]
    /// Theme static files: output path -> bytes (site `templates/static/**` included).
    let staticFiles: [String: Data]
    /// Template name -> the names it and what it includes can look up; empty when swift-mustache renders the set.
    private let usedNames: [String: Set<String>]

    private static let themeOrigin = "built-in theme "

    /// Templates every site build renders.
    static let required = ["home", "post", "page", "tags", "tag", "archive", "404", "alias"]

    /// Merges `themeFiles` with `siteFiles` (relative path -> bytes; the site's win).
    init(themeFiles: [String: Data], siteFiles: [String: (data: Data, displayPath: String)]) throws(SiteBuildError) {
        var files: [String: (data: Data, displayPath: String)] = [:]
        for (path, data) in themeFiles { files[path] = (data, Self.themeOrigin + path) }
        for (path, entry) in siteFiles { files[path] = entry }

        var origins: [String: String] = [:]
        var texts: [String: String] = [:]
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
            origins[name] = entry.displayPath
            texts[name] = text
        }
        var compiled: CompiledTemplates?
        var fallbackReason: TemplateCompileError?
        do {
            compiled = try CompiledTemplates(templates: texts, htmlContentTypes: ["HTML", MustacheHTMLEscaping.name])
        } catch .syntax(let template, let line, let column, let reason) {
            throw .templateSyntax(SourceLocation(file: origins[template]!, line: line, column: column), reason)
        } catch {
            fallbackReason = error
        }
        for name in texts.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            for reference in Self.partialReferences(in: texts[name]!) where origins[reference] == nil {
                throw .missingTemplate(name: reference, referencedBy: origins[name]!)
            }
        }
        if let cycle = PartialCycles.unconditionalCycle(in: texts) {
            throw .templateSyntax(SourceLocation(file: origins[cycle[0]]!, line: 1),
                "template '\(cycle[0])' includes itself outside any section (\(cycle.joined(separator: " -> "))), so it would never finish")
        }
        for name in Self.required where origins[name] == nil {
            throw .missingTemplate(name: name, referencedBy: "site build (every site needs \(name).mustache)")
        }
        self.compiled = compiled
        self.fallbackReason = fallbackReason
        library = compiled == nil ? try Self.library(texts, origins: origins) : nil
        var usedNames: [String: Set<String>] = [:]
        if let compiled { for name in texts.keys { usedNames[name] = compiled.names(usedBy: name) } }
        self.usedNames = usedNames
        self.origins = origins
        self.texts = texts
        self.staticFiles = staticFiles
    }

    /// swift-mustache's parser errors in words (its own are case names such as `unfinishedName`).
    static func words(for error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a closing tag does not match the section open here; close the inner section first"
        case .unfinishedName: "a tag is not finished: expected '}}' after a name of letters, digits and '._-'"
        case .expectedSectionEnd: "a section is never closed (a '{{/name}}' is missing)"
        case .invalidSetDelimiter: "a '{{=<% %>=}}' delimiter change is malformed"
        case .transformAppliedToInheritanceSection: "a transform cannot apply to '{{<parent}}'"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection: "only '{{$block}}' definitions may stand inside '{{<parent}}'"
        case .invalidConfigVariableSyntax: "a '{{% NAME: value }}' pragma is malformed"
        case .unrecognisedConfigVariable: "unknown '{{% … }}' pragma (blogctl knows CONTENT_TYPE)"
        }
    }

    /// swift-mustache's parse of `texts`, with blogctl's HTML escaping.
    private static func library(_ texts: [String: String], origins: [String: String]) throws(SiteBuildError) -> MustacheLibrary {
        _ = MustacheHTMLEscaping.registered
        var library = MustacheLibrary()
        for name in texts.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            do {
                library.register(try MustacheTemplate(string: MustacheHTMLEscaping.pragma + texts[name]!), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma is one line above the author's first.
                throw .templateSyntax(SourceLocation(file: origins[name]!, line: max(1, error.context.lineNumber - 1),
                    column: error.context.columnNumber), Self.words(for: error.error))
            } catch {
                throw .templateSyntax(SourceLocation(file: origins[name]!, line: 1), "\(error)")
            }
        }
        return library
    }

    func has(_ name: String) -> Bool { origins[name] != nil }

    /// The site's templates that no page renders, directly or as a partial or parent of one that
    /// is rendered from `roots` (besides the built-in pages and shortcodes): name and file.
    func unusedSiteTemplates(roots: Set<String>) -> [(name: String, file: String)] {
        var reached: Set<String> = []
        var queue = Array(roots.union(Self.rendered).union(texts.keys.filter { $0.hasPrefix("shortcodes/") }))
        while let name = queue.popLast() {
            guard reached.insert(name).inserted, let text = texts[name] else { continue }
            queue += Self.partialReferences(in: text)
        }
        return texts.keys.filter { !reached.contains($0) && !isBuiltIn($0) }.sorted { $0.precedesInUTF8($1) }.map { ($0, origins[$0]!) }
    }

    /// Every template a build renders whatever the content: the required pages and the list of posts.
    static let rendered = Set(required + ["posts"])

    /// Whether the template `name` is the built-in theme's, not the site's.
    func isBuiltIn(_ name: String) -> Bool { origins[name]?.hasPrefix(Self.themeOrigin) == true }

    /// The key of the shortcode templates' names and texts: what parsed documents depend on.
    var shortcodesKey: ContentKey {
        let names = texts.keys.filter { $0.hasPrefix("shortcodes/") }.sorted(by: { $0.precedesInUTF8($1) })
        return ContentKey("shortcode templates", names.flatMap { [$0, texts[$0]!] })
    }

    /// Whether the template `name` can look up a value under `key` anywhere in its context, so a
    /// page may leave out a costly value no template of its reads (true when unsure).
    func uses(_ key: String, in name: String) -> Bool {
        usedNames[name]?.contains(key) ?? true
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: DataValue) throws(SiteBuildError) -> String {
        String(decoding: try renderUTF8(name, context), as: UTF8.self)
    }

    /// `render(_:_:)` as UTF-8 bytes: a page's HTML goes on as bytes.
    func renderUTF8(_ name: String, _ context: DataValue) throws(SiteBuildError) -> [UInt8] {
        if let compiled {
            do {
                return try compiled.renderUTF8(name, context) ?? []
            } catch {
                throw .templateSyntax(SourceLocation(file: origins[error.template] ?? error.template, line: 1), error.description)
            }
        }
        return Array((library!.render(context, withTemplate: name) ?? "").utf8)
    }

    /// Renders with swift-mustache whatever the set uses: the reference the engine is tested against.
    func referenceRender(_ name: String, _ context: DataValue) throws -> String {
        try (library ?? Self.library(texts, origins: origins)).render(context, withTemplate: name) ?? ""
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
