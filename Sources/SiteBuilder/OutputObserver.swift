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

/// Remembers something of each output file from one build to the next (the packer: the file's
/// UnixFS node), so that a build keeping a file from the previous output (see `OutputManifest`)
/// needs neither its bytes nor to read it back.
public protocol OutputNotes: Sendable {
    /// What to remember of the file at `path`, asked once the build and its work are done; nil: nothing.
    func note(for path: String) -> [UInt8]?
    /// The file at `path` is kept from an earlier output, of which `note` was remembered. False
    /// when the note is of no use: the build then makes the file again and shows it as usual.
    func reuse(_ path: String, note: [UInt8]) -> Bool
}

/// `base`'s notes for a build that must keep no file (see `SiteWriterError.reusedTreeFailed`):
/// it takes no note back, but still saves what `base` remembers of the files it makes.
struct NotesKeepingNothing: OutputNotes {
    let base: OutputNotes

    func note(for path: String) -> [UInt8]? { base.note(for: path) }
    func reuse(_ path: String, note: [UInt8]) -> Bool { false }
}
