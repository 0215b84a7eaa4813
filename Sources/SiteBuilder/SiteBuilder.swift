import Foundation

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
    public static func build<Value: Sendable>(siteDirectory: URL, outputDirectory: URL? = nil, options: BuildOptions = BuildOptions(),
        observer: OutputObserver? = nil, whileWriting work: @escaping @Sendable (SiteOutput) async throws -> Value)
        async throws -> (report: BuildReport, value: Value)
    {
        let observed = observer.map(ObservedPaths.init)
        var pageObserver: OutputObserver?
        if let observed { pageObserver = { path, bytes in observed.observe(path, bytes) } }
        let session = SiteBuildSession(siteDirectory: siteDirectory, options: options, outputObserver: pageObserver)
        let result = try await session.build()
        let output = outputDirectory ?? siteDirectory.appendingPathComponent("public")
        let site = result.output

        let (writeError, workResult) = await withTaskGroup(of: WriteOutcome<Value>.self) { group in
            group.addTask {
                do {
                    try SiteWriter.write(site, to: output, siteDirectory: siteDirectory)
                    return .written(nil)
                } catch {
                    return .written(error)
                }
            }
            group.addTask {
                let trace = PhaseTrace("while writing: ")
                await observed?.observeRest(of: site)
                trace.phase("observe the files made after rendering")
                do { return .worked(.success(try await work(site))) } catch { return .worked(.failure(error)) }
            }
            var writeError: (any Error)?
            var workResult: Result<Value, any Error>?
            for await outcome in group {
                switch outcome {
                case .written(let error):
                    writeError = error
                    if error != nil { group.cancelAll() }
                case .worked(let result):
                    workResult = result
                }
            }
            return (writeError, workResult!)
        }
        if let writeError { throw writeError }
        let trace = PhaseTrace()
        await session.saveDocumentCache()
        trace.phase("save the document cache")
        return (BuildReport(outputDirectory: output, stats: result.stats, warnings: result.warnings), try workResult.get())
    }
}

/// How one of the two tasks of `SiteBuilder.build(...whileWriting:)` ended.
private enum WriteOutcome<Value: Sendable>: Sendable {
    case written((any Error)?)
    case worked(Result<Value, any Error>)
}
