import Foundation

/// One item of a UnixFS tree.
public struct UnixFSEntry: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case file(size: UInt64)
        case directory
        case symlink(target: String)
        /// A block of another codec (e.g. dag-cbor) linked from a directory: listed, but not UnixFS.
        case other(codec: UInt64)
    }

    /// Relative to the root, `/`-separated; "" for the root itself.
    public let path: String
    public let cid: CID
    public let kind: Kind
}

/// Reads UnixFS trees from any block store: listing (plain and HAMT-sharded directories), file content, symlinks.
public struct UnixFSReader: Sendable {
    public let store: any BlockStore
    /// Directories nested deeper than this are refused instead of exhausting the stack.
    static let maxDepth = 512

    public init(store: any BlockStore) {
        self.store = store
    }

    /// Every entry under `root` (not the root itself), depth-first, names in byte order within each directory;
    /// a root that is a file or symlink yields just itself with path "".
    public func list(root: CID) throws(UnixFSError) -> [UnixFSEntry] {
        var entries: [UnixFSEntry] = []
        try walk(root: root) { (entry) throws(UnixFSError) in entries.append(entry) }
        return entries
    }

    /// Calls `visit` for every entry under `root` in `list` order; a directory comes before its contents.
    public func walk(root: CID, _ visit: (UnixFSEntry) throws(UnixFSError) -> Void) throws(UnixFSError) {
        let top = try entry(root, path: "")
        guard top.kind == .directory else { return try visit(top) }
        try walkDirectory(top, depth: 0, visit)
    }

    private func walkDirectory(_ dir: UnixFSEntry, depth: Int, _ visit: (UnixFSEntry) throws(UnixFSError) -> Void) throws(UnixFSError) {
        guard depth < UnixFSReader.maxDepth else { throw .tooDeep(path: dir.path) }
        for (name, cid) in try directoryEntries(dir.cid, path: dir.path) {
            let child = try entry(cid, path: dir.path.isEmpty ? name : dir.path + "/" + name)
            try visit(child)
            if child.kind == .directory { try walkDirectory(child, depth: depth + 1, visit) }
        }
    }

    /// What the block `cid` is: a file (with its size), a directory or a symlink (with its target).
    public func entry(_ cid: CID, path: String) throws(UnixFSError) -> UnixFSEntry {
        guard cid.codec == CID.dagPB || cid.codec == CID.raw else { return UnixFSEntry(path: path, cid: cid, kind: .other(codec: cid.codec)) }
        let data = try load(cid, path: path)
        if cid.codec == CID.raw { return UnixFSEntry(path: path, cid: cid, kind: .file(size: UInt64(data.count))) }
        let (_, unixfs) = try decode(cid, data, path: path)
        switch unixfs.kind {
        case .file, .raw:
            let size = unixfs.fileSize ?? (UInt64(unixfs.data?.count ?? 0) + unixfs.blockSizes.reduce(0, &+))
            return UnixFSEntry(path: path, cid: cid, kind: .file(size: size))
        case .directory, .hamtShard:
            return UnixFSEntry(path: path, cid: cid, kind: .directory)
        case .symlink:
            guard let target = String(validating: unixfs.data ?? [], as: UTF8.self) else {
                throw .malformedNode(cid, path: path, reason: "symlink target is not UTF-8")
            }
            return UnixFSEntry(path: path, cid: cid, kind: .symlink(target: target))
        case .metadata:
            throw .malformedNode(cid, path: path, reason: "UnixFS metadata nodes are not supported")
        }
    }

