import Foundation
import Synchronization

/// What one build's resized copies cost: made with libvips, or taken from the cache. Kept by
/// the site context (not part of any key: it changes no output) and read into `BuildStats`.
final class ImageWork: Sendable {
    /// `.blogctl-cache/images`, when the build has a cache folder.
    let cache: ResizedImageCache?
    private let counts = Mutex((resized: 0, cached: 0))

    init(cacheDirectory: URL?) {
        cache = cacheDirectory.map { ResizedImageCache(directory: $0.appendingPathComponent("images")) }
    }

    var resized: Int { counts.withLock { $0.resized } }
    var cached: Int { counts.withLock { $0.cached } }

    func count(cached: Bool) {
        counts.withLock { if cached { $0.cached += 1 } else { $0.resized += 1 } }
    }
}
