/// How much of the DAG at the end of a content path a trustless gateway's CAR holds (`dag-scope`).
public enum DAGScope: String, Sendable, CaseIterable {
    /// Everything below the terminal, recursively.
    case all
    /// What it takes to read the terminal: a whole file, a directory's own blocks (HAMT shards included), one block of anything else.
    case entity
    /// The terminal's block alone.
    case block
}

/// A CAR of a content path, made one piece at a time in the order a trustless gateway sends it: the header (rooted
/// at `path.root`), the blocks from the root to the terminal, then the terminal's DAG as far as the scope goes.
/// Pull-based, so a server writes each block before reading the next.
public struct CARPathStream: Sendable {
    private enum Phase: Sendable {
        case header
        case path(index: Int)
        case walk(stack: [(cid: CID, parent: CID?)])
        case range(FileRangeReader)
        case done
    }

    private let path: ResolvedPath
    private let scope: DAGScope
    private let reader: UnixFSReader
    private let duplicates: Bool
    private let entityBytes: Range<UInt64>?
    private var phase = Phase.header
    private var sent = Set<CID>()

    /// `entityBytes` (with `.entity` on a file) keeps only the file blocks that hold that byte range. With
    /// `duplicates` a block is sent each time the walk meets it (`dups=y`), else once; identity CIDs never are.
    public init(path: ResolvedPath, scope: DAGScope, entityBytes: Range<UInt64>? = nil, duplicates: Bool = false, from store: any BlockStore) {
        self.path = path
        self.scope = scope
        self.entityBytes = entityBytes
        self.duplicates = duplicates
        reader = UnixFSReader(store: store)
    }

    /// The next bytes of the CAR: the header, then one section (length, CID, block) at a time; nil at the end.
    /// Throws `CARError` for a missing or undecodable block (the CAR is then incomplete).
    public mutating func next() throws(CARError) -> [UInt8]? {
        while true {
            switch phase {
            case .header:
                phase = .path(index: 0)
                let header = CARHeader(roots: [path.root]).encoded()
                return Varint.encode(UInt64(header.count)) + header
            case .path(let index):
                if index < path.blocks.count - 1 {
                    phase = .path(index: index + 1)
                    let cid = path.blocks[index]
                    if let section = try section(cid, try load(cid, linkedFrom: nil)) { return section }
                } else {
                    phase = terminalPhase()
                }
            case .walk(var stack):
                guard let (cid, parent) = stack.popLast() else {
                    phase = .done
                    continue
                }
                if !duplicates && sent.contains(cid) {
                    phase = .walk(stack: stack)
                    continue
                }
                let data = try load(cid, linkedFrom: parent)
                for link in try links(of: cid, data).reversed() where duplicates || !sent.contains(link) { stack.append((link, cid)) }
                phase = .walk(stack: stack)
                if let section = try section(cid, data) { return section }
            case .range(var pieces):
                let piece: FileRangeReader.Piece?
                do { piece = try pieces.next() } catch { throw Self.failure(error) }
                guard let piece else {
                    phase = .done
                    continue
                }
                phase = .range(pieces)
                if let section = try section(piece.cid, piece.block) { return section }
            case .done:
                return nil
            }
        }
    }

    private func terminalPhase() -> Phase {
        let terminal = path.terminal
        if scope == .entity, case .file = terminal.kind, let entityBytes {
            return .range(FileRangeReader(reader: reader, file: terminal.cid, range: entityBytes, path: terminal.path))
        }
        return .walk(stack: [(terminal.cid, nil)])
    }

    /// The links the walk follows from `cid`: none for `.block` and for leaves of an entity; a HAMT entity follows
    /// only its shards (links named by a bare bucket label); a file entity and `.all` follow everything.
    private func links(of cid: CID, _ data: [UInt8]) throws(CARError) -> [CID] {
        if scope == .block { return [] }
        do {
            guard cid.codec == CID.dagPB else { return scope == .all ? try BlockLinks.links(of: cid, data: data) : [] }
            let node = try PBNode(decoding: data)
            guard scope == .entity else { return node.links.map(\.cid) }
            let unixfs = try node.data.map { try UnixFSData(decoding: $0) }
            switch unixfs?.kind {
            case .file, .raw: return node.links.map(\.cid)
            case .hamtShard:
                let digits = String((unixfs?.fanout ?? 256) - 1, radix: 16).count
                return node.links.filter { $0.name.utf8.count == digits }.map(\.cid)
            default: return []
            }
        } catch {
            throw .undecodableBlock(path: Self.name, cid: cid, reason: "\(error)")
        }
    }

    /// A CAR section for the block, or nil when it is not to be sent (identity CID, or already sent without `duplicates`).
    private mutating func section(_ cid: CID, _ data: [UInt8]) throws(CARError) -> [UInt8]? {
        guard BlockLinks.inlineData(of: cid) == nil, duplicates || sent.insert(cid).inserted else { return nil }
        return Varint.encode(UInt64(cid.bytes.count + data.count)) + cid.bytes + data
    }

    private func load(_ cid: CID, linkedFrom parent: CID?) throws(CARError) -> [UInt8] {
        if let inline = BlockLinks.inlineData(of: cid) { return inline }
        let stored: [UInt8]?
        do { stored = try reader.store.get(cid) } catch { throw .storeFailed(path: Self.name, reason: "\(error)") }
        guard let stored else { throw .missingBlock(path: Self.name, cid: cid, linkedFrom: parent) }
        return stored
    }

    private static func failure(_ error: UnixFSError) -> CARError {
        switch error {
        case .missingBlock(let cid, _): .missingBlock(path: name, cid: cid, linkedFrom: nil)
        default: .storeFailed(path: name, reason: error.description)
        }
    }

    /// Names the stream in errors.
    private static let name = "the CAR stream"
}

extension CARWriter {
    /// Streams a CAR of a content path to `emit` (see `CARPathStream`); throws `CARError` and what `emit` throws.
    public static func stream(path: ResolvedPath, scope: DAGScope, entityBytes: Range<UInt64>? = nil, duplicates: Bool = false,
                              from store: any BlockStore, emit: ([UInt8]) throws -> Void) throws {
        var car = CARPathStream(path: path, scope: scope, entityBytes: entityBytes, duplicates: duplicates, from: store)
        while let bytes = try car.next() { try emit(bytes) }
    }
}
