import ContentAddressing
import Synchronization

/// Content that is replaced as a whole (the preview's current build): `publish` swaps in a new snapshot
/// atomically, requests already under way finish on the one they started with.
public final class LiveContent: GatewayContent {
    private let current: Mutex<ContentSnapshot>

    /// Starts with `initial`, e.g. an empty store until the first build is done.
    public init(_ initial: ContentSnapshot) {
        current = Mutex(initial)
    }

    public func snapshot() -> ContentSnapshot { current.withLock { $0 } }

    /// Serves `blocks` with `siteRoot` at `/` from now on.
    public func publish(blocks: any BlockStore, siteRoot: CID) {
        current.withLock { $0 = ContentSnapshot(blocks: blocks, roots: [siteRoot], siteRoot: siteRoot) }
    }
}
