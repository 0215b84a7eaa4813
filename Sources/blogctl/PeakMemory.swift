import Foundation

/// The process's peak resident memory, for `BLOGCTL_TRACE=1`.
enum PeakMemory {
    /// The high-water mark of this process's resident set in bytes (Linux `VmHWM`), nil where
    /// unknown. Unlike `getrusage`, it never includes what a parent held before `exec`.
    static func residentBytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kib = Int(line.dropFirst("VmHWM:".count).trimmingCharacters(in: .whitespaces).dropLast(3).trimmingCharacters(in: .whitespaces))
        else { return nil }
        return kib * 1024
    }
}
