import Foundation
import Synchronization

/// Sees an output file's bytes the moment a build has produced them: `(output path, bytes)`.
/// Called from any thread, concurrently (pages from the render workers), at most once per path
/// and build. Files the build never holds in memory (copied static files and bundle assets) are
/// not observed: they stay `OutputContent.copy(of:)` in the output, to be streamed from their source.
public typealias OutputObserver = @Sendable (_ path: String, _ bytes: Data) -> Void

/// Passes each path to an observer once and remembers which paths it saw, so that the files a
/// build produced elsewhere can be observed afterwards.
final class ObservedPaths: Sendable {
    private let observer: OutputObserver
    private let seen = Mutex<Set<String>>([])

    init(_ observer: @escaping OutputObserver) {
        self.observer = observer
    }

    func observe(_ path: String, _ bytes: Data) {
        guard seen.withLock({ $0.insert(path).inserted }) else { return }
        observer(path, bytes)
    }

    /// Observes every in-memory file of `output` not observed yet, on all cores.
    func observeRest(of output: SiteOutput) async {
        let done = seen.withLock { $0 }
        let rest = output.files.compactMap { path, content -> (String, Data)? in
            guard !done.contains(path), case .bytes(let data) = content else { return nil }
            return (path, data)
        }
        _ = try? await Parallel.map(rest) { path, data in self.observe(path, data) }
    }
}
