/// A content identifier, version 0 or 1, kept in its binary form.
public struct CID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The binary form: the bare multihash for v0, `varint(1) varint(codec) multihash` for v1.
    public let bytes: [UInt8]
    public let version: Int
    /// Multicodec of the content: dag-pb 0x70, raw 0x55, dag-cbor 0x71, libp2p-key 0x72.
    public let codec: UInt64
    public let multihash: Multihash

    public static let dagPB: UInt64 = 0x70
    public static let raw: UInt64 = 0x55
    public static let dagCBOR: UInt64 = 0x71
    public static let libp2pKey: UInt64 = 0x72

    /// A CIDv0 (always dag-pb, sha2-256).
    public static func v0(_ multihash: Multihash) -> CID {
        CID(version: 0, codec: dagPB, multihash: multihash, bytes: multihash.bytes)
    }

    /// A CIDv1.
    public static func v1(codec: UInt64, _ multihash: Multihash) -> CID {
        var out: [UInt8] = []
        Varint.append(1, to: &out)
        Varint.append(codec, to: &out)
        out.append(contentsOf: multihash.bytes)
        return CID(version: 1, codec: codec, multihash: multihash, bytes: out)
    }

    private init(version: Int, codec: UInt64, multihash: Multihash, bytes: [UInt8]) {
        self.version = version
        self.codec = codec
        self.multihash = multihash
        self.bytes = bytes
    }

    /// Parses a binary CID that must span all of `bytes`.
    public init(bytes: [UInt8]) throws(CIDError) {
        var offset = 0
        self = try CID.read(bytes, at: &offset)
        guard offset == bytes.count else { throw .trailingBytes(count: bytes.count - offset) }
    }

    /// Reads a binary CID at `offset` (as inside a CAR section), advancing it past the CID.
    public static func read<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at offset: inout Int
    ) throws(CIDError) -> CID where Bytes.Index == Int {
        do {
            // A v0 CID is a bare sha2-256 multihash: 0x12 0x20 + 32 bytes.
            if bytes.endIndex - offset >= 2, bytes[offset] == 0x12, bytes[offset + 1] == 0x20 {
                guard bytes.endIndex - offset >= 34 else { throw CIDError.truncated }
                let digest = Array(bytes[(offset + 2)..<(offset + 34)])
                offset += 34
                return .v0(Multihash(code: Multihash.sha256Code, digest: digest))
            }
            let version = try Varint.read(bytes, at: &offset)
            guard version == 1 else { throw CIDError.unsupportedVersion(version) }
            let codec = try Varint.read(bytes, at: &offset)
            let code = try Varint.read(bytes, at: &offset)
            let length = try Varint.read(bytes, at: &offset)
            guard length <= 1 << 20, UInt64(bytes.endIndex - offset) >= length else { throw CIDError.truncated }
            let digest = Array(bytes[offset..<(offset + Int(length))])
            offset += Int(length)
            return CID.v1(codec: codec, Multihash(code: code, digest: digest))
        } catch let error as VarintError {
            throw .malformedVarint(error)
        } catch let error as CIDError {
            throw error
        } catch {
            throw .truncated
        }
    }

    /// Parses the string form: `Qm…` (v0, base58btc), `b…` (v1, base32) or `z…` (v1, base58btc).
    public init(_ text: String) throws(CIDError) {
        let s = Substring(text)
        if s.count == 46, s.hasPrefix("Qm") {
            guard let raw = Multibase.decodeBase58(s) else { throw .badString(text, "not valid base58btc") }
            self = try CID(bytes: raw)
            return
        }
        guard let prefix = s.first else { throw .badString(text, "empty") }
        let decoded: [UInt8]?
        switch prefix {
        case "b", "B": decoded = Multibase.decodeBase32(s.dropFirst())
        case "z": decoded = Multibase.decodeBase58(s.dropFirst())
        default: throw .badString(text, "unknown multibase prefix '\(prefix)' (expected Qm…, b… or z…)")
        }
        guard let raw = decoded else { throw .badString(text, prefix == "z" ? "not valid base58btc" : "not valid base32") }
        do {
            self = try CID(bytes: raw)
        } catch {
            throw .badString(text, error.description)
        }
        guard version == 1 else { throw .badString(text, "a CIDv0 must be written in base58btc (Qm…)") }
    }

    /// `Qm…` for v0, base32 `b…` for v1.
    public var string: String {
        version == 0 ? Multibase.base58(bytes) : "b" + Multibase.base32(bytes)
    }

    public var description: String { string }

    /// This CID as a v1 (same codec and multihash).
    public var v1: CID { version == 1 ? self : .v1(codec: codec, multihash) }

    public static func < (a: CID, b: CID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    public static func == (a: CID, b: CID) -> Bool { a.bytes == b.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}

/// A malformed CID.
public enum CIDError: Error, Equatable, CustomStringConvertible {
    case truncated
    case trailingBytes(count: Int)
    case unsupportedVersion(UInt64)
    case malformedVarint(VarintError)
    case badString(String, String)

    public var description: String {
        switch self {
        case .truncated: "CID is cut off"
        case .trailingBytes(let n): "CID has \(n) unexpected trailing bytes"
        case .unsupportedVersion(let v): "unsupported CID version \(v)"
        case .malformedVarint(let e): "malformed CID: \(e)"
        case .badString(let s, let why): "invalid CID '\(s)': \(why)"
        }
    }
}
