import ContentAddressing
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

    /// Holds `.<name>.lock-<token>` beside the output for as long as the build writes: a lock the
    /// kernel drops when the process dies, seen by every process on this machine whatever its
    /// PID namespace (a build in another container sharing the folder).
    static func holdLock(parentPath: String, outputName name: String, token: String) -> OwnerLock? {
        let path = parentPath + ".\(name).lock-\(token)"
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX) == 0 else {
            close(descriptor)
            return nil
        }
        return OwnerLock(path: path, descriptor: descriptor)
    }

    /// A held owner lock; `release()` drops and removes it.
    struct OwnerLock {
        let path: String
        let descriptor: Int32

        func release() {
            unlink(path)
            close(descriptor)
        }
    }

    /// Whether the build that made `token` (`<pid>-<random>`) may still be running: its process
    /// exists (or cannot be signalled), or its lock file is held.
    private static func ownerMayBeRunning(pid: pid_t, lockPath: String) -> Bool {
        if kill(pid, 0) == 0 || errno != ESRCH { return true }
        let descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0
    }

    /// Deals with the `.<name>.tmp-<pid>-…` and `.<name>.old-<pid>-…` folders that a build
    /// killed mid-write left in `parentPath` (its process is gone and its lock file is free):
    /// each becomes the recycled tree when there is none (its contents are corrected like any
    /// recycled tree's, so the output never depends on them), else it is deleted, with its lock
    /// file. Without this they piled up, each a whole copy of the site.
    static func reclaimAbandonedFolders(in parentPath: String, outputName name: String, recycle: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parentPath) else { return }
        for entry in entries.sorted(by: { $0.precedesInUTF8($1) }) {
            guard let prefix = [".\(name).tmp-", ".\(name).old-", ".\(name).lock-"].first(where: { entry.hasPrefix($0) }) else { continue }
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0, pid != getpid() else { continue }
            let random = rest[rest.index(after: dash)...].prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) })
            let lockPath = parentPath + ".\(name).lock-\(pid)-\(random)"
            guard !ownerMayBeRunning(pid: pid, lockPath: lockPath) else { continue }
            let path = parentPath + entry
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if prefix != ".\(name).lock-", (info.st_mode & S_IFMT) == S_IFDIR, !FileManager.default.fileExists(atPath: recycle),
                rename(path, recycle) == 0
            {
                continue
            }
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
