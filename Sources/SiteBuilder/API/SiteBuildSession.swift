import BuiltinTheme
import ContentAddressing
import Foundation

/// A site build that stays alive between builds (for a preview server). Every build, the first
/// and each rebuild, takes the same path (`run`): sources -> documents -> site model -> output
/// plan -> outputs; the session's `BuildMemo` lets a rebuild after a one-post edit read that one
/// source and render only the outputs whose inputs changed. Output is the same as a fresh
/// build's, byte for byte.
public actor SiteBuildSession {
    public let siteDirectory: URL
    public let options: BuildOptions
    let themeFiles: [String: Data]
    /// The site folder as the user named it, for the paths shown in errors ("" for ".").
    let displayRoot: String
    /// Sees each file as soon as a render worker has produced it (see `OutputSink`).
    public let sink: (any OutputSink)?
    let memo: BuildMemo
    /// The site folder's files as last listed; nil before the first build.
    var inventory: SiteInventory?
    /// Its documents in path byte order, and what it holds that the build does not use; nil
    /// when they must be worked out again.
    var documentSources: [DocumentSource]?
    var warnings: [BuildWarning]?
    /// Sources changed since the last finished build (nil: any may have), kept across a failed one.
    var pendingChanges: Set<String>? = nil
    /// The last finished build's output.
    var previousOutput = SiteOutput()

    /// A session for the site folder `siteDirectory`; `themeFiles` defaults to the built-in theme;
    /// `sink` sees every file this session renders, from the render workers.
    public init(siteDirectory: URL, options: BuildOptions = BuildOptions(), themeFiles: [String: Data] = BuiltinTheme.files,
        sink: (any OutputSink)? = nil)
    {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.options = options
        self.themeFiles = themeFiles
        self.sink = sink
        memo = BuildMemo(cacheDirectory: options.cacheDirectory)
        var root = siteDirectory.relativePath
        while root.count > 1, root.hasSuffix("/") { root.removeLast() }
        displayRoot = root == "." ? "" : root
    }

    /// Reads the whole site folder and builds it (reusing whatever an earlier build made).
    public func build() async throws -> BuildResult {
        inventory = nil
        pendingChanges = nil
        return try await run(reusing: nil)
    }

    /// Rebuilds after the files at `changedPaths` (relative to the site folder, or absolute
    /// inside it) were created, edited or deleted.
    public func rebuild(changedPaths: [String]) async throws -> BuildResult {
        guard var known = inventory else { return try await build() }
        let relative = changedPaths.compactMap(relativePath)
        for path in relative {
            // A folder (a bundle created or deleted at once) or a path never listed: list the
            // site again; documents whose bytes did not change are still taken from memory.
            guard isPlainFileOrGone(path) else {
                inventory = nil
                break
            }
            let (wasListed, wasDocument) = (known.contains(path), known.documents[path] != nil)
            if FileManager.default.fileExists(atPath: siteDirectory.appendingPathComponent(path).path) {
                known.insert(path)
            } else {
                known.remove(path)
            }
            // A file that came or went changes what the build uses.
            if wasListed != known.contains(path) { warnings = nil }
            if wasDocument != (known.documents[path] != nil) { documentSources = nil }
        }
        if inventory != nil { inventory = known }
        if pendingChanges != nil { pendingChanges!.formUnion(relative) }
        return try await run(reusing: nil)
    }

    /// Builds like `build()`, leaving out each output that the folder it goes to already holds as
    /// this build would make it (`.kept` in the output). `output` is awaited only when the
    /// outputs are made, so finding what the folder holds overlaps reading the sources.
    func build(reusing output: @escaping @Sendable () async -> ReusableOutput?) async throws -> BuildResult {
        inventory = nil
        pendingChanges = nil
        return try await run(reusing: output)
    }

    /// Saves what the last build parsed to the document cache (`BuildOptions.cacheDirectory`;
    /// see `DocumentCache.save` for when records nobody uses go). Call it once its output is safely written.
    public func saveDocumentCache() {
        memo.documentCache?.save()
    }

    /// `path` relative to the site folder; nil for an absolute path outside it.
    private func relativePath(_ path: String) -> String? {
        guard path.hasPrefix("/") else { return path }
        let root = siteDirectory.path.hasSuffix("/") ? siteDirectory.path : siteDirectory.path + "/"
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
    }

    /// Whether `path` is a regular file now, or is gone and was one the inventory listed.
    private func isPlainFileOrGone(_ path: String) -> Bool {
        var info = stat()
        if lstat(siteDirectory.appendingPathComponent(path).path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFREG }
        return inventory?.contains(path) ?? false
    }

    /// The templates of the last build.
    var templates: TemplateSet? { memo.templateSet }

    /// `path` as shown in errors and warnings.
    func display(_ path: String) -> String { displayRoot.isEmpty ? path : displayRoot + "/" + path }
}
