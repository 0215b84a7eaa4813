/// A link of a DAG-PB node.
public struct PBLink: Sendable, Equatable {
    public var cid: CID
    /// The entry name; kubo writes it on every link (empty for file chunks).
    public var name: String
    /// The child block's size plus the sizes of everything below it.
    public var tsize: UInt64

    public init(cid: CID, name: String = "", tsize: UInt64) {
        self.cid = cid
        self.name = name
        self.tsize = tsize
    }
}

/// A DAG-PB node: links, then optional data (the UnixFS payload).
public struct PBNode: Sendable, Equatable {
    public var links: [PBLink]
    public var data: [UInt8]?

    public init(links: [PBLink] = [], data: [UInt8]? = nil) {
        self.links = links
        self.data = data
    }

    /// The canonical encoding: every link (Hash, Name, Tsize) before Data.
    public func encoded() -> [UInt8] {
        var w = ProtobufWriter(capacity: encodedSize)
        for link in links {
            Varint.append(2 << 3 | 2, to: &w.bytes)
            Varint.append(UInt64(PBNode.linkBodySize(link)), to: &w.bytes)
            w.bytesField(1, link.cid.bytes)
            w.bytesField(2, link.name.utf8)
            w.varintField(3, link.tsize)
        }
        if let data { w.bytesField(1, data) }
        return w.bytes
    }

    /// The exact length of `encoded()`, computed without encoding.
    public var encodedSize: Int {
        var size = 0
        for link in links { size += PBNode.linkSize(link) }
        if let data { size += ProtobufWriter.bytesFieldSize(1, length: data.count) }
        return size
    }

    /// Bytes one link adds to an encoded node.
    public static func linkSize(_ link: PBLink) -> Int {
        ProtobufWriter.bytesFieldSize(2, length: linkBodySize(link))
    }

    private static func linkBodySize(_ link: PBLink) -> Int {
        ProtobufWriter.bytesFieldSize(1, length: link.cid.bytes.count)
            + ProtobufWriter.bytesFieldSize(2, length: link.name.utf8.count)
            + ProtobufWriter.varintFieldSize(3, link.tsize)
    }

    /// Decodes a DAG-PB block; rejects fields DAG-PB does not have and Data before Links.
    public init(decoding bytes: [UInt8]) throws(DAGPBError) {
        var reader = ProtobufReader(bytes)
        var links: [PBLink] = []
        var data: [UInt8]?
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (2, .bytes(let range)):
                guard data == nil else { throw .malformed("link after Data") }
                links.append(try PBNode.decodeLink(bytes, range))
            case (1, .bytes(let range)):
                guard data == nil else { throw .malformed("duplicate Data") }
                data = Array(bytes[range])
            default:
                throw .malformed("unexpected field \(field)")
            }
        }
        self.links = links
        self.data = data
    }

    private static func decodeLink(_ bytes: [UInt8], _ range: Range<Int>) throws(DAGPBError) -> PBLink {
        var reader = ProtobufReader(bytes, range: range)
        var cid: CID?
        var name = ""
        var tsize: UInt64 = 0
        while let (field, value) = try reader.next() {
            switch (field, value) {
            case (1, .bytes(let r)):
                do { cid = try CID(bytes: Array(bytes[r])) } catch { throw .malformed("link hash: \(error)") }
            case (2, .bytes(let r)):
                guard let s = String(validating: bytes[r], as: UTF8.self) else { throw .malformed("link name is not UTF-8") }
                name = s
            case (3, .varint(let v)):
                tsize = v
            default:
                throw .malformed("unexpected link field \(field)")
            }
        }
        guard let cid else { throw .malformed("link without Hash") }
        return PBLink(cid: cid, name: name, tsize: tsize)
    }
}

/// A block that is not valid DAG-PB.
public enum DAGPBError: Error, Equatable, CustomStringConvertible {
    case malformed(String)

    public var description: String {
        switch self {
        case .malformed(let why): "malformed dag-pb block: \(why)"
        }
    }
}
