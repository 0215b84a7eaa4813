/// The byte layouts of the UnixFS nodes an importer writes (no mode, no mtime).
enum UnixFSNodes {
    /// A leaf holding `length` content bytes, written in place by `fill` (no copy of the chunk).
    /// Raw leaves are the bytes themselves; a dag-pb leaf is `{Type File, Data chunk, filesize len}`.
    static func leaf(length: Int, raw: Bool,
                     fill: (UnsafeMutableRawBufferPointer) throws(ImportError) -> Void) throws(ImportError) -> [UInt8] {
        let n = UInt64(length)
        // Protobuf omits an empty Data field: the empty file is `0a 04 08 02 18 00`.
        let dataField = length > 0 ? 1 + Varint.size(n) + length : 0
        let inner = 2 + dataField + 1 + Varint.size(n)
        let prefix = raw ? 0 : 1 + Varint.size(UInt64(inner)) + 2 + (length > 0 ? 1 + Varint.size(n) : 0)
        let total = raw ? length : 1 + Varint.size(UInt64(inner)) + inner
        var failure: ImportError?
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            var header: [UInt8] = []
            if !raw {
                header.reserveCapacity(prefix)
                header.append(0x0a)
                Varint.append(UInt64(inner), to: &header)
                header.append(contentsOf: [0x08, 0x02])
                if length > 0 {
                    header.append(0x12)
                    Varint.append(n, to: &header)
                }
                _ = buffer.initialize(from: header)
            }
            do throws(ImportError) {
                try fill(UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[prefix..<(prefix + length)]))
            } catch {
                failure = error
                count = 0
                return
            }
            if !raw {
                var suffix: [UInt8] = [0x18]
                Varint.append(n, to: &suffix)
                _ = UnsafeMutableBufferPointer(rebasing: buffer[(prefix + length)...]).initialize(from: suffix)
            }
            count = total
        }
        if let failure { throw failure }
        return bytes
    }

    /// An interior file node over `children`, in order: `{Type File, filesize Σ, blocksizes […]}`.
    static func file(children: ArraySlice<ImportedNode>) -> [UInt8] {
        var total: UInt64 = 0
        var sizes: [UInt64] = []
        sizes.reserveCapacity(children.count)
        for child in children {
            total += child.size
            sizes.append(child.size)
        }
        let data = UnixFSData(kind: .file, fileSize: total, blockSizes: sizes).encoded()
        return PBNode(links: children.map { PBLink(cid: $0.cid, name: "", tsize: $0.tsize) }, data: data).encoded()
    }

    /// `{Type Symlink, Data target}`.
    static func symlink(target: [UInt8]) -> [UInt8] {
        PBNode(data: UnixFSData(kind: .symlink, data: target).encoded()).encoded()
    }

    /// The UnixFS Data of a plain directory: `08 01`.
    static let directoryData = UnixFSData(kind: .directory).encoded()

    /// `{Type HAMTShard, Data bitfield, hashType murmur3-x64-64, fanout}`.
    static func shardData(bitfield: [UInt8], fanout: Int) -> [UInt8] {
        UnixFSData(kind: .hamtShard, data: bitfield, hashType: 0x22, fanout: UInt64(fanout)).encoded()
    }
}
