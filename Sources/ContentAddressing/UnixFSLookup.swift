/// One name looked up in a directory: the entry it names (nil when absent) and the blocks read to find it.
public struct DirectoryLookup: Sendable, Equatable {
    public let cid: CID?
    /// The directory's own block, then each HAMT shard below it that was read, in order.
    public let blocks: [CID]
}

extension UnixFSReader {
    /// Finds one entry of a directory without listing it: a plain directory's links are scanned, a HAMT is
    /// descended along the name's hash, so only the shards on that way are read. Names match byte for byte.
    public func lookup(_ name: String, inDirectory directory: CID, path: String) throws(UnixFSError) -> DirectoryLookup {
        guard directory.codec == CID.dagPB else { throw .notFound(path: path) }
        let (node, unixfs) = try decode(directory, try load(directory, path: path), path: path)
        switch unixfs.kind {
        case .directory:
            let found = node.links.first { $0.name.utf8.elementsEqual(name.utf8) }
            return DirectoryLookup(cid: found?.cid, blocks: [directory])
        case .hamtShard:
            return try lookupInShard(name, shard: directory, node: node, unixfs: unixfs, path: path)
        default:
            throw .notFound(path: path)
        }
    }

    private func lookupInShard(_ name: String, shard: CID, node: PBNode, unixfs: UnixFSData, path: String) throws(UnixFSError) -> DirectoryLookup {
        let hash = Murmur3.hamtDigest(name.utf8)
        var blocks = [shard]
        var (shard, node, unixfs) = (shard, node, unixfs)
        var depth = 0
        while true {
            guard let fanout = unixfs.fanout, fanout >= 2, fanout <= 1 << 16, fanout & (fanout - 1) == 0 else {
                throw .malformedNode(shard, path: path, reason: "HAMT shard without a power-of-two fanout")
            }
            let bits = fanout.trailingZeroBitCount
            // The digest has 64 bits; go-unixfs would rehash past them, which no real directory reaches.
            guard (depth + 1) * bits <= 64 else { throw .tooDeep(path: path) }
            let digits = String(fanout - 1, radix: 16).count
            let bucket = HAMTBucket.index(of: hash, depth: depth, bits: bits)
            let prefix = Array(HAMTBucket.label(bucket, digits: digits).utf8)
            var child: CID?
            for link in node.links {
                let linkName = Array(link.name.utf8)
                guard linkName.count >= digits, HAMTBucket.sameHex(linkName[..<digits], prefix) else { continue }
                if linkName.count == digits {
                    child = link.cid
                    break
                }
                let found = linkName[digits...].elementsEqual(name.utf8) ? link.cid : nil
                return DirectoryLookup(cid: found, blocks: blocks)
            }
            guard let child else { return DirectoryLookup(cid: nil, blocks: blocks) }
            let decoded = try decode(child, try load(child, path: path), path: path)
            guard decoded.1.kind == .hamtShard else {
                throw .malformedNode(child, path: path, reason: "HAMT child is not a shard")
            }
            (shard, node, unixfs) = (child, decoded.0, decoded.1)
            blocks.append(child)
            depth += 1
        }
    }
}

/// How a HAMT names buckets: `bits` of the name's hash per level, read from the most significant bit,
/// written as upper-case hex of a fixed width.
enum HAMTBucket {
    static func index(of hash: [UInt8], depth: Int, bits: Int) -> Int {
        var value = 0
        for bit in (depth * bits)..<((depth + 1) * bits) {
            value = value << 1 | Int(hash[bit / 8] >> (7 - UInt8(bit % 8)) & 1)
        }
        return value
    }

    static func label(_ bucket: Int, digits: Int) -> String {
        let hex = String(bucket, radix: 16, uppercase: true)
        return String(repeating: "0", count: digits - hex.count) + hex
    }

    /// Hex digits equal whatever their case (kubo writes upper case; other writers may not).
    static func sameHex(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }
}
