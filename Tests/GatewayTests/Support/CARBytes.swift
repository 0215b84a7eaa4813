import ContentAddressing

/// The blocks of a CAR response, parsed with nothing but the format's definition, each checked against its CID.
struct CARBytes {
    let roots: [CID]
    let blocks: [(cid: CID, data: [UInt8])]
    var cids: [CID] { blocks.map(\.cid) }

    init(_ bytes: [UInt8]) throws {
        var offset = 0
        let headerLength = try Self.varint(bytes, &offset)
        let header = Array(bytes[offset..<(offset + headerLength)])
        offset += headerLength
        // The roots are tag-42 byte strings `00 ‖ cid` inside the DAG-CBOR header.
        var roots: [CID] = []
        var i = 0
        while i + 3 < header.count {
            if header[i] == 0xd8, header[i + 1] == 0x2a, header[i + 2] == 0x58 {
                let length = Int(header[i + 3])
                roots.append(try CID(bytes: Array(header[(i + 5)..<(i + 4 + length)])))
                i += 4 + length
            } else {
                i += 1
            }
        }
        var blocks: [(CID, [UInt8])] = []
        while offset < bytes.count {
            let length = try Self.varint(bytes, &offset)
            let end = offset + length
            let cid = try CID.read(bytes[..<end], at: &offset)
            let data = Array(bytes[offset..<end])
            guard Block(cid: cid, data: data).isIntact else { throw CARBytesError.corruptBlock(cid) }
            blocks.append((cid, data))
            offset = end
        }
        self.roots = roots
        self.blocks = blocks
    }

    private static func varint(_ bytes: [UInt8], _ offset: inout Int) throws -> Int {
        var value = 0, shift = 0
        while true {
            guard offset < bytes.count, shift < 63 else { throw CARBytesError.truncated }
            let byte = bytes[offset]
            offset += 1
            value |= Int(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }
}

enum CARBytesError: Error {
    case truncated
    case corruptBlock(CID)
}

/// The CIDs of every block under `cid`, depth-first, each once (conformance's `MustGetDescendantsCids`).
func descendants(of cid: CID, in store: any BlockStore) throws -> [CID] {
    var out: [CID] = []
    var stack = [cid]
    var seen = Set<CID>()
    while let next = stack.popLast() {
        guard seen.insert(next).inserted else { continue }
        if next != cid { out.append(next) }
        if next.codec == CID.dagPB, let data = try store.get(next) {
            stack += try PBNode(decoding: data).links.map(\.cid).reversed()
        }
    }
    return out
}
