import Foundation

/// Everything a build may take from earlier builds, and the only place that knows it may: the
/// render core asks it at exactly two points, when it loads the sources (`config`, `templates`,
/// `documents`) and when it makes the outputs (`outputs`). A one-shot build has one with the
/// document cache on disk and the output manifest of the folder it writes; a long-running
/// session keeps one alive, so a rebuild loads only the changed sources and renders only the
/// outputs whose inputs changed, through the same path as a first build.
final class BuildMemo {
    /// Parsed documents from earlier processes (`BuildOptions.cacheDirectory`).
    let documentCache: DocumentCache?
    /// Outputs that the folder being written holds already (`OutputManifest`), for one build.
    var reusableOutput: ReusableOutput?
    /// Documents parsed (not taken from the cache or memory) since the counter was last read.
    private(set) var parsedDocuments = 0

    private var config: (text: String, parsed: SiteConfig)?
    private var templates: (sources: [String: Data], set: TemplateSet, key: ContentKey)?
    private var documents: [String: (source: Data, document: Document)] = [:]
    private var outputs: [String: MadeOutput] = [:]

    /// One output as last made: its inputs, their hash, the key they gave with the site, its content.
    private struct MadeOutput {
        var kind: any OutputKind
        var inputsKey: ContentKey
        var key: ContentKey
        var content: OutputContent
    }

    /// The template set of the last build.
    var templateSet: TemplateSet? { templates?.set }

    init(documentCache: DocumentCache?) {
        self.documentCache = documentCache
    }

    /// Starts a build: the document cache keeps only what this build uses.
    func beginBuild() {
        parsedDocuments = 0
        documentCache?.beginBuild()
    }

    /// Forgets what the last build made, after it failed: its outputs may be ahead of what was
    /// written or shown. Loaded sources stay (they are checked against their bytes).
    func forgetOutputs() { outputs = [:] }

    // MARK: Loading

    /// `site.yml` parsed from `text`; a new text drops every loaded document (the Markdown
    /// options and the time zone shape them all).
    func config(text: String, file: String) throws(SiteBuildError) -> SiteConfig {
        if let config, config.text == text { return config.parsed }
        let parsed = try SiteConfig.parse(text, file: file)
        config = (text, parsed)
        documents = [:]
        return parsed
    }

    /// The template set of the theme and the site's `sources` (by name, with the path shown in
    /// errors), and the key of all their files.
    func templates(theme: [String: Data], sources: [String: (data: Data, displayPath: String)])
        throws(SiteBuildError) -> (set: TemplateSet, key: ContentKey)
    {
        let bytes = sources.mapValues(\.data)
        if let templates, templates.sources == bytes { return (templates.set, templates.key) }
        let set = try TemplateSet(themeFiles: theme, siteFiles: sources)
        if PhaseTrace.isEnabled, let reason = set.fallbackReason {
            FileHandle.standardError.write(Data("  templates render through swift-mustache: \(reason)\n".utf8))
        }
        var files = theme
        for (name, data) in bytes { files["site/" + name] = data }
        let key = ContentKey("templates", files: files)
        templates = (bytes, set, key)
        return (set, key)
    }

    /// The documents at `sources` (sorted by path bytes), in that order: a source not in
    /// `changed` (nil: any may have changed) is taken from memory unread; the others are read on
    /// all cores and taken from memory when their bytes are the same, else from the document
    /// cache, else parsed.
    func documents(_ sources: [DocumentSource], changed: Set<String>?, folder: SourceFolder, config: SiteConfig,
        isolation: isolated (any Actor)? = #isolation) async throws -> [Document]
    {
        let toRead = sources.filter { changed?.contains($0.path) ?? true || documents[$0.path] == nil }
        // Thousands of small reads: on all cores too (the first failure in path order is reported).
        let bytes = try await Parallel.map(toRead) { source throws -> Data in
            do {
                return try folder.read(source.path)
            } catch {
                throw SiteBuildError.io(path: source.displayPath, "cannot read: \(error)")
            }
        }
        var work: [(source: DocumentSource, data: Data)] = []
        var unchanged: [ContentKey] = []
        for (source, data) in zip(toRead, bytes) {
            if let known = documents[source.path], known.source == data {
                unchanged.append(known.document.contentKey)
            } else {
                work.append((source, data))
            }
        }
        documentCache?.markUsed(unchanged)
        let cache = documentCache
        let urls = SiteURLs(baseURL: config.baseURL)
        let salt = DocumentCache.salt(configText: self.config?.text ?? "")
        let loaded = try await Parallel.map(work) { item throws -> (document: Document, parsed: Bool) in
            let source = item.source
            let key = DocumentCache.key(salt: salt, displayPath: source.displayPath, kind: source.kind, bundle: source.bundle, data: item.data)
            if let record = cache?.lookup(key, timeZone: config.timezone) {
                return (try Document(source, content: .cached(record), config: config, urls: urls, contentKey: key), false)
            }
            guard let text = String(data: item.data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: source.displayPath) }
            let parsed = try ParsedSource(text: text, displayPath: source.displayPath, config: config)
            let document = try Document(source, content: .parsed(parsed), config: config, urls: urls, contentKey: key)
            cache?.store(key, document.record)
            return (document, true)
        }
        documentCache?.markUsed(loaded.lazy.map(\.document.contentKey))
        for (item, result) in zip(work, loaded) {
            documents[item.source.path] = (item.data, result.document)
            if result.parsed { parsedDocuments += 1 }
        }
        if documents.count > sources.count {
            let present = Set(sources.map(\.path))
            documents = documents.filter { present.contains($0.key) }
        }
        return sources.map { documents[$0.path]!.document }
    }

