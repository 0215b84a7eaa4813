import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SiteWriter {
    /// The part of a temporary folder's name that says which process owns it (`<pid>-<random>`),
    /// so a later build can tell a killed build's leftovers from a build still running.
    static func ownedToken() -> String {
        "\(getpid())-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// Deals with the `.<name>.tmp-<pid>-…` and `.<name>.old-<pid>-…` folders that a build
    /// killed mid-write left in `parentPath` (a process that is gone, not this one): each becomes
    /// the recycled tree when there is none (its contents are corrected like any recycled tree's,
    /// so the output never depends on them), else it is deleted. Without this they piled up,
    /// each a whole copy of the site.
    static func reclaimAbandonedFolders(in parentPath: String, outputName name: String, recycle: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parentPath) else { return }
        for entry in entries.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            guard let prefix = [".\(name).tmp-", ".\(name).old-"].first(where: { entry.hasPrefix($0) }) else { continue }
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid() else { continue }
            // Only a process that no longer exists; a running build (or one we cannot signal) keeps its folder.
            guard kill(pid, 0) != 0, errno == ESRCH else { continue }
            let path = parentPath + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR, !FileManager.default.fileExists(atPath: recycle), rename(path, recycle) == 0 { continue }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
