/// The UnixFS payload carried in a DAG-PB node's Data field.
public struct UnixFSData: Sendable, Equatable {
    public enum Kind: UInt64, Sendable {
        case raw = 0, directory = 1, file = 2, metadata = 3, symlink = 4, hamtShard = 5
    }

    public var kind: Kind
    public var data: [UInt8]?
    public var fileSize: UInt64?
    /// Bytes of file content under each child link, in link order.
    public var blockSizes: [UInt64]
    public var hashType: UInt64?
    public var fanout: UInt64?
    public var mode: UInt32?

    public init(kind: Kind, data: [UInt8]? = nil, fileSize: UInt64? = nil, blockSizes: [UInt64] = [],
                hashType: UInt64? = nil, fanout: UInt64? = nil, mode: UInt32? = nil) {
        self.kind = kind
        self.data = data
        self.fileSize = fileSize
        self.blockSizes = blockSizes
        self.hashType = hashType
        self.fanout = fanout
        self.mode = mode
    }

    /// Fields in number order; blocksizes unpacked (one tag per value), as kubo writes them.
    public func encoded() -> [UInt8] {
        var w = ProtobufWriter(capacity: (data?.count ?? 0) + 16 + blockSizes.count * 5)
        w.varintField(1, kind.rawValue)
        if let data { w.bytesField(2, data) }
        if let fileSize { w.varintField(3, fileSize) }
        for size in blockSizes { w.varintField(4, size) }
        if let hashType { w.varintField(5, hashType) }
        if let fanout { w.varintField(6, fanout) }
        if let mode { w.varintField(7, UInt64(mode)) }
        return w.bytes
    }

    /// Decodes UnixFS Data; mtime (field 8) is read past, packed blocksizes are accepted.
    public init(decoding bytes: [UInt8]) throws(DAGPBError) {
        var reader = ProtobufReader(bytes)
        var kind: Kind?
        self.blockSizes = []
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .varint(let v)):
                guard let k = Kind(rawValue: v) else { throw .malformed("unknown UnixFS type \(v)") }
                kind = k
            case (2, .bytes(let r)): data = Array(bytes[r])
            case (3, .varint(let v)): fileSize = v
            case (4, .varint(let v)): blockSizes.append(v)
            case (4, .bytes(let r)):
                var offset = r.lowerBound
                while offset < r.upperBound {
                    do { blockSizes.append(try Varint.read(bytes[..<r.upperBound], at: &offset)) } catch { throw .malformed("UnixFS blocksizes: \(error)") }
                }
            case (5, .varint(let v)): hashType = v
            case (6, .varint(let v)): fanout = v
            case (7, .varint(let v)): mode = UInt32(truncatingIfNeeded: v)
            case (8, .bytes): break
            default: throw .malformed("unexpected UnixFS field \(field)")
            }
        }
        guard let kind else { throw .malformed("UnixFS data without a Type") }
        self.kind = kind
    }
}