    // MARK: Making

    /// The content of every output of `kinds` (files in plan order) in `site`: taken from the
    /// last build when its inputs and site are the same, kept in the folder being written when
    /// its manifest vouches for it, else rendered on all cores (`observer` sees each rendered
    /// file's bytes from the worker that made it).
    func outputs(_ kinds: [any OutputKind], files: [String], site: SiteContext, observer: OutputObserver?,
        isolation: isolated (any Actor)? = #isolation) async throws -> MadeOutputs
    {
        let previous = outputs
        // What an output that does not use the site depends on besides its inputs: a new blogctl
        // may make it differently, and a file kept from a build under another umask would keep its permissions.
        let standalone = ContentKey("blogctl binary and umask", [binaryFingerprint, String(processUmask, radix: 8)])
        // Inputs equal to the last build's have its hash; only the others are hashed.
        let keys = try await Parallel.map(Array(kinds.indices)) { index -> (inputs: ContentKey, key: ContentKey) in
            let kind = kinds[index]
            let base = kind.usesSite ? site.key : standalone
            if let last = previous[files[index]], kind.hasInputs(of: last.kind) {
                return (last.inputsKey, ContentKey("output", [], keys: [base, last.inputsKey]))
            }
            let inputs = ContentKey(of: kind, domain: String(describing: type(of: kind)))
            return (inputs, ContentKey("output", [], keys: [base, inputs]))
        }
        var contents = [OutputContent?](repeating: nil, count: kinds.count)
        var toRender: [Int] = []
        let reusable = reusableOutput
        for (index, file) in files.enumerated() {
            if let last = previous[file], last.key == keys[index].key {
                contents[index] = last.content
            } else if let reusable, let entry = reusable.entries[file], entry.key == keys[index].key, reusable.accept(file, entry.note) {
                contents[index] = .kept
            } else {
                toRender.append(index)
            }
        }
        let rendered = try await Parallel.map(toRender) { index -> OutputContent in
            let content = try kinds[index].render(in: site)
            if let observer, case .bytes(let bytes) = content { observer(files[index], bytes) }
            return content
        }
        for (index, content) in zip(toRender, rendered) { contents[index] = content }
        var made: [String: MadeOutput] = [:]
        made.reserveCapacity(kinds.count)
        var result = MadeOutputs()
        result.contents.reserveCapacity(kinds.count)
        result.keys.reserveCapacity(kinds.count)
        for (index, file) in files.enumerated() {
            let content = contents[index]!
            result.contents.append(content)
            result.keys[file] = keys[index].key
            // A kept file has no bytes in memory: the next build makes it again.
            if content != .kept { made[file] = MadeOutput(kind: kinds[index], inputsKey: keys[index].inputs, key: keys[index].key, content: content) }
        }
        result.rendered = toRender
        outputs = made
        return result
    }
}

/// What `BuildMemo.outputs` made: each output's content and key (in plan order), and which
/// were rendered by this build.
struct MadeOutputs {
    var contents: [OutputContent] = []
    var keys: [String: ContentKey] = [:]
    /// Indexes of the outputs rendered now.
    var rendered: [Int] = []
}

/// A document's source file: where it is, and what the site folder's layout says of it.
struct DocumentSource: Sendable {
    /// Relative to the site folder.
    let path: String
    /// As the user named the site folder, for errors.
    let displayPath: String
    let kind: DocumentKind
    /// Its folder, when it is a bundle's index.md.
    let bundle: String?
}
