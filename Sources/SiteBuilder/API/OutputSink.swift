import Foundation
import Synchronization

/// What sees a build's output as it is made (the packer: it turns each file into its UnixFS node
/// the moment the bytes exist, on the render worker that made them) and remembers something of
/// each file between builds, so that a later build keeping the file in the folder it writes
/// (`OutputManifest`) needs neither its bytes nor to read it back.
public protocol OutputSink: Sendable {
    /// A file's bytes, the moment a render worker has made them: called from any thread,
    /// concurrently, at most once per path and build. Files the build never holds in memory
    /// (copied static files and bundle assets) are not shown: they stay `OutputContent.copy(of:)`,
    /// to be streamed from their source.
    func made(_ path: String, _ bytes: Data)
    /// What to remember of the file at `path`, asked once the build and its work are done; nil: nothing.
    func note(for path: String) -> [UInt8]?
    /// The file at `path` is kept from an earlier output, of which `note` was remembered. False
    /// when the note is of no use: the build then makes the file again and shows it as usual.
    func reuse(_ path: String, note: [UInt8]) -> Bool
}

extension OutputSink {
    public func note(for path: String) -> [UInt8]? { nil }
    public func reuse(_ path: String, note: [UInt8]) -> Bool { false }
}

/// `base` shown each file once, remembering which it saw, so that the files a build made
/// elsewhere can be shown afterwards (`showRest(of:)`); with `keepingNothing`, it takes no note
/// back (see `SiteWriterError.reusedTreeFailed`) but still remembers what `base` does.
final class SinkShowingOnce: OutputSink {
    let base: any OutputSink
    private let keepingNothing: Bool
    private let seen = Mutex<Set<String>>([])

    init(_ base: any OutputSink, keepingNothing: Bool = false) {
        self.base = base
        self.keepingNothing = keepingNothing
    }

    func made(_ path: String, _ bytes: Data) {
        guard seen.withLock({ $0.insert(path).inserted }) else { return }
        base.made(path, bytes)
    }

    func note(for path: String) -> [UInt8]? { base.note(for: path) }
    func reuse(_ path: String, note: [UInt8]) -> Bool { keepingNothing ? false : base.reuse(path, note: note) }

    /// Shows every in-memory file of `output` not shown yet, on all cores.
    func showRest(of output: SiteOutput) async {
        let done = seen.withLock { $0 }
        let rest = output.files.compactMap { path, content -> (String, Data)? in
            guard !done.contains(path), case .bytes(let data) = content else { return nil }
            return (path, data)
        }
        _ = try? await Parallel.map(rest) { path, data in self.made(path, data) }
    }
}
