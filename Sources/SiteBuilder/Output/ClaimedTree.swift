import Foundation

/// The folder a build writes its output into before swapping it in (see `SiteWriter.claim`):
/// the recycled previous output or, when there is none, a folder still to be made.
final class ClaimedTree: Sendable {
    /// The output folder, and the names this build uses beside it.
    let target: String
    let temporary: String
    let old: String
    let recycle: String
    /// Whether `temporary` holds a previous output to rewrite in place.
    let reusing: Bool
    let lock: SiteWriter.OwnerLock?

    init(target: String, temporary: String, old: String, recycle: String, reusing: Bool, lock: SiteWriter.OwnerLock?) {
        self.target = target
        self.temporary = temporary
        self.old = old
        self.recycle = recycle
        self.reusing = reusing
        self.lock = lock
    }

    /// The claimed folder's identity (device and inode stay the same through renames), nil when
    /// nothing was claimed.
    var identity: FileIdentity? { reusing ? FileIdentity(path: temporary) : nil }

    /// Gives the tree back unwritten (the build failed before writing): it stays the next
    /// build's recycled tree.
    func giveBack() {
        if reusing, rename(temporary, recycle) != 0 { try? FileManager.default.removeItem(atPath: temporary) }
        lock?.release()
    }
}
