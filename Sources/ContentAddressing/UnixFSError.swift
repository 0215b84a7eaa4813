/// Why a UnixFS tree could not be read or extracted; paths are relative to the root ("" is the root itself).
public enum UnixFSError: Error, Equatable, CustomStringConvertible {
    case missingBlock(CID, path: String)
    /// A path that names nothing: a missing entry, or a step through something that is not a directory.
    case notFound(path: String)
    case malformedNode(CID, path: String, reason: String)
    /// A name that would escape or confuse the folder it is written to: empty, `.`, `..`, or holding `/` or NUL.
    case unsafeName(String, directory: String)
    case duplicateName(path: String)
    case tooDeep(path: String)
    case destinationNotEmpty(path: String)
    case writeFailed(path: String, reason: String)
    /// The block store failed (for a CAR: unreadable or corrupt block).
    case storeFailed(CID, reason: String)

    public var description: String {
        switch self {
        case .missingBlock(let cid, let path): "block \(cid) for \(Self.show(path)) is missing"
        case .notFound(let path): "\(Self.show(path)) does not exist"
        case .malformedNode(let cid, let path, let why): "\(Self.show(path)) (block \(cid)) is not valid UnixFS: \(why)"
        case .unsafeName(let name, let dir): "\(Self.show(dir)) holds an entry with the unsafe name \(Self.quote(name))"
        case .duplicateName(let path): "\(Self.show(path)) appears twice in its directory"
        case .tooDeep(let path): "\(Self.show(path)) is nested too deeply"
        case .destinationNotEmpty(let path): "\(path) exists and is not an empty folder"
        case .writeFailed(let path, let why): "cannot write \(path): \(why)"
        case .storeFailed(let cid, let why): "cannot read block \(cid): \(why)"
        }
    }

    private static func show(_ path: String) -> String { path.isEmpty ? "the root" : quote(path) }

    private static func quote(_ s: String) -> String {
        "'" + s.unicodeScalars.map { $0.value < 0x20 || $0 == "'" ? $0.escaped(asASCII: true) : String($0) }.joined() + "'"
    }
}
