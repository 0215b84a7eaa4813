import ContentAddressing

/// What the packer remembers of an output file between builds (`OutputSink.note(for:)`): its UnixFS node
/// under one import profile. Encoded as the profile name's length and bytes, tsize and size
/// (8 bytes each, little-endian), then the CID's binary form.
struct PackedFileNote: Equatable {
    var profile: String
    var node: ImportedNode

    init(profile: String, node: ImportedNode) {
        self.profile = profile
        self.node = node
    }

    var bytes: [UInt8] {
        let name = Array(profile.utf8)
        var out = [UInt8(name.count)] + name
        for value in [node.tsize, node.size] { withUnsafeBytes(of: value.littleEndian) { out += $0 } }
        return out + node.cid.bytes
    }

    /// Nil for bytes `bytes` never made.
    init?(bytes: [UInt8]) {
        guard let length = bytes.first.map(Int.init), bytes.count > 1 + length + 16,
            let profile = String(validating: bytes[1..<1 + length], as: UTF8.self)
        else { return nil }
        var numbers: [UInt64] = []
        for start in [1 + length, 9 + length] {
            numbers.append(bytes[start..<start + 8].reversed().reduce(0) { $0 << 8 | UInt64($1) })
        }
        guard let cid = try? CID(bytes: Array(bytes[(17 + length)...])) else { return nil }
        self.profile = profile
        node = ImportedNode(cid: cid, tsize: numbers[0], size: numbers[1])
    }
}
