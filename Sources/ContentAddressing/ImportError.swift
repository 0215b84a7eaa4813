import Foundation

/// Why a UnixFS import failed; every case names the path or value to fix.
public enum ImportError: Error, Equatable, CustomStringConvertible {
    /// No file or directory at the path.
    case notFound(path: String)
    /// The path exists but could not be opened or read (the system's reason).
    case unreadable(path: String, reason: String)
    /// A FIFO, socket or device file: UnixFS has no node for it.
    case unsupportedFileType(path: String, kind: String)
    /// A file was expected but the path is something else (e.g. a directory).
    case notAFile(path: String, kind: String)
    /// A name that is not valid UTF-8 cannot be written as a DAG-PB link name.
    case nameNotUTF8(path: String)
    /// The file's length changed while it was being read.
    case changedWhileReading(path: String)
    /// Two entries of one directory share a name.
    case duplicateName(String, directory: String)
    /// A path in an in-memory tree that cannot name an entry.
    case invalidTreePath(String, reason: String)
    /// A profile name blogctl does not know.
    case unknownProfile(String, valid: [String])
    /// The block store refused a block.
    case blockStore(reason: String)
    /// Two names in one HAMT shard hash identically in all 64 bits.
    case hashCollision(String, String)
    /// The importing task was cancelled.
    case cancelled

    public var description: String {
        switch self {
        case .notFound(let path): "\(path): no such file or directory"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .unsupportedFileType(let path, let kind): "\(path): is a \(kind); only regular files, directories and symlinks can be packed"
        case .notAFile(let path, let kind): "\(path): is a \(kind), expected a regular file"
        case .nameNotUTF8(let path): "\(path): name is not valid UTF-8"
        case .changedWhileReading(let path): "\(path): file changed size while it was being packed"
        case .duplicateName(let name, let dir): "\(dir.isEmpty ? "." : dir): two entries named '\(name)'"
        case .invalidTreePath(let path, let reason): "invalid tree path '\(path)': \(reason)"
        case .unknownProfile(let name, let valid): "unknown import profile '\(name)' (valid: \(valid.joined(separator: ", ")))"
        case .blockStore(let reason): "block store: \(reason)"
        case .hashCollision(let a, let b): "HAMT hash collision between '\(a)' and '\(b)'"
        case .cancelled: "import cancelled"
        }
    }

    /// The error for a failed system call on `path`.
    static func system(_ code: Int32, path: String) -> ImportError {
        code == ENOENT || code == ENOTDIR
            ? .notFound(path: path)
            : .unreadable(path: path, reason: String(cString: strerror(code)))
    }
}
