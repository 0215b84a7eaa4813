import Foundation
import Synchronization
@testable import Preview
#if canImport(Glibc)
import Glibc
#endif

/// A site folder in the temporary directory, changed with the system calls editors make, and the
/// batches a `SourceWatcher` on it reports.
final class WatchedFolder: Sendable {
    let root: URL
    let watcher: SourceWatcher
    /// What came (kept apart from `self`, whose release stops the watcher).
    private final class Batches: Sendable {
        let list = Mutex<[[String]]>([])
    }
    private let batches = Batches()
    private let taken = Mutex(0)

    /// A site with `site.yml`, `content/posts/first.md` and what `before` adds, watched from then
    /// on; quiet periods long enough that one test's burst of system calls is one batch on a loaded machine.
    init(quiet: Duration = .milliseconds(150), longest: Duration = .seconds(3), before: (URL) throws -> Void = { _ in }) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-watch-\(UUID().uuidString)")
        for folder in ["content/posts", "static/img", "templates"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("title: Watched\n".utf8).write(to: root.appendingPathComponent("site.yml"))
        try Data("---\ntitle: First\n---\nHello\n".utf8).write(to: root.appendingPathComponent("content/posts/first.md"))
        try before(root)
        watcher = try SourceWatcher(root: root, quiet: quiet, longest: longest)
    }

    deinit {
        watcher.stop()
        try? FileManager.default.removeItem(at: root)
    }

    /// Starts reading the watcher's batches.
    func start() {
        let stream = watcher.changes()
        Task { [batches] in
            for await batch in stream { batches.list.withLock { $0.append(batch) } }
        }
    }

    /// How many batches have come so far, taken or not.
    var received: Int { batches.list.withLock { $0.count } }

    /// The next batch not yet taken; nil when none came within `timeout`. The timeout only stops a
    /// hang: in a full test run the tasks that collect batches can wait for the cooperative pool
    /// for many seconds, so it is generous and the batches are looked at once more after it.
    func nextBatch(timeout: Duration = .seconds(90)) async throws -> [String]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let index = taken.withLock { $0 }
            if let batch = batches.list.withLock({ $0.count > index ? $0[index] : nil }) {
                taken.withLock { $0 += 1 }
                return batch
            }
            if ContinuousClock.now >= deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// open(O_CREAT|O_TRUNC), write, close: one CLOSE_WRITE (and a CREATE for a new file).
    func write(_ path: String, _ text: String = "text \(UUID().uuidString)\n") throws {
        try Self.write(at: url(path), text)
    }

    /// `write` of a file anywhere.
    static func write(at url: URL, _ text: String = "text \(UUID().uuidString)\n") throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        let written = text.utf8CString.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        guard written == text.utf8.count else { throw POSIXError(.EIO) }
    }

    func rename(_ from: String, _ to: String) throws {
        guard Glibc.rename(url(from).path, url(to).path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    func delete(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }

    func makeFolder(_ path: String) throws {
        try FileManager.default.createDirectory(at: url(path), withIntermediateDirectories: true)
    }

    func chmod(_ path: String, _ mode: mode_t) throws {
        guard Glibc.chmod(url(path).path, mode) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
