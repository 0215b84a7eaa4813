import Foundation
import Synchronization

/// What `SiteBuilder.build` did.
public struct BuildReport: Sendable {
    public var outputDirectory: URL
    public var stats: BuildStats
    /// Files the build skipped or did not render (see `BuildWarning`); the CLI prints them.
    public var warnings: [BuildWarning] = []
}

/// Builds a site folder into a static site.
public enum SiteBuilder {
    /// The build cache folder of a site: `.blogctl-cache` in it (ignored by the `.gitignore` of `init`).
    public static func cacheDirectory(for siteDirectory: URL) -> URL {
        siteDirectory.appendingPathComponent(".blogctl-cache")
    }

    /// Builds `siteDirectory` into `outputDirectory` (default `<site>/public`), replacing it
    /// atomically. Throws `SiteBuildError`.
    public static func build(siteDirectory: URL, outputDirectory: URL? = nil, options: BuildOptions = BuildOptions()) async throws -> BuildReport {
        try await build(siteDirectory: siteDirectory, outputDirectory: outputDirectory, options: options) { _ in }.report
    }

    /// Builds like `build(siteDirectory:outputDirectory:options:)` and, while the output is being
    /// written, runs `work` on the same output in memory. `observer` sees each file the build holds
    /// in memory exactly once and before `work` starts: pages as the render workers produce them,
    /// the other generated files (feeds, sitemap, theme files, stylesheets) on all cores while the
    /// writing starts. Copied files (static files, bundle assets) are never read whole: they stay
    /// `.copy(of:)` for `work` too, which streams them from their source, so memory stays bounded
    /// however big they are. The write's error wins over `work`'s; `work` is cancelled when the write fails.
    ///
    /// With `notes` and a cache folder (`options.cacheDirectory`), pages and copied files that the
    /// folder being rewritten already holds unchanged (`OutputManifest`) are neither rendered nor
    /// written nor shown to `observer`: they are `.kept` in the output, and `notes` was given what
    /// it remembered of them.
    public static func build<Value: Sendable>(siteDirectory: URL, outputDirectory: URL? = nil, options: BuildOptions = BuildOptions(),
        observer: OutputObserver? = nil, notes: OutputNotes? = nil, whileWriting work: @escaping @Sendable (SiteOutput) async throws -> Value)
        async throws -> (report: BuildReport, value: Value)
    {
        let output = outputDirectory ?? siteDirectory.appendingPathComponent("public")
        do {
            return try await build(siteDirectory: siteDirectory, output: output, options: options, observer: observer, notes: notes,
                work: work)
        } catch SiteWriterError.reusedTreeFailed {
            // The folder with the kept files could not be rewritten: build everything into a new one,
            // and save its manifest (without one, the build after next would render everything again).
            return try await build(siteDirectory: siteDirectory, output: output, options: options, observer: observer,
                notes: notes.map { NotesKeepingNothing(base: $0) }, work: work)
        }
    }

    private static func build<Value: Sendable>(siteDirectory: URL, output: URL, options: BuildOptions, observer: OutputObserver?,
        notes: OutputNotes?, work: @escaping @Sendable (SiteOutput) async throws -> Value) async throws -> (report: BuildReport, value: Value)
    {
        let observed = observer.map(ObservedPaths.init)
        var pageObserver: OutputObserver?
        if let observed { pageObserver = { path, bytes in observed.observe(path, bytes) } }
        let tree = try SiteWriter.claim(output, siteDirectory: siteDirectory)
        // Checking what the claimed folder holds runs beside reading the sources.
        let preparing = Task { await OutputReuse.prepare(for: tree, cacheDirectory: options.cacheDirectory, notes: notes) }
        let session = SiteBuildSession(siteDirectory: siteDirectory, options: options, outputObserver: pageObserver)
        let result: BuildResult
        do {
            result = try await session.build(reusing: { await preparing.value?.reusable })
        } catch {
            // Never give the folder back while it is being looked at.
            _ = await preparing.value
            tree.giveBack()
            throw error
        }
        let reuse = await preparing.value
        let site = result.output
        let keys = result.outputKeys
        let writing = site
        let known = reuse?.verified.listings ?? [:]
        let (written, workResult) = await withTaskGroup(of: WriteOutcome<Value>.self) { group in
            group.addTask {
                .written(Result { try SiteWriter.write(writing, into: tree, listings: known) })
            }
            group.addTask {
                let trace = PhaseTrace("while writing: ")
                await observed?.observeRest(of: writing)
                trace.phase("observe the files made after rendering")
                do { return .worked(.success(try await work(writing))) } catch { return .worked(.failure(error)) }
            }
            var written: Result<[String: FileIdentity], any Error>?
            var workResult: Result<Value, any Error>?
            for await outcome in group {
                switch outcome {
                case .written(let result):
                    written = result
                    if case .failure = result { group.cancelAll() }
                case .worked(let result):
                    workResult = result
                }
            }
            return (written!, workResult!)
        }
        let identities = try written.get()
        let trace = PhaseTrace()
        await session.saveDocumentCache()
        trace.phase("save the document cache")
        if let reuse {
            await reuse.save(site, writtenInto: tree, keys: keys, identities: identities)
            trace.phase("save the output manifest")
        }
        if options.leavesMemoryToExit { LeftForExit.keep([session, result, site, keys, identities, reuse]) }
        return (BuildReport(outputDirectory: output, stats: result.stats, warnings: result.warnings), try workResult.get())
    }
}

/// What builds with `BuildOptions.leavesMemoryToExit` hold on to until the process ends, so
/// that nothing is freed one object at a time just before exiting.
private enum LeftForExit {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ values: [any Sendable]) { kept.withLock { $0.append(contentsOf: values) } }
}

/// How one of the two tasks of `SiteBuilder.build(...whileWriting:)` ended.
private enum WriteOutcome<Value: Sendable>: Sendable {
    case written(Result<[String: FileIdentity], any Error>)
    case worked(Result<Value, any Error>)
}
