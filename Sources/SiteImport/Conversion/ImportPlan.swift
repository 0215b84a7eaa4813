import Foundation

/// Everything an import writes, worked out before anything is written: settings, converted
/// documents with their destinations and bodies, and the files to copy.
struct ImportPlan: Sendable {
    var settings: SiteSettings
    var documents: [ImportedDocument] = []
    var scan: ContentScan
    var placeholders: Set<String> = []

    init(_ generator: SourceGenerator, source: URL, report: inout ImportReport) throws(ImportError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.appendingPathComponent("content").path, isDirectory: &isFolder), isFolder.boolValue else {
            // The config is read first so a folder that is no site at all says so.
            switch generator {
            case .hugo: _ = try HugoConfig(root: source, report: &report)
            case .zola: _ = try ZolaConfig(root: source, report: &report)
            }
            throw .notASite(path: source.path, reason: "no content/ folder")
        }
        switch generator {
        case .hugo:
            let config = try HugoConfig(root: source, report: &report)
            settings = config.settings
            scan = try ContentScan(root: source)
            for document in scan.documents {
                let block = try FrontMatterBlock(try TextFile.read(source, document.file), file: document.file)
                let (matter, kind, url) = try HugoPage.convert(block, document: document, config: config, report: &report)
                documents.append(ImportedDocument(source: document, kind: kind, matter: matter, originalURL: url, body: block.body))
                bodyLines[document.file] = block.bodyFirstLine
            }
        case .zola:
            let config = try ZolaConfig(root: source, report: &report)
            settings = config.settings
            scan = try ContentScan(root: source)
            var postSections: Set<String> = ["posts", "blog"]
            for section in scan.sectionFiles {
                let parts = section.split(separator: "/")
                guard parts.count == 3 else { continue }
                let block = try FrontMatterBlock(try TextFile.read(source, section), file: section)
                if block.table["sort_by"]?.text == "date" { postSections.insert(String(parts[1])) }
            }
            for document in scan.documents {
                let block = try FrontMatterBlock(try TextFile.read(source, document.file), file: document.file)
                let (matter, kind, url) = try ZolaPage.convert(block, document: document, postSections: postSections, config: config, report: &report)
                documents.append(ImportedDocument(source: document, kind: kind, matter: matter, originalURL: url, body: block.body))
                bodyLines[document.file] = block.bodyFirstLine
            }
        }
        DestinationNames.assign(&documents)
        keepURLs(report: &report)
        convertBodies(generator, report: &report)
        reportLeftovers(generator, source: source, report: &report)
    }

    private var bodyLines: [String: Int] = [:]

    /// Sets `path` where blogctl's default URL for the new file differs from the old URL.
    private mutating func keepURLs(report: inout ImportReport) {
        for index in documents.indices {
            var document = documents[index]
            if let slug = document.matter.slug, Slug.blogctl(slug).isEmpty {
                document.matter.slug = nil
                report.add(SourceLocation(file: document.source.file, line: 1), "slug '\(slug)' has no letters or digits, which blogctl needs: dropped (path keeps the URL)")
            }
            let badAliases = document.matter.aliases.filter { BlogctlURLs.normalize($0) == nil }
            if !badAliases.isEmpty {
                document.matter.aliases.removeAll { badAliases.contains($0) }
                report.add(SourceLocation(file: document.source.file, line: 1),
                    "aliases \(badAliases.joined(separator: ", ")) dropped: an alias must be a site path (no ?, #, .. or scheme); redirect them on the server")
            }
            let blogctlURL = BlogctlURLs.defaultURL(kind: document.kind, destination: document.destination, slug: document.matter.slug)
            if blogctlURL != document.originalURL {
                document.matter.path = document.originalURL
                report.pathsKept += 1
            } else if let path = document.matter.path, BlogctlURLs.normalize(path) == blogctlURL {
                // `url`/`path` saying what blogctl does anyway: left out, so renaming the file moves the page as usual.
                document.matter.path = nil
            }
            documents[index] = document
        }
    }

    private mutating func convertBodies(_ generator: SourceGenerator, report: inout ImportReport) {
        let destinations = Dictionary(uniqueKeysWithValues: documents.map { ($0.source.file, $0.destination) })
        for index in documents.indices {
            var context = BodyContext(document: documents[index].source, firstLine: bodyLines[documents[index].source.file] ?? 1,
                destinations: destinations, destination: documents[index].destination)
            switch generator {
            case .hugo: documents[index].body = HugoShortcodes.convert(documents[index].body, context: &context)
            case .zola: documents[index].body = ZolaShortcodes.convert(documents[index].body, context: &context)
            }
            report.items += context.items
            placeholders.formUnion(context.placeholders)
        }
    }

    /// Section files, other content formats and theme folders: reported, not carried over.
    private func reportLeftovers(_ generator: SourceGenerator, source: URL, report: inout ImportReport) {
        for section in scan.sectionFiles {
            report.add(SourceLocation(file: section, line: 1), "section file not carried over: blogctl generates the home page, /posts/ and /tags/ (change them through templates/)")
        }
        for file in scan.otherFormats {
            report.add(SourceLocation(file: file), "not Markdown: not carried over; convert it to Markdown (.md) by hand")
        }
        let folders: [(String, String)] = generator == .hugo
            ? [("layouts", "custom layouts not carried over: blogctl's templates are Mustache; override the built-in theme in templates/ (docs/templates.md)"),
               ("themes", "themes not carried over: blogctl uses its built-in theme; override it in templates/ (docs/templates.md)"),
               ("assets", "assets (Hugo Pipes) not carried over: put finished CSS, JS and images in static/"),
               ("data", "data files not carried over: put values templates need under extra: in site.yml"),
               ("i18n", "translations not carried over: blogctl builds one language"),
               ("archetypes", "archetypes not carried over: blogctl new post writes the front matter")]
            : [("templates", "custom templates not carried over: blogctl's templates are Mustache; override the built-in theme in templates/ (docs/templates.md)"),
               ("themes", "themes not carried over: blogctl uses its built-in theme; override it in templates/ (docs/templates.md)"),
               ("sass", "Sass not carried over: compile it and put the CSS in static/")]
        for (folder, message) in folders where FileManager.default.fileExists(atPath: source.appendingPathComponent(folder).path) {
            report.add(SourceLocation(file: folder + "/"), message)
        }
    }
}
