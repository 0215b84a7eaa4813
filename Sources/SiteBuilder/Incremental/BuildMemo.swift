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
    /// The dimensions of the image files read so far, by their identity.
    var imageHeaders = ImageHeaderMemo()
    /// The last search index, kept beside the document cache.
    var searchIndex: SearchIndexCache

    private var config: (text: String, parsed: SiteConfig)?
    private var templates: (sources: [String: Data], set: TemplateSet, key: ContentKey)?
    private var documents: [String: (source: Data, document: Document)] = [:]
    private var outputs: [String: MadeOutput] = [:]

    /// The files and owners of the last build's outputs, which passed `OutputClaim.check`.
    private var claims: (files: [String], owners: [String]) = ([], [])

    /// One output as last made: its inputs and their hash, the key they gave with the site (or
    /// without it) and its content.
    private struct MadeOutput {
        var kind: any OutputKind
        var inputsKey: ContentKey
        var base: ContentKey
        var key: ContentKey
        var content: OutputContent
    }

    /// The template set of the last build.
    var templateSet: TemplateSet? { templates?.set }

    init(cacheDirectory: URL?) {
        documentCache = cacheDirectory.map(DocumentCache.init(directory:))
        searchIndex = SearchIndexCache(directory: cacheDirectory)
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
        // Documents hold their shortcodes' output.
        if let old = templates?.set, old.shortcodesKey != set.shortcodesKey { documents = [:] }
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
    func documents(_ sources: [DocumentSource], changed: Set<String>?, folder: SourceFolder, config: SiteConfig, templates: TemplateSet,
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
        let salt = DocumentCache.salt(configText: self.config?.text ?? "", highlighting: config.highlight.highlighter?.catalog.fingerprint ?? "",
            shortcodes: templates.shortcodesKey)
        // Every source is loaded, so a build reports the errors of every file at once.
        let results = try await Parallel.map(work) { item -> Result<(document: Document, parsed: Bool), SiteBuildError> in
            let source = item.source
            let key = DocumentCache.key(salt: salt, displayPath: source.displayPath, kind: source.kind, bundle: source.bundle, data: item.data)
            return Result { () throws(SiteBuildError) -> (document: Document, parsed: Bool) in
                if let record = cache?.lookup(key, timeZone: config.timezone) {
                    return (try Document(source, content: .cached(record), config: config, urls: urls, contentKey: key), false)
                }
                guard let text = String(data: item.data, encoding: .utf8) else { throw SiteBuildError.notUTF8(file: source.displayPath) }
                let parsed = try ParsedSource(text: text, displayPath: source.displayPath, config: config, templates: templates)
                let document = try Document(source, content: .parsed(parsed), config: config, urls: urls, contentKey: key)
                cache?.store(key, document.record)
                return (document, true)
            }
        }
        if let error = SiteBuildError.combining(results.compactMap { if case .failure(let error) = $0 { error } else { nil } }) {
            throw error
        }
        let loaded = results.compactMap { try? $0.get() }
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
    /// its manifest vouches for it, else rendered on all cores (`sink` sees each rendered file's
    /// bytes from the worker that made it).
    func outputs(_ kinds: [any OutputKind], files: [String], site: SiteContext, sink: (any OutputSink)?,
        isolation: isolated (any Actor)? = #isolation) async throws -> MadeOutputs
    {
        try checkClaims(kinds, files: files)
        let trace = PhaseTrace()
        // What an output that does not use the site depends on besides its inputs: a new blogctl
        // may make it differently, and a file kept from a build under another umask would keep its permissions.
        let standalone = ContentKey("blogctl binary and umask", [binaryFingerprint, String(processUmask, radix: 8)])
        // Inputs equal to the last build's have its hash and, with the same site, its content;
        // only the others are hashed.
        let found = try await Parallel.map(Array(kinds.indices)) { [outputs] index -> Found in
            let kind = kinds[index]
            let base = kind.usesSite ? site.key : standalone
            if let last = outputs[files[index]], kind.hasInputs(of: last.kind) {
                if last.base == base { return Found(inputs: last.inputsKey, base: base, key: last.key, content: last.content) }
                return Found(inputs: last.inputsKey, base: base, key: ContentKey("output", [], keys: [base, last.inputsKey]))
            }
            let inputs = ContentKey(of: kind)
            let key = ContentKey("output", [], keys: [base, inputs])
            // Other inputs that make the same file (the same post moved to a new plan position).
            let same = outputs[files[index]].flatMap { $0.key == key ? $0.content : nil }
            return Found(inputs: inputs, base: base, key: key, content: same, remember: same != nil)
        }
        trace.phase("output keys")
        var result = MadeOutputs()
        result.contents = found.map { $0.content ?? .kept }
        result.keys = found.map(\.key)
        var toRender: [Int] = []
        for (index, file) in files.enumerated() where found[index].content == nil {
            if let reusable = reusableOutput, let entry = reusable.entries[file], entry.key == found[index].key,
                reusable.accept(file, entry.note)
            {
                result.kept.append(index)
            } else {
                toRender.append(index)
            }
        }
        let rendered = try await Parallel.map(toRender) { index -> OutputContent in
            let content = try kinds[index].render(in: site)
            if let sink, case .bytes(let bytes) = content { sink.made(files[index], bytes) }
            return content
        }
        for (index, content) in zip(toRender, rendered) { result.contents[index] = content }
        result.rendered = toRender
        // Only what was made now changes in the memo; a kept file has no bytes in memory, so the
        // next build makes it again.
        for index in result.kept { outputs[files[index]] = nil }
        for index in toRender + found.indices.filter({ found[$0].remember }) {
            let found = found[index]
            outputs[files[index]] = MadeOutput(kind: kinds[index], inputsKey: found.inputs, base: found.base, key: found.key,
                content: result.contents[index])
        }
        if outputs.count > kinds.count - result.kept.count {
            let present = Set(files)
            outputs = outputs.filter { present.contains($0.key) }
        }
        return result
    }

    /// What the memo knew of one planned output: its keys, and its content when that is unchanged.
    private struct Found: Sendable {
        var inputs: ContentKey
        var base: ContentKey
        var key: ContentKey
        var content: OutputContent?
        /// Whether the memo must learn these inputs, whose content it had under others.
        var remember = false
    }
}

extension BuildMemo {
    /// Refuses two outputs claiming one file (or a file that would have to be a folder); the
    /// same claims as the last build's passed already.
    fileprivate func checkClaims(_ kinds: [any OutputKind], files: [String]) throws(SiteBuildError) {
        let owners = kinds.map(\.owner)
        if files == claims.files, owners == claims.owners { return }
        try OutputClaim.check(zip(files, owners).lazy.map { OutputClaim(file: $0, owner: $1) })
        claims = (files, owners)
    }
}

/// What `BuildMemo.outputs` made: each output's content and key (in plan order), and which
/// were rendered or kept by this build.
struct MadeOutputs {
    var contents: [OutputContent] = []
    var keys: [ContentKey] = []
    /// Indexes of the outputs rendered now.
    var rendered: [Int] = []
    /// Indexes of the outputs `.kept` in the folder written (`ReusableOutput`).
    var kept: [Int] = []
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
