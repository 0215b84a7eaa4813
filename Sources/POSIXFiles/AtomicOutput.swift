import Foundation

/// Temp-then-rename: a file appears whole or not at all, and a failure leaves the one it was to
/// replace as it was.
public enum AtomicOutput {
    /// A hidden, unique name beside `url` for the work in progress: `prefix` (default
    /// `.<name>.blogctl-`) and a random number.
    public static func temporarySibling(of url: URL, prefix: String? = nil) -> URL {
        let name = (prefix ?? ".\(url.lastPathComponent).blogctl-") + String(UInt64.random(in: 0...UInt64.max) & 0xffff_ffff_ffff)
        return url.deletingLastPathComponent().appendingPathComponent(name)
    }

    /// Writes `url` through a temporary file beside it (`temporarySibling(of:prefix:)`), then
    /// renames it into place; with `sync`, the file and the rename are on disk when it returns
    /// (a cache may skip that: losing it costs time, never correctness). The temporary file
    /// never outlives an error.
    public static func writeFile<T>(_ url: URL, temporaryPrefix: String? = nil, sync: Bool = true,
        _ body: (BufferedFileWriter) throws -> T) throws -> T
    {
        let temp = temporarySibling(of: url, prefix: temporaryPrefix)
        do {
            let writer = try BufferedFileWriter(creating: temp.path)
            let result = try body(writer)
            try writer.finish(sync: sync)
            try rename(temp, to: url, sync: sync)
            return result
        } catch {
            unlink(temp.path)
            throw error
        }
    }

    /// Replaces `url` with `bytes` as `writeFile` does, making its folder when needed; false when
    /// it could not (for caches, whose failure to save only makes the next run slower).
    @discardableResult
    public static func replace(_ url: URL, with bytes: [UInt8], temporaryPrefix: String, sync: Bool) -> Bool {
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writeFile(url, temporaryPrefix: temporaryPrefix, sync: sync) { try $0.write(bytes) }
            return true
        } catch {
            return false
        }
    }

    /// Renames `from` over `to`; with `sync`, waits until the rename is on disk.
    public static func rename(_ from: URL, to: URL, sync: Bool = true) throws(FileIOError) {
        guard Foundation.rename(from.path, to.path) == 0 else { throw .errno(to.path, "cannot rename into place") }
        guard sync else { return }
        // Persist the rename itself; failure here leaves a complete file, so it is not an error.
        let dir = open(to.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 { fsync(dir); close(dir) }
    }
}
