import Foundation

/// The OS's words for an `errno` value.
func systemErrorMessage(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

/// A failed file operation, with the OS's reason.
struct FileIOError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): \(reason)" }

    static func errno(_ path: String, _ what: String) -> FileIOError {
        FileIOError(path: path, reason: "\(what): \(systemErrorMessage())")
    }
}

/// A file opened for positional reads: `pread` keeps no cursor, so one instance serves many threads.
final class ReadOnlyFile: Sendable {
    let path: String
    let size: UInt64
    private let fd: Int32

    init(path: String) throws(FileIOError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .errno(path, "cannot open") }
        let end = lseek(fd, 0, SEEK_END)
        guard end >= 0 else {
            let error = FileIOError.errno(path, "cannot seek")
            close(fd)
            throw error
        }
        self.fd = fd
        self.path = path
        self.size = UInt64(end)
    }

    deinit { close(fd) }

    /// Up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(at offset: UInt64, count: Int) throws(FileIOError) -> [UInt8] {
        try readFully(fd, at: offset, count: count, path: path)
    }

    /// Fills `buffer` from `offset` (fewer bytes only at the end of the file); returns how many were read.
    func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(FileIOError) -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .errno(path, "cannot read")
            }
            if n == 0 { break }
            done += n
        }
        return done
    }
}

/// Up to `count` bytes of `fd` at `offset` (fewer only at end of file), retrying short reads.
func readFully(_ fd: Int32, at offset: UInt64, count: Int, path: String) throws(FileIOError) -> [UInt8] {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        var done = 0
        while done < count {
            let n = pread(fd, buffer.baseAddress! + done, count - done, off_t(offset) + off_t(done))
            if n < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if n == 0 { break }
            done += n
        }
        initialized = done
    }
    guard failure == 0 else { throw FileIOError(path: path, reason: systemErrorMessage(failure)) }
    return bytes
}

/// Writes all of `raw` at `offset`, retrying short writes; false on failure, with `errno` set.
func writeFully(_ fd: Int32, _ raw: UnsafeRawBufferPointer, at offset: UInt64? = nil) -> Bool {
    var done = 0
    while done < raw.count {
        let n = if let offset {
            pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
        } else {
            Foundation.write(fd, raw.baseAddress! + done, raw.count - done)
        }
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        done += n
    }
    return true
}

/// Writes a new file through a buffer, so many small blocks cost few system calls.
final class BufferedFileWriter {
    let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    private(set) var bytesWritten: UInt64 = 0

    /// Creates `path`, which must not exist yet (and is never reached through a symlink).
    init(creating path: String, mode: mode_t = 0o644) throws(FileIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .errno(path, "cannot create") }
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(capacity)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ bytes: [UInt8]) throws(FileIOError) {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            guard bytes.withUnsafeBytes(writeAll) else { throw .errno(path, "cannot write") }
        } else {
            buffer.append(contentsOf: bytes)
        }
        bytesWritten += UInt64(bytes.count)
    }

    func flush() throws(FileIOError) {
        guard !buffer.isEmpty else { return }
        guard buffer.withUnsafeBytes(writeAll) else { throw .errno(path, "cannot write") }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) -> Bool { writeFully(fd, raw) }

    /// Flushes, syncs to disk unless told not to (many small files would pay a sync each), and closes.
    func finish(sync: Bool = true) throws(FileIOError) {
        try flush()
        if sync { guard fsync(fd) == 0 else { throw .errno(path, "cannot sync") } }
        let closing = fd
        fd = -1
        guard close(closing) == 0 else { throw .errno(path, "cannot close") }
    }
}

/// Temp-then-rename helpers: an output appears whole or not at all.
enum AtomicOutput {
    /// A hidden, unique name beside `url` for the work in progress.
    static func temporarySibling(of url: URL) -> URL {
        let name = ".\(url.lastPathComponent).blogctl-\(UInt64.random(in: 0...UInt64.max) & 0xffff_ffff_ffff)"
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Writes `url` through a temp file in the same folder: fsync, then rename; the temp file never outlives an error.
    static func writeFile<T>(_ url: URL, _ body: (BufferedFileWriter) throws -> T) throws -> T {
        let temp = temporarySibling(of: url)
        do {
            let writer = try BufferedFileWriter(creating: temp.path)
            let result = try body(writer)
            try writer.finish()
            try rename(temp, to: url)
            return result
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    static func rename(_ from: URL, to: URL) throws(FileIOError) {
        guard Foundation.rename(from.path, to.path) == 0 else { throw .errno(to.path, "cannot rename into place") }
        // Persist the rename itself; failure here leaves a complete file, so it is not an error.
        let dir = open(to.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }
}