    /// A directory's entries sorted by name bytes; HAMT shards are flattened. Names are checked to be safe.
    public func directoryEntries(_ cid: CID, path: String) throws(UnixFSError) -> [(name: String, cid: CID)] {
        var found: [(name: String, cid: CID)] = []
        try collectEntries(cid, path: path, shardDepth: 0, into: &found)
        found.sort { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        for (i, item) in found.enumerated() {
            guard UnixFSReader.isSafeName(item.name) else { throw .unsafeName(item.name, directory: path) }
            if i > 0, found[i - 1].name == item.name {
                throw .duplicateName(path: path.isEmpty ? item.name : path + "/" + item.name)
            }
        }
        return found
    }

    private func collectEntries(_ cid: CID, path: String, shardDepth: Int, into found: inout [(name: String, cid: CID)]) throws(UnixFSError) {
        let (node, unixfs) = try decode(cid, try load(cid, path: path), path: path)
        switch unixfs.kind {
        case .directory where shardDepth == 0:
            found += node.links.map { ($0.name, $0.cid) }
        case .hamtShard:
            // Link names start with the bucket index in hex, as many digits as fanout-1 takes: 2 for 256.
            guard let fanout = unixfs.fanout, fanout >= 2, fanout <= 1 << 16, fanout & (fanout - 1) == 0 else {
                throw .malformedNode(cid, path: path, reason: "HAMT shard without a power-of-two fanout")
            }
            guard shardDepth < 64 else { throw .tooDeep(path: path) }
            let digits = String(fanout - 1, radix: 16).count
            for link in node.links {
                let name = Array(link.name.utf8)
                guard name.count >= digits, name.prefix(digits).allSatisfy(\.isHexDigit) else {
                    throw .malformedNode(cid, path: path, reason: "HAMT link name \"\(link.name)\" lacks its \(digits)-digit bucket prefix")
                }
                if name.count == digits {
                    try collectEntries(link.cid, path: path, shardDepth: shardDepth + 1, into: &found)
                } else {
                    found.append((String(decoding: name.dropFirst(digits), as: UTF8.self), link.cid))
                }
            }
        default:
            throw .malformedNode(cid, path: path, reason: shardDepth == 0 ? "not a directory" : "HAMT child is not a shard")
        }
    }

    /// Streams a file's content to `sink` in order: a node's own data, then its children's.
    /// Throws `UnixFSError`, or what `sink` throws.
    public func readFile(_ cid: CID, path: String = "", to sink: ([UInt8]) throws -> Void) throws {
        var declared: UInt64?
        var total: UInt64 = 0
        var stack = [cid]
        while let next = stack.popLast() {
            let data = try load(next, path: path)
            if next.codec == CID.raw {
                if next == cid { declared = UInt64(data.count) }
                try sink(data)
                total += UInt64(data.count)
                continue
            }
            let (node, unixfs) = try decode(next, data, path: path)
            guard unixfs.kind == .file || unixfs.kind == .raw else {
                throw UnixFSError.malformedNode(next, path: path, reason: "a file links to a \(unixfs.kind) node")
            }
            if next == cid { declared = unixfs.fileSize }
            if let chunk = unixfs.data, !chunk.isEmpty {
                try sink(chunk)
                total += UInt64(chunk.count)
            }
            stack += node.links.reversed().map(\.cid)
        }
        if let declared, declared != total {
            throw UnixFSError.malformedNode(cid, path: path, reason: "holds \(total) bytes but declares \(declared)")
        }
    }

    /// A whole file's content (for small files; stream big ones with `readFile`).
    public func fileContents(_ cid: CID, path: String = "") throws(UnixFSError) -> [UInt8] {
        var out: [UInt8] = []
        do { try readFile(cid, path: path) { out += $0 } } catch let error as UnixFSError { throw error } catch {
            throw .malformedNode(cid, path: path, reason: "\(error)")
        }
        return out
    }

    /// The block's bytes (identity CIDs carry theirs inline); throws `.missingBlock` when the store lacks it.
    public func load(_ cid: CID, path: String) throws(UnixFSError) -> [UInt8] {
        if let inline = BlockLinks.inlineData(of: cid) { return inline }
        let data: [UInt8]?
        do { data = try store.get(cid) } catch { throw .storeFailed(cid, reason: "\(error)") }
        guard let data else { throw .missingBlock(cid, path: path) }
        return data
    }

    func decode(_ cid: CID, _ data: [UInt8], path: String) throws(UnixFSError) -> (PBNode, UnixFSData) {
        guard cid.codec == CID.dagPB else {
            throw .malformedNode(cid, path: path, reason: "codec 0x\(String(cid.codec, radix: 16)) is not dag-pb")
        }
        do {
            let node = try PBNode(decoding: data)
            guard let payload = node.data else { throw DAGPBError.malformed("dag-pb node without UnixFS data") }
            return (node, try UnixFSData(decoding: payload))
        } catch {
            throw .malformedNode(cid, path: path, reason: "\(error)")
        }
    }

    /// Whether `name` is a single, ordinary path component.
    static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/")) && !name.utf8.contains(0)
    }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
