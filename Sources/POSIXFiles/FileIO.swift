import Foundation

/// The OS's words for an `errno` value.
public func systemErrorMessage(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

/// A failed file operation, with the OS's reason.
public struct FileIOError: Error, CustomStringConvertible {
    public let path: String
    public let reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The failure of `what` on `path`, with the reason `errno` gives.
    public static func errno(_ path: String, _ what: String) -> FileIOError {
        FileIOError(path: path, reason: "\(what): \(systemErrorMessage())")
    }
}

/// A file opened for positional reads: `pread` keeps no cursor, so one instance serves many threads.
public final class ReadOnlyFile: Sendable {
    public let path: String
    public let size: UInt64
    private let fd: Int32

    /// Opens `path` for reading.
    public init(path: String) throws(FileIOError) {
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
    public func read(at offset: UInt64, count: Int) throws(FileIOError) -> [UInt8] {
        try readFully(fd, at: offset, count: count, path: path)
    }

    /// Fills `buffer` from `offset` (fewer bytes only at the end of the file); returns how many were read.
    public func read(at offset: UInt64, into buffer: UnsafeMutableRawBufferPointer) throws(FileIOError) -> Int {
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
public func readFully(_ fd: Int32, at offset: UInt64, count: Int, path: String) throws(FileIOError) -> [UInt8] {
    var failure: Int32 = 0
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        initialized = readFully(fd, into: UnsafeMutableRawBufferPointer(buffer), at: offset)
        if initialized < 0 {
            failure = errno
            initialized = 0
        }
    }
    guard failure == 0 else { throw FileIOError(path: path, reason: systemErrorMessage(failure)) }
    return bytes
}

/// Fills `buffer` from `fd` at `offset`, retrying short reads; the count read (less only at the
/// end of the file), or -1 with `errno` set.
public func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) -> Int {
    var done = 0
    while done < buffer.count {
        let n = pread(fd, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
        if n < 0 {
            if errno == EINTR { continue }
            return -1
        }
        if n == 0 { break }
        done += n
    }
    return done
}

/// Writes all of `raw` at `offset` (default: where the file's offset is), retrying short writes;
/// false on failure, with `errno` set.
public func writeFully(_ fd: Int32, _ raw: UnsafeRawBufferPointer, at offset: UInt64? = nil) -> Bool {
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
public final class BufferedFileWriter {
    public let path: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private let capacity = 1 << 20
    public private(set) var bytesWritten: UInt64 = 0

    /// Creates `path`, which must not exist yet (and is never reached through a symlink).
    public init(creating path: String, mode: mode_t = 0o644) throws(FileIOError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .errno(path, "cannot create") }
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(capacity)
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Appends `bytes`.
    public func write(_ bytes: [UInt8]) throws(FileIOError) {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            guard bytes.withUnsafeBytes(writeAll) else { throw .errno(path, "cannot write") }
        } else {
            buffer.append(contentsOf: bytes)
        }
        bytesWritten += UInt64(bytes.count)
    }

    /// Writes out what the buffer holds.
    public func flush() throws(FileIOError) {
        guard !buffer.isEmpty else { return }
        guard buffer.withUnsafeBytes(writeAll) else { throw .errno(path, "cannot write") }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ raw: UnsafeRawBufferPointer) -> Bool { writeFully(fd, raw) }

    /// Flushes, syncs to disk unless told not to (many small files would pay a sync each), and closes.
    public func finish(sync: Bool = true) throws(FileIOError) {
        try flush()
        if sync { guard fsync(fd) == 0 else { throw .errno(path, "cannot sync") } }
        let closing = fd
        fd = -1
        guard close(closing) == 0 else { throw .errno(path, "cannot close") }
    }
}

