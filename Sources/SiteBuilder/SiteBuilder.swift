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
        let session = SiteBuildSession(siteDirectory: siteDirectory, options: options)
        let result = try await session.build()
        let output = outputDirectory ?? siteDirectory.appendingPathComponent("public")
        try SiteWriter.write(result.output, to: output, siteDirectory: siteDirectory)
        await session.saveDocumentCache()
        return BuildReport(outputDirectory: output, stats: result.stats, warnings: result.warnings)
    }
}
