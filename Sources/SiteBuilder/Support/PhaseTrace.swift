import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Phase times for `BLOGCTL_TRACE=1`: each `phase(_:)` prints the time since the previous one,
/// and the CPU time the whole process used meanwhile (user + system), which other programs on a
/// busy machine inflate far less than wall time.
public final class PhaseTrace: @unchecked Sendable {
    /// Whether `BLOGCTL_TRACE` is set: the one switch for every trace line of a build.
    public static let isEnabled = ProcessInfo.processInfo.environment["BLOGCTL_TRACE"] != nil

    private let prefix: String
    private var start = ContinuousClock.now
    private var startCPU = PhaseTrace.processCPUSeconds()

    /// A trace whose lines start with `prefix`; times count from now.
    public init(_ prefix: String = "") { self.prefix = prefix }

    /// Prints `name` with the wall and CPU time since the previous phase (or since `init`).
    public func phase(_ name: String) {
        guard Self.isEnabled else { return }
        let cpu = Self.processCPUSeconds()
        let line = "  \(prefix)\(name): \(ContinuousClock.now - start) (cpu \(String(format: "%.3f", cpu - startCPU)) s)\n"
        FileHandle.standardError.write(Data(line.utf8))
        start = ContinuousClock.now
        startCPU = cpu
    }

    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if canImport(Glibc)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
        #else
        let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
