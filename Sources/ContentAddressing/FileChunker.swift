/// The fixed-size chunker: cuts a source into `chunkSize` leaves and stores each one.
struct FileChunker: Sendable {
    let profile: ImportProfile
    let sink: BlockSink

    /// Number of leaves a file of `length` bytes has; an empty file still has one (empty) leaf.
    func chunkCount(length: Int) -> Int {
        max(1, (length + profile.chunkSize - 1) / profile.chunkSize)
    }

    /// The leaves for chunks `chunks` of `source`, in order, read one chunk at a time.
    func leaves(of source: ChunkSource, chunks: Range<Int>) throws(ImportError) -> [ImportedNode] {
        try source.withReader { (reader: ChunkReader) throws(ImportError) -> [ImportedNode] in
            var out: [ImportedNode] = []
            out.reserveCapacity(chunks.count)
            for index in chunks {
                let offset = index * profile.chunkSize
                let length = min(profile.chunkSize, source.length - offset)
                let bytes = try UnixFSNodes.leaf(length: length, raw: profile.rawLeaves) { buffer throws(ImportError) in
                    try reader.read(into: buffer, at: offset)
                }
                let cid: CID
                if case .disk(let path, _) = source, profile.rawLeaves, let ranged = sink.store as? any FileRangeBlockStore {
                    // The leaf is the file's bytes themselves: the store keeps where they are.
                    cid = Block(data: bytes, codec: CID.raw, cidVersion: 1).cid
                    do { try ranged.putFileRange(cid, path: path, offset: UInt64(offset), length: length) } catch {
                        throw .blockStore(reason: "\(error)")
                    }
                } else {
                    cid = try sink.putLeaf(bytes)
                }
                out.append(ImportedNode(cid: cid, tsize: UInt64(bytes.count), size: UInt64(length)))
            }
            return out
        }
    }
}

/// The balanced layout: leaves grouped `maxLinks` at a time, level by level, until one root
/// remains. This is the tree kubo's balanced builder grows (all leaves at one depth, the last
/// node of each level possibly partial, a lone leaf being its own root).
struct BalancedLayout: Sendable {
    let profile: ImportProfile
    let sink: BlockSink

    /// The root of a file whose leaves, in order, are `leaves` (at least one).
    func root(of leaves: [ImportedNode]) throws(ImportError) -> ImportedNode {
        precondition(!leaves.isEmpty, "a file has at least one leaf")
        var level = leaves
        while level.count > 1 {
            var parents: [ImportedNode] = []
            parents.reserveCapacity((level.count + profile.maxLinks - 1) / profile.maxLinks)
            for start in stride(from: 0, to: level.count, by: profile.maxLinks) {
                let children = level[start..<min(start + profile.maxLinks, level.count)]
                let bytes = UnixFSNodes.file(children: children)
                let cid = try sink.putDAGPB(bytes)
                let tsize = children.reduce(UInt64(bytes.count)) { $0 + $1.tsize }
                let size = children.reduce(UInt64(0)) { $0 + $1.size }
                parents.append(ImportedNode(cid: cid, tsize: tsize, size: size))
            }
            level = parents
        }
        return level[0]
    }
}
