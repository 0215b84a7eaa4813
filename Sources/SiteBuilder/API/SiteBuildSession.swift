import ContentAddressing
import BuiltinTheme
import Foundation

/// A site build that stays alive between builds (for a preview server): it caches every parsed
/// document by source path and content, and every rendered page by what it depends on, so
/// `rebuild(changedPaths:)` after a one-post edit re-renders only the pages that show that post.
/// Output is the same as a fresh build's, byte for byte.
public actor SiteBuildSession {
    public let siteDirectory: URL
    public let options: BuildOptions
    let displayRoot: String
    let themeFiles: [String: Data]

    var inventory = SiteInventory()
    var config: SiteConfig?
    var configText: String?
    var documents: [String: (source: Data, document: Document)] = [:]
    /// Document paths sorted by bytes; nil after a document was added or removed.
    var documentOrder: [String]?
    /// The documents in `documentOrder` and each one's place there; nil when that list must be made again.
    var documentList: [Document]?
    var documentIndex: [String: Int] = [:]
    /// Documents replaced by a new version since the last site model was made, by source path.
    var pendingEdits: [String: (earlier: Document, new: Document)] = [:]
    var templates: TemplateSet?
    var templateSources: [String: Data] = [:]
    /// The theme's and the site's template files (`ContentKey(_:files:)`).
    var templatesKey: ContentKey?
    var siteWide: SiteWideInputs?
    /// `siteWide.key`: every page's key starts with it.
    var siteKey = ContentKey("no site yet", [])
    var renderedPages: [String: (key: PageKey, bytes: Data)] = [:]
    var previousOutput = SiteOutput()
    /// The last feeds, with the keys of the site and of the newest posts they were made from.
    var feeds: (key: [ContentKey], rss: Data, atom: Data, json: Data)?
    var lastBuild: LastBuild?
    /// Archive entries in the last build's post order, valid for `archiveSiteKey` and `archiveTagNames`.
    var archiveEntries: [ArchiveEntry] = []
    var archiveSiteKey: ContentKey?
    var archiveTagNames: [String: String] = [:]
    /// Documents parsed since the last finished build (for its stats).
    var parsedCount = 0
    var previousPageFiles: [String] = []
    var previousOtherFiles: [String] = []
    /// The pages of the last finished build, offered to the next plan (`EarlierPageJobs`).
    var earlierJobs: [PageJob] = []
    /// The last finished build's output paths other than pages', in claiming order.
    var earlierOtherClaims: [OutputClaim] = []
    /// The last sitemap.xml and the page lines it was made of.
    var sitemap: (entries: [String?], data: Data)?
    /// Parsed documents from earlier builds on disk (`BuildOptions.cacheDirectory`).
    let documentCache: DocumentCache?
    /// Sees each page as soon as a render worker has produced it (pages only; see `SiteBuilder.build`).
    public let outputObserver: OutputObserver?
    /// The files the output folder holds already, during `build(reusing:)`.
    var reusableOutput: (@Sendable () async -> ReusableOutput?)?

    /// A session for the site folder `siteDirectory`; `themeFiles` defaults to the built-in theme;
    /// `outputObserver` sees every page this session renders, from the render workers.
    public init(siteDirectory: URL, options: BuildOptions = BuildOptions(), themeFiles: [String: Data] = BuiltinTheme.files,
        outputObserver: OutputObserver? = nil)
    {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.options = options
        self.themeFiles = themeFiles
        self.outputObserver = outputObserver
        documentCache = options.cacheDirectory.map(DocumentCache.init(directory:))
        var root = siteDirectory.relativePath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        displayRoot = root == "." ? "" : root
    }

    /// Reads the whole site folder and builds it (reusing whatever an earlier build cached).
    public func build() async throws -> BuildResult {
        parsedCount = 0
        documentCache?.beginBuild()
        do {
            return try await fullBuild()
        } catch {
            lastBuild = nil
            throw error
        }
    }

    /// Builds like `build()`, leaving out each page that the folder the output goes to already
    /// holds as this build would make it (`.kept` in the output). For one-off builds: a session
    /// that builds again afterwards renders those pages then. `output` is awaited only when the
    /// pages are planned, so finding what the folder holds overlaps reading the sources.
    func build(reusing output: (@Sendable () async -> ReusableOutput?)?) async throws -> BuildResult {
        reusableOutput = output
        defer { reusableOutput = nil }
        let result = try await build()
        // Kept pages were never rendered: no later build may take them from this one, as an
        // unchanged job or through a text-only rebuild of the last model.
        let kept = result.output.files.filter { $0.value == .kept }
        if !kept.isEmpty {
            earlierJobs.removeAll { kept[$0.outputFile] != nil }
            lastBuild = nil
        }
        return result
    }

    /// Saves what the last `build()` parsed to the document cache (`BuildOptions.cacheDirectory`;
    /// see `DocumentCache.save` for when records nobody uses go). Call it once its output is safely written.
    public func saveDocumentCache() {
        documentCache?.save()
    }

    func fullBuild() async throws -> BuildResult {
        let clock = ContinuousClock.now
        let trace = PhaseTrace()
        inventory = try SiteInventory.scan(siteDirectory)
        trace.phase("scan")
        documentOrder = nil
        try loadConfig()
        try loadTemplates(force: false)
        trace.phase("config and templates")
        // Sorted once, for loading and for the site model's document order.
        let paths = inventory.documents.keys.sorted { $0.precedesInUTF8($1) }
        try await loadDocuments(paths)
        documentOrder = paths
        documentList = nil
        trace.phase("read and parse documents")
        return try await assemble(changedSources: nil, started: clock)
    }

    /// Rebuilds after the files at `changedPaths` (relative to the site folder, or absolute
    /// inside it) were created, edited or deleted.
    public func rebuild(changedPaths: [String]) async throws -> BuildResult {
        parsedCount = 0
        do {
            return try await incrementalBuild(changedPaths)
        } catch {
            // After a failure the caches may be ahead of the last output: the next rebuild takes the full path.
            lastBuild = nil
            throw error
        }
    }

    func incrementalBuild(_ changedPaths: [String]) async throws -> BuildResult {
        guard config != nil else { return try await fullBuild() }
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
            var link = stat()
            let plainFile = lstat(siteDirectory.appendingPathComponent(path).path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFREG
            if exists ? isDirectory.boolValue || !plainFile : !inventory.contains(path) { return try await fullBuild() }
        }
        if let result = try await contentOnlyRebuild(relative, started: clock) { return result }
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
            case .document:
                if exists {
                    changedDocuments.append(path)
                } else {
                    documents[path] = nil
                    documentList = nil
                }
            default: break
            }
        }
        if configChanged {
            try loadConfig()
            try await loadDocuments(Array(inventory.documents.keys))
        } else {
            try await loadDocuments(changedDocuments)
        }
        if templatesChanged { try loadTemplates(force: true) }
        let changedSources = Set(relative.map { siteDirectory.appendingPathComponent($0).path })
        return try await assemble(changedSources: changedSources, started: clock)
    }

    // MARK: Loading

    func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: siteDirectory.appendingPathComponent(path))
        } catch {
            throw SiteBuildError.io(path: display(path), "cannot read: \(fileErrorReason(error, path: siteDirectory.appendingPathComponent(path).path))")
        }
    }

    func display(_ path: String) -> String { displayRoot.isEmpty ? path : displayRoot + "/" + path }

    func loadConfig() throws {
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
        documentList = nil
    }

    func loadTemplates(force: Bool) throws {
        var sources: [String: Data] = [:]
        for (name, path) in inventory.templateFiles { sources[name] = try read(path) }
        if !force, templates != nil, sources == templateSources { return }
        var siteFiles: [String: (data: Data, displayPath: String)] = [:]
        for (name, data) in sources { siteFiles[name] = (data, display("templates/" + name)) }
        templates = try TemplateSet(themeFiles: themeFiles, siteFiles: siteFiles)
        if PhaseTrace.isEnabled, let reason = templates?.fallbackReason {
            FileHandle.standardError.write(Data("  templates render through swift-mustache: \(reason)\n".utf8))
        }
        var files = themeFiles
        for (name, data) in sources { files["site/" + name] = data }
        templatesKey = ContentKey("templates", files: files)
        templateSources = sources
    }

    /// Loads the documents at `paths` whose bytes changed, on all cores, from the document cache
    /// or by parsing them; counts the parsed ones in `parsedCount`.
    func loadDocuments(_ paths: [String]) async throws {
        guard let config else { return }
        var candidates: [(path: String, kind: DocumentKind, bundle: String?)] = []
        for path in paths.sorted(by: { $0.precedesInUTF8($1) }) {
            guard case .document(let kind, let bundle) = inventory.documents[path] else { continue }
            candidates.append((path, kind, bundle))
        }
        // Thousands of small reads: on all cores too (the first failure in path order is reported).
        let folder = SourceFolder(path: siteDirectory.path)
        let shownRoot = displayRoot
        let sources = try await Parallel.map(candidates.map(\.path)) { path throws -> Data in
            do {
                return try folder.read(path)
            } catch {
                throw SiteBuildError.io(path: shownRoot.isEmpty ? path : shownRoot + "/" + path, "cannot read: \(error)")
            }
        }
        var work: [(path: String, data: Data, kind: DocumentKind, bundle: String?)] = []
        var unchanged: [ContentKey] = []
        for (candidate, data) in zip(candidates, sources) {
            if let cached = documents[candidate.path], cached.source == data {
                unchanged.append(cached.document.contentKey)
                continue
            }
            work.append((candidate.path, data, candidate.kind, candidate.bundle))
        }
        documentCache?.markUsed(unchanged)
        let urls = SiteURLs(baseURL: config.baseURL)
        let root = displayRoot
        let cache = documentCache
        let salt = DocumentCache.salt(configText: configText ?? "")
        let results = try await Parallel.map(work) { item throws -> (document: Document, parsed: Bool) in
            let displayPath = root.isEmpty ? item.path : root + "/" + item.path
            let key = DocumentCache.key(salt: salt, displayPath: displayPath, kind: item.kind, bundle: item.bundle, data: item.data)
            let source: Document.Source
            if let cache, let record = cache.lookup(key, timeZone: config.timezone) {
                source = .cached(record)
            } else {
                guard let text = String(data: item.data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: displayPath) }
                source = .parsed(try ParsedSource(text: text, displayPath: displayPath, config: config))
            }
            let document = try Document(sourcePath: item.path, displayPath: displayPath, kind: item.kind, bundle: item.bundle,
                source: source, config: config, urls: urls, contentKey: key)
            guard case .parsed = source else { return (document, false) }
            cache?.store(key, document.record)
            return (document, true)
        }
        documentCache?.markUsed(results.lazy.map(\.document.contentKey))
        documents.reserveCapacity(documents.count + work.count)
        for (item, result) in zip(work, results) {
            if let earlier = documents[item.path]?.document, let index = documentIndex[item.path], documentList?[index] === earlier {
                documentList![index] = result.document
                pendingEdits[item.path] = (pendingEdits[item.path]?.earlier ?? earlier, result.document)
            } else {
                documentList = nil
            }
            documents[item.path] = (item.data, result.document)
            if result.parsed { parsedCount += 1 }
        }
    }
}

