import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process that made a temporary output folder, written into the folder's name: its id and,
/// where the system says, its start time, so a folder left by a build that died (or whose id was
/// since given to another process) can be told apart from one a running build is filling.
struct BuildOwner: Equatable, Sendable {
    var pid: Int32
    /// Clock ticks since boot when the process started; 0 where unknown.
    var started: UInt64

    static let current = BuildOwner(pid: getpid(), started: startTime(of: getpid()) ?? 0)

    /// `<pid>-<start>`, as it appears in folder names.
    var tag: String { "\(pid)-\(started)" }

    /// Reads a `tag` from the start of `text` (`<pid>-<start>-...`).
    init?(tagPrefixOf text: Substring) {
        let parts = text.split(separator: "-", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let pid = Int32(parts[0]), pid > 0, let started = UInt64(parts[1]) else { return nil }
        self.init(pid: pid, started: started)
    }

    init(pid: Int32, started: UInt64) {
        self.pid = pid
        self.started = started
    }

    /// False only when the process is certainly gone: no such id, or the id now belongs to a
    /// process started at another time. A process of another user counts as alive.
    var isAlive: Bool {
        if kill(pid, 0) != 0, errno == ESRCH { return false }
        if started != 0, let now = Self.startTime(of: pid), now != started { return false }
        return true
    }

    /// Field 22 of `/proc/<pid>/stat` (Linux); nil elsewhere or when unreadable.
    static func startTime(of pid: Int32) -> UInt64? {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/stat") else { return nil }
        // The command name (field 2) is in parentheses and may hold spaces: count from after it.
        guard let close = data.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = data[(close + 1)...].split(separator: UInt8(ascii: " "))
        guard fields.count > 19 else { return nil }
        return UInt64(String(decoding: fields[19], as: UTF8.self))
    }
}
