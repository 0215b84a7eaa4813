import Foundation

/// Switches for one build.
public struct BuildOptions: Sendable, Equatable {
    /// Include posts and pages with `draft: true`.
    public var includeDrafts: Bool
    /// Include posts dated after `now`.
    public var includeFuture: Bool
    /// The moment that decides which posts are in the future (injectable for tests).
    public var now: Date

    public init(includeDrafts: Bool = false, includeFuture: Bool = false, now: Date = Date()) {
        self.includeDrafts = includeDrafts
        self.includeFuture = includeFuture
        self.now = now
    }
}
