import Foundation

/// Switches for one build.
public struct BuildOptions: Sendable, Equatable {
    /// Include posts and pages with `draft: true`.
    public var includeDrafts: Bool
    /// Include posts dated after `now`.
    public var includeFuture: Bool
    /// The moment that decides which posts are in the future (injectable for tests).
    public var now: Date
    /// Where parsed documents and, for builds with `OutputNotes`, output manifests are kept
    /// between builds (`SiteBuilder.cacheDirectory(for:)`); nil: no cache.
    public var cacheDirectory: URL?
    /// For a command that exits right after the build: `SiteBuilder.build` leaves the site it
    /// held in memory (a tenth of a second of freeing for 10,000 posts) to the process exit.
    public var leavesMemoryToExit: Bool

    /// Options for a build; the defaults build the published posts as of now, without a cache.
    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date(), cacheDirectory: URL? = nil,
        leavesMemoryToExit: Bool = false)
    {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.cacheDirectory = cacheDirectory
        self.leavesMemoryToExit = leavesMemoryToExit
    }
}
