/// Builds one UnixFS directory from its entries: a plain node, or a HAMT shard tree when the
/// profile's size estimate of the plain node exceeds its threshold.
public struct DirectoryBuilder: Sendable {
    /// Decides the CID version and when to shard.
    public let profile: ImportProfile
    let sink: BlockSink

    /// A builder that puts the directory's blocks into `store`.
    public init(profile: ImportProfile = .default, store: any BlockStore) {
        self.init(sink: BlockSink(store: store, profile: profile, counting: false))
    }

    init(sink: BlockSink) {
        self.profile = sink.profile
        self.sink = sink
    }

    /// The directory holding `entries` (any order); `path` only names the directory in errors.
    public func build(_ entries: [(name: String, node: ImportedNode)], path: String = "") throws(ImportError) -> ImportedNode {
        let sorted = try DirectoryBuilder.sortedByNameBytes(entries, path: path)
        let links = sorted.map { PBLink(cid: $0.node.cid, name: $0.name, tsize: $0.node.tsize) }
        let size = sorted.reduce(UInt64(0)) { $0 + $1.node.size }
        let plain = PBNode(links: links, data: UnixFSNodes.directoryData)
        guard estimatedSize(of: plain) <= profile.hamtThreshold else {
            let hashed = sorted.map { (name: $0.name, hash: Murmur3.hamtDigest($0.name.utf8), node: $0.node) }
            return try HAMTShardBuilder(sink: sink, fanout: profile.hamtFanout).shard(hashed, depth: 0)
        }
        let bytes = plain.encoded()
        let cid = try sink.putDAGPB(bytes)
        return ImportedNode(cid: cid, tsize: links.reduce(UInt64(bytes.count)) { $0 + $1.tsize }, size: size)
    }

    /// Whether a directory with these entries is written as a HAMT shard.
    public func isSharded(_ entries: [(name: String, node: ImportedNode)]) -> Bool {
        let links = entries.map { PBLink(cid: $0.node.cid, name: $0.name, tsize: $0.node.tsize) }
        return estimatedSize(of: PBNode(links: links, data: UnixFSNodes.directoryData)) > profile.hamtThreshold
    }

    /// The size the profile compares with its threshold.
    private func estimatedSize(of plain: PBNode) -> Int {
        switch profile.directorySizeEstimate {
        case .linksBytes: plain.links.reduce(0) { $0 + $1.name.utf8.count + $1.cid.bytes.count }
        case .blockBytes: plain.encodedSize
        }
    }

    /// Entries in raw UTF-8 byte order of their names (not `String` order); duplicates are an error.
    static func sortedByNameBytes(_ entries: [(name: String, node: ImportedNode)],
                                  path: String) throws(ImportError) -> [(name: String, node: ImportedNode)] {
        // Already in order without duplicates (PackedTree keeps its folders so): nothing to do.
        if zip(entries, entries.dropFirst()).allSatisfy({ $0.name.precedesInUTF8($1.name) }) { return entries }
        let keyed = entries.map { (key: Array($0.name.utf8), entry: $0) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for i in keyed.indices.dropFirst() where keyed[i].key == keyed[i - 1].key {
            throw .duplicateName(keyed[i].entry.name, directory: path)
        }
        return keyed.map(\.entry)
    }
}

/// A UnixFS HAMT: entries bucketed by successive bytes of their names' murmur3 digests.
struct HAMTShardBuilder: Sendable {
    let sink: BlockSink
    let fanout: Int

    /// The shard at `depth` holding `entries`: a lone entry in a bucket is linked as
    /// `%02X`+name, a crowded bucket becomes a child shard linked as `%02X`.
    func shard(_ entries: [(name: String, hash: [UInt8], node: ImportedNode)], depth: Int) throws(ImportError) -> ImportedNode {
        var buckets = [[(name: String, hash: [UInt8], node: ImportedNode)]](repeating: [], count: fanout)
        for entry in entries { buckets[Int(entry.hash[depth])].append(entry) }
        var links: [PBLink] = []
        var bitfield = [UInt8](repeating: 0, count: fanout / 8)
        var size: UInt64 = 0
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            bitfield[bitfield.count - 1 - index / 8] |= 1 << (index % 8)
            let prefix = HAMTShardBuilder.hex[index]
            if bucket.count == 1 {
                let entry = bucket[0]
                links.append(PBLink(cid: entry.node.cid, name: prefix + entry.name, tsize: entry.node.tsize))
                size += entry.node.size
            } else {
                guard depth + 1 < bucket[0].hash.count else { throw .hashCollision(bucket[0].name, bucket[1].name) }
                let child = try shard(bucket, depth: depth + 1)
                links.append(PBLink(cid: child.cid, name: prefix, tsize: child.tsize))
                size += child.size
            }
        }
        // The bitfield is a big-endian integer: its leading zero bytes are not written.
        let data = UnixFSNodes.shardData(bitfield: Array(bitfield.drop { $0 == 0 }), fanout: fanout)
        let bytes = PBNode(links: links, data: data).encoded()
        let cid = try sink.putDAGPB(bytes)
        return ImportedNode(cid: cid, tsize: links.reduce(UInt64(bytes.count)) { $0 + $1.tsize }, size: size)
    }

    private static let hex: [String] = (0..<256).map { i in
        let digits = Array("0123456789ABCDEF")
        return String([digits[i >> 4], digits[i & 15]])
    }
}
