import Foundation

/// Phase times for `BLOGCTL_TRACE=1`: each `phase(_:)` prints the time since the previous one.
final class PhaseTrace: @unchecked Sendable {
    private let prefix: String
    private var start = ContinuousClock.now

    init(_ prefix: String = "") { self.prefix = prefix }

    func phase(_ name: String) {
        guard SiteBuildSession.tracing else { return }
        FileHandle.standardError.write(Data("  \(prefix)\(name): \(ContinuousClock.now - start)\n".utf8))
        start = ContinuousClock.now
    }
}
