import BuiltinTheme
import Foundation

/// A site build that stays alive between builds (for a preview server): it caches every parsed
/// document by source path and content, and every rendered page by what it depends on, so
/// `rebuild(changedPaths:)` after a one-post edit re-renders only the pages that show that post.
/// Output is the same as a fresh build's, byte for byte.
public actor SiteBuildSession {
    public let siteDirectory: URL
    public let options: BuildOptions
    private let displayRoot: String
    private let themeFiles: [String: Data]

    private var inventory = SiteInventory()
    private var config: SiteConfig?
    private var configText: String?
    private var documents: [String: (source: Data, document: Document)] = [:]
    /// Document paths sorted by bytes; nil after a document was added or removed.
    private var documentOrder: [String]?
    private var templates: TemplateSet?
    private var templateSources: [String: Data] = [:]
    private var templatesRevision = 0
    private var siteWide: SiteWideInputs?
    private var siteRevision = 0
    private var nextDocumentRevision = 0
    private var renderedPages: [String: (key: PageKey, bytes: Data)] = [:]
    private var previousOutput = SiteOutput()
    /// `BLOGCTL_TRACE=1` prints the time of each build phase to stderr.
    static let tracing = ProcessInfo.processInfo.environment["BLOGCTL_TRACE"] != nil
    private var feeds: (key: [Int], rss: Data, atom: Data, json: Data)?
    private var previousPageFiles: [String] = []
    private var previousOtherFiles: [String] = []

    /// A session for the site folder `siteDirectory`; `themeFiles` defaults to the built-in theme.
    public init(siteDirectory: URL, options: BuildOptions = BuildOptions(), themeFiles: [String: Data] = BuiltinTheme.files) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.options = options
        self.themeFiles = themeFiles
        var root = siteDirectory.relativePath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        displayRoot = root == "." ? "" : root
    }

    /// Reads the whole site folder and builds it (reusing whatever an earlier build cached).
    public func build() async throws -> BuildResult {
        let clock = ContinuousClock.now
        inventory = try SiteInventory.scan(siteDirectory)
        documentOrder = nil
        try loadConfig()
        try loadTemplates(force: false)
        let parsed = try await loadDocuments(Array(inventory.documents.keys))
        return try await assemble(changedSources: nil, documentsParsed: parsed, started: clock)
    }

    /// Rebuilds after the files at `changedPaths` (relative to the site folder, or absolute
    /// inside it) were created, edited or deleted.
    public func rebuild(changedPaths: [String]) async throws -> BuildResult {
        guard config != nil else { return try await build() }
        let clock = ContinuousClock.now
        var relative: [String] = []
        for path in changedPaths {
            var path = path
            if path.hasPrefix("/") {
                let root = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
                guard path.hasPrefix(root) else { continue }
                path = String(path.dropFirst(root.count))
            }
            relative.append(path)
        }
        // A folder (a bundle created or deleted at once) or an unknown path: list the site again;
        // documents whose bytes did not change are still reused from the cache.
        for path in relative {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if exists ? isDirectory.boolValue : !inventory.contains(path) { return try await build() }
        }
        var configChanged = false
        var templatesChanged = false
        var changedDocuments: [String] = []
        for path in relative {
            let exists = FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(path).path)
            let known = inventory.documents[path] != nil
            if exists { inventory.insert(path) } else { inventory.remove(path) }
            if known != (inventory.documents[path] != nil) { documentOrder = nil }
            switch SourceRole.classify(path) {
            case .config: configChanged = true
            case .template: templatesChanged = true
            case .document: if exists { changedDocuments.append(path) } else { documents[path] = nil }
            default: break
            }
        }
        var parsed = 0
        if configChanged {
            try loadConfig()
            parsed = try await loadDocuments(Array(inventory.documents.keys))
        } else {
            parsed = try await loadDocuments(changedDocuments)
        }
        if templatesChanged { try loadTemplates(force: true) }
        let changedSources = Set(relative.map { siteDirectory.appendingPathComponent($0).path })
        return try await assemble(changedSources: changedSources, documentsParsed: parsed, started: clock)
    }

    // MARK: Loading

    private func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: siteDirectory.appendingPathComponent(path))
        } catch {
            throw SiteBuildError.io(path: display(path), "cannot read: \(error.localizedDescription)")
        }
    }

    private func display(_ path: String) -> String { displayRoot.isEmpty ? path : displayRoot + "/" + path }

    private func loadConfig() throws {
        guard FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent("site.yml").path) else {
            throw SiteBuildError.io(path: display("site.yml"), "no site.yml here; is this a site folder? (blogctl init makes one)")
        }
        let data = try read("site.yml")
        guard let text = String(data: data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: display("site.yml")) }
        if text == configText, config != nil { return }
        config = try SiteConfig.parse(text, file: display("site.yml"))
        configText = text
        // Markdown options and the time zone shape every document.
        documents = [:]
    }

    private func loadTemplates(force: Bool) throws {
        var sources: [String: Data] = [:]
        for (name, path) in inventory.templateFiles { sources[name] = try read(path) }
        if !force, templates != nil, sources == templateSources { return }
        var siteFiles: [String: (data: Data, displayPath: String)] = [:]
        for (name, data) in sources { siteFiles[name] = (data, display("templates/" + name)) }
        templates = try TemplateSet(themeFiles: themeFiles, siteFiles: siteFiles)
        if sources != templateSources || force { templatesRevision += 1 }
        templateSources = sources
    }

    /// Parses the documents at `paths` whose bytes changed, on all cores. Returns how many it parsed.
    private func loadDocuments(_ paths: [String]) async throws -> Int {
        guard let config else { return 0 }
        var work: [(path: String, data: Data, kind: DocumentKind, bundle: String?, revision: Int)] = []
        for path in paths.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard case .document(let kind, let bundle) = inventory.documents[path] else { continue }
            let data = try read(path)
            if let cached = documents[path], cached.source == data { continue }
            nextDocumentRevision += 1
            work.append((path, data, kind, bundle, nextDocumentRevision))
        }
        let urls = SiteURLs(baseURL: config.baseURL)
        let root = displayRoot
        let results = try await Parallel.map(work) { item throws -> Document in
            guard let text = String(data: item.data, encoding: .utf8) else {
                throw SiteBuildError.notUTF8(file: root.isEmpty ? item.path : root + "/" + item.path)
            }
            return try Document(sourcePath: item.path, displayRoot: root, kind: item.kind, bundle: item.bundle,
                text: text, config: config, urls: urls, revision: item.revision)
        }
        for (item, document) in zip(work, results) { documents[item.path] = (item.data, document) }
        return work.count
    }

    // MARK: Assembling

    private func assemble(changedSources: Set<String>?, documentsParsed: Int, started: ContinuousClock.Instant) async throws -> BuildResult {
        guard let config, let templates else { throw SiteBuildError.io(path: display("site.yml"), "not loaded") }
        var phase = ContinuousClock.now
        func trace(_ name: String) {
            if SiteBuildSession.tracing {
                FileHandle.standardError.write(Data("  \(name): \(ContinuousClock.now - phase)\n".utf8))
            }
            phase = ContinuousClock.now
        }
        let order = documentOrder ?? inventory.documents.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        documentOrder = order
        let all = order.compactMap { documents[$0]?.document }
        trace("documents")
        let model = SiteModel(config: config, documents: all, options: options)
        trace("model")
        for document in model.posts + model.pages {
            if let name = document.frontMatter.template, !templates.has(name) {
                let location = document.frontMatter.locations["template"] ?? SourceLocation(file: document.displayPath, line: 1)
                throw SiteBuildError.missingTemplate(name: name, referencedBy: location.description)
            }
        }

        // Static files: the site's own win over the theme's.
        var staticSources: [String: OutputContent] = [:]
        var staticOwners: [String: String] = [:]
        for (output, data) in templates.staticFiles {
            staticSources[output] = .bytes(data)
            staticOwners[output] = "built-in theme static/\(output)"
        }
        for (output, path) in inventory.staticFiles {
            staticSources[output] = .copy(of: siteDirectory.appendingPathComponent(path).path)
            staticOwners[output] = display(path)
        }
        let favicon = ["favicon.svg", "favicon.ico", "favicon.png"].first { staticSources[$0] != nil }.map { "/" + $0 }

        let inputs = SiteWideInputs(config: config, templatesRevision: templatesRevision,
            menu: model.pages.map { [$0.title, $0.path] }, tags: model.tags.map { [$0.slug, $0.name] }, year: model.year,
            favicon: favicon)
        if inputs != siteWide {
            siteWide = inputs
            siteRevision += 1
        }
        let jobs = PagePlan.jobs(for: model, context: PageContext(model: model, faviconPath: favicon), siteRevision: siteRevision)

        trace("jobs")
        // Claim every output path once; a second claimant is an error naming both.
        var claims: [String: String] = [:]
        func claim(_ file: String, by owner: String) throws {
            if let first = claims[file] { throw SiteBuildError.urlConflict(path: "/" + file, first: first, second: owner) }
            claims[file] = owner
        }
        for job in jobs { try claim(job.outputFile, by: job.claimedBy) }
        let generated: [(String, String)] = [
            (SiteURLs.rss, "RSS feed"), (SiteURLs.atom, "Atom feed"), (SiteURLs.jsonFeed, "JSON feed"),
            (SiteURLs.sitemap, "sitemap"), (SiteURLs.redirects, "redirects file"),
        ]
        for (path, owner) in generated { try claim(SiteURLs.outputFile(for: path), by: "generated " + owner) }
        var files: [String: OutputContent] = [:]
        // Everything but the rendered pages, so change detection can skip the unchanged pages.
        var nonPageFiles: [String] = []
        for document in model.posts + model.pages {
            guard let bundle = document.bundle, let assets = inventory.assets[document.sourcePath] else { continue }
            let directory = SiteURLs.outputFile(for: document.path).split(separator: "/").dropLast().joined(separator: "/")
            for asset in assets.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let relative = String(asset.dropFirst(bundle.count + 1))
                let output = directory.isEmpty ? relative : directory + "/" + relative
                try claim(output, by: display(asset))
                files[output] = .copy(of: siteDirectory.appendingPathComponent(asset).path)
                nonPageFiles.append(output)
            }
        }
        // A site may replace the generated robots.txt with its own.
        let robotsFile = SiteURLs.outputFile(for: SiteURLs.robots)
        for output in staticSources.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            if output == robotsFile { continue }
            try claim(output, by: staticOwners[output]!)
        }

        trace("claims")
        // Render the pages whose inputs changed, on all cores.
        var toRender: [PageJob] = []
        var pageBytes: [String: (key: PageKey, bytes: Data)] = [:]
        for job in jobs {
            if let previous = renderedPages[job.outputFile], previous.key == job.key {
                pageBytes[job.outputFile] = previous
            } else {
                toRender.append(job)
            }
        }
        let urls = model.urls
        let rendered = try await Parallel.map(toRender) { job -> Data in
            let html = templates.render(job.template, job.context())
            return Data(urls.pageRelativeRewriter(for: job.path).rewriteHTML(html).utf8)
        }
        trace("render")
        var renderedFiles: Set<String> = []
        for (job, bytes) in zip(toRender, rendered) {
            pageBytes[job.outputFile] = (job.key, bytes)
            renderedFiles.insert(job.outputFile)
        }
        renderedPages = pageBytes
        files.reserveCapacity(files.count + pageBytes.count + staticSources.count + 8)
        for (file, page) in pageBytes { files[file] = .bytes(page.bytes) }
        trace("files: pages")

        // Feeds show the newest posts only: reuse them while those posts and the site are unchanged.
        let feedKey = [siteRevision] + model.posts.prefix(Feeds.postLimit).map(\.revision)
        if feedKey != feeds?.key {
            let contents = Feeds.absoluteContents(model)
            feeds = (feedKey, Data(Feeds.rss(model, contents: contents).utf8), Data(Feeds.atom(model, contents: contents).utf8),
                Feeds.jsonFeed(model, contents: contents))
        }
        files[SiteURLs.outputFile(for: SiteURLs.rss)] = .bytes(feeds!.rss)
        files[SiteURLs.outputFile(for: SiteURLs.atom)] = .bytes(feeds!.atom)
        files[SiteURLs.outputFile(for: SiteURLs.jsonFeed)] = .bytes(feeds!.json)
        trace("files: feeds")
        files[SiteURLs.outputFile(for: SiteURLs.sitemap)] = .bytes(Data(SiteIndexFiles.sitemap(pages: jobs).utf8))
        files[SiteURLs.outputFile(for: SiteURLs.redirects)] = .bytes(Data(SiteIndexFiles.redirects(model).utf8))
        files[robotsFile] = .bytes(Data(SiteIndexFiles.robots(model).utf8))
        nonPageFiles += [SiteURLs.rss, SiteURLs.atom, SiteURLs.jsonFeed, SiteURLs.sitemap, SiteURLs.redirects, SiteURLs.robots]
            .map(SiteURLs.outputFile(for:))
        nonPageFiles += staticSources.keys.filter { $0 != robotsFile }
        trace("files: sitemap")
        for (output, content) in staticSources {
            // Stylesheets get the same page-relative treatment as HTML.
            if output.hasSuffix(".css") {
                let data = try content.dataOrFail(display: staticOwners[output]!)
                guard let css = String(data: data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: staticOwners[output]!) }
                files[output] = .bytes(Data(urls.pageRelativeRewriter(for: "/" + output).rewriteCSS(css).utf8))
            } else {
                files[output] = content
            }
        }

        trace("files")
        let output = SiteOutput(files: files)
        // Pages that were not rendered again kept their bytes, so only rendered pages and the
        // other files are compared; removals only when the list of pages changed.
        var changed: [String] = []
        func compare(_ path: String) {
            guard let content = files[path] else { return }
            guard let previous = previousOutput.files[path] else { return changed.append(path) }
            if previous != content {
                changed.append(path)
            } else if case .copy(let source) = content, changedSources?.contains(source) ?? true {
                changed.append(path)
            }
        }
        for path in renderedFiles { compare(path) }
        let otherFiles = nonPageFiles
        for path in otherFiles { compare(path) }
        let pageFiles = jobs.map(\.outputFile)
        var removed: [String] = []
        if pageFiles != previousPageFiles {
            removed = previousOutput.files.keys.filter { files[$0] == nil }
        } else {
            removed = previousOtherFiles.filter { files[$0] == nil }
        }
        previousPageFiles = pageFiles
        previousOtherFiles = otherFiles
        previousOutput = output

        trace("changes")
        var stats = BuildStats()
        stats.posts = model.posts.count
        stats.pages = model.pages.count
        stats.htmlPages = jobs.count
        stats.files = files.count
        stats.documentsParsed = documentsParsed
        stats.pagesRendered = toRender.count
        stats.duration = ContinuousClock.now - started
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return BuildResult(output: output, changedPaths: changed.sorted(by: byBytes), removedPaths: removed.sorted(by: byBytes), stats: stats)
    }
}

/// Inputs every page depends on; when they change, every page is rendered again.
struct SiteWideInputs: Equatable {
    var config: SiteConfig
    var templatesRevision: Int
    var menu: [[String]]
    /// Display names of tag slugs: a post shows the merged spelling of its tags.
    var tags: [[String]]
    var year: Int?
    var favicon: String?
}

extension OutputContent {
    func dataOrFail(display: String) throws -> Data {
        do {
            return try data()
        } catch {
            throw SiteBuildError.io(path: display, "cannot read: \(error.localizedDescription)")
        }
    }
}