/// What a folder an output is written into holds already: its verified manifest entries, and
/// whether the build's observer can do without seeing a kept file's bytes.
struct ReusableOutput: Sendable {
    var entries: [String: OutputManifest.Entry]
    var accept: @Sendable (_ path: String, _ note: [UInt8]) -> Bool
}

/// What the last successful build was made of, for content-only rebuilds.
struct LastBuild {
    var model: SiteModel
    var favicon: String?
    var stats: BuildStats
    var warnings: [BuildWarning]
}

/// Inputs every page depends on; when they change, every page is rendered again.
struct SiteWideInputs: Equatable {
    var configText: String
    var templates: ContentKey
    var options: BuildOptions
    var menu: [[String]]
    var year: Int?
    var favicon: String?

    /// Their SHA-256, with the blogctl binary's identity (a new blogctl may render differently)
    /// and the umask (a page kept from a build under another one would keep its permissions).
    var key: ContentKey {
        ContentKey("blogctl site 1",
            [binaryFingerprint, String(processUmask, radix: 8), configText, options.includeDrafts ? "drafts" : "", options.includeFuture ? "future" : "",
                year.map(String.init) ?? "", favicon ?? ""] + menu.flatMap { $0 },
            keys: [templates])
    }
}

extension OutputContent {
    func dataOrFail(display: String) throws -> Data {
        do {
            return try data()
        } catch {
            throw SiteBuildError.io(path: display, "cannot read: \(fileErrorReason(error, path: display))")
        }
    }
}
