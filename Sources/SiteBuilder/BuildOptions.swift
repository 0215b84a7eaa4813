import Foundation

/// Switches for one build.
public struct BuildOptions: Sendable, Equatable {
    /// Include posts and pages with `draft: true`.
    public var includeDrafts: Bool
    /// Include posts dated after `now`.
    public var includeFuture: Bool
    /// The moment that decides which posts are in the future (injectable for tests).
    public var now: Date
    /// Where parsed documents are kept between builds (`SiteBuilder.cacheDirectory(for:)`); nil: no cache.
    public var cacheDirectory: URL?

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date(), cacheDirectory: URL? = nil) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
        self.cacheDirectory = cacheDirectory
    }
}
