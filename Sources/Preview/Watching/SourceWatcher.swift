import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Watches what a site build reads (`site.yml`, `content/`, `static/`, `templates/`) with
/// inotify, and reports the paths that changed, relative to the site folder, in batches: a batch
/// ends once the folder has been quiet for `quiet` (an editor's save is several events: a swap
/// file, a rename, a chmod), or `longest` after it began. Folders made later are watched too.
/// Files that came and went within one batch (an editor's temporary files) are left out; a
/// folder that came, went or moved is reported as itself (the build then lists the site again).
public final class SourceWatcher: Sendable {
    /// The folders and file the build reads, at the top of the site folder.
    static let watchedNames: Set<String> = ["site.yml", "content", "static", "templates"]

    private let root: String
    private let descriptor: Int32
    /// Written to by `stop` to wake the reading thread.
    private let wake: (read: Int32, write: Int32)
    /// inotify watch descriptors -> folder, relative to the root ("" for the root).
    private let folders = Mutex<[Int32: String]>([:])
    private let quiet: Duration
    private let longest: Duration

    /// A watcher of the site folder at `root`; nothing is reported before `changes()` is iterated.
    public init(root: URL, quiet: Duration = .milliseconds(30), longest: Duration = .milliseconds(400)) throws {
        self.root = root.standardizedFileURL.path
        self.quiet = quiet
        self.longest = longest
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { throw WatchError(path: root.path, errno: errno) }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw WatchError(path: root.path, errno: errno) }
        wake = (pipeEnds[0], pipeEnds[1])
        guard isFolder("") else { throw WatchError(path: root.path, reason: exists("") ? "not a folder" : "no such folder") }
        try watch("", recursive: false)
        try watchSourceFolders()
    }

    deinit {
        close(descriptor)
        close(wake.read)
        close(wake.write)
    }

    /// Batches of changed paths, until `stop()`.
    public func changes() -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let thread = Thread { [self] in
                while let batch = nextBatch() {
                    if !batch.isEmpty { continuation.yield(batch) }
                }
                continuation.finish()
            }
            thread.name = "blogctl source watcher"
            thread.start()
        }
    }

    /// Ends the stream of `changes()`.
    public func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    /// The next batch; nil once stopped.
    private func nextBatch() -> [String]? {
        var batch = WatchBatch()
        var started: ContinuousClock.Instant?
        while true {
            let timeout: Int32
            if let started {
                let left = min(quiet, longest - (ContinuousClock.now - started))
                if left <= .zero { return batch.paths(existing: exists) }
                timeout = Int32(max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))
            } else {
                timeout = -1
            }
            var polled = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&polled, 2, timeout)
            if ready < 0, errno == EINTR { continue }
            if polled[1].revents != 0 || ready < 0 { return nil }
            if ready == 0 { return batch.paths(existing: exists) }
            started = started ?? ContinuousClock.now
            readEvents(into: &batch)
        }
    }

    /// Reads what inotify has and adds it to `batch`, watching folders that appeared.
    private func readEvents(into batch: inout WatchBatch) {
        let size = 64 << 10
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
        defer { buffer.deallocate() }
        let count = read(descriptor, buffer, size)
        guard count > 0 else { return }
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= count {
            let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = buffer + offset + MemoryLayout<inotify_event>.size
            let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
            offset += MemoryLayout<inotify_event>.size + Int(event.len)
            handle(event, name: name, into: &batch)
        }
    }

    private func handle(_ event: inotify_event, name: String, into batch: inout WatchBatch) {
        let mask = event.mask
        if mask & UInt32(IN_IGNORED) != 0 {
            folders.withLock { $0[event.wd] = nil }
            return
        }
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost, folders made meanwhile among them: watch every folder there is
            // now and have the build list the whole site again.
            try? watchSourceFolders()
            batch.note(".", folder: true, appeared: true)
            return
        }
        guard let folder = folders.withLock({ $0[event.wd] }), !name.isEmpty else { return }
        if folder.isEmpty, !Self.watchedNames.contains(name) { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        let isFolder = mask & UInt32(IN_ISDIR) != 0
        let appeared = mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
        if isFolder, appeared { try? watch(path, recursive: true) }
        // A folder moved elsewhere keeps its watches: what happens to it there is not the site's.
        if isFolder, mask & UInt32(IN_MOVED_FROM) != 0 { unwatch(path) }
        batch.note(path, folder: isFolder, appeared: appeared)
    }

    /// Watches `content/`, `static/` and `templates/` and every folder below them (again: a
    /// folder already watched keeps its watch).
    private func watchSourceFolders() throws {
        for name in Self.watchedNames where isFolder(name) { try watch(name, recursive: true) }
    }

    /// Stops watching the folder at `path` and every folder below it.
    private func unwatch(_ path: String) {
        let below = path + "/"
        let handles = folders.withLock { folders in
            let gone = folders.filter { $0.value == path || $0.value.hasPrefix(below) }.map(\.key)
            for handle in gone { folders[handle] = nil }
            return gone
        }
        for handle in handles { inotify_rm_watch(descriptor, handle) }
    }

    /// Watches the folder at `path` (relative to the root) and, with `recursive`, every folder below it.
    private func watch(_ path: String, recursive: Bool) throws {
        let full = path.isEmpty ? root : root + "/" + path
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_DELETE_SELF)
        let handle = inotify_add_watch(descriptor, full, mask | UInt32(IN_ONLYDIR))
        guard handle >= 0 else {
            // A folder gone again before it could be watched is not an error.
            if errno == ENOENT || errno == ENOTDIR { return }
            throw WatchError(path: full, errno: errno)
        }
        folders.withLock { $0[handle] = path }
        guard recursive, let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
        for name in names where isFolder(path + "/" + name) { try watch(path + "/" + name, recursive: true) }
    }

    private func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(root + "/" + path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(root + "/" + path, &info) == 0
    }
}

/// Why a site folder cannot be watched.
public struct WatchError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// A failed inotify call's error.
    init(path: String, errno code: Int32) {
        let cause = code == ENOSPC ? "too many folders to watch (raise the sysctl fs.inotify.max_user_watches)" : String(cString: strerror(code))
        self.init(path: path, reason: "cannot watch for changes: \(cause)")
    }
}

/// The paths of one batch of events, in the order they first changed.
struct WatchBatch {
    private var order: [String] = []
    private var seen: Set<String> = []
    /// Paths whose first event in the batch made them appear: they were not there before it.
    private var new: Set<String> = []
    private var folders: Set<String> = []

    mutating func note(_ path: String, folder: Bool, appeared: Bool) {
        if seen.insert(path).inserted {
            order.append(path)
            if appeared { new.insert(path) }
        }
        if folder { folders.insert(path) }
    }

    /// The paths to report: without files that were not there before this batch and are gone again.
    func paths(existing: (String) -> Bool) -> [String] {
        order.filter { folders.contains($0) || !new.contains($0) || existing($0) }
    }
}
