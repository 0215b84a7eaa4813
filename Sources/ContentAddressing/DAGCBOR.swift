/// A DAG-CBOR value: the part of CBOR that DAG-CBOR allows (definite lengths, string map keys, tag 42 only for CIDs).
public indirect enum CBORValue: Sendable, Equatable {
    case unsigned(UInt64)
    /// The integer `-1 - n`.
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBORValue])
    /// Entries in their encoded order.
    case map([CBORMapEntry])
    case tag(UInt64, CBORValue)
    case bool(Bool)
    case null
    case float(Double)

    /// A CID link: tag 42 over `00 ‖ cid bytes`.
    public static func link(_ cid: CID) -> CBORValue { .tag(42, .bytes([0] + cid.bytes)) }

    /// The value of a map entry, or nil when this is not a map or lacks the key.
    public subscript(key: String) -> CBORValue? {
        guard case .map(let entries) = self else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

/// One key and value of a DAG-CBOR map.
public struct CBORMapEntry: Sendable, Equatable {
    public var key: String
    public var value: CBORValue

    public init(_ key: String, _ value: CBORValue) {
        self.key = key
        self.value = value
    }
}

/// Bytes that are not the DAG-CBOR blogctl reads.
public enum DAGCBORError: Error, Equatable, CustomStringConvertible {
    case malformed(offset: Int, String)

    public var description: String {
        switch self {
        case .malformed(let offset, let why): "malformed dag-cbor at byte \(offset): \(why)"
        }
    }
}

/// Encoding and decoding of DAG-CBOR, enough for CAR headers and for finding the links of dag-cbor blocks.
public enum DAGCBOR {
    /// Nesting deeper than this is refused rather than risking the stack on hostile input.
    static let maxDepth = 512

    /// The encoding of `value`; map entries are written in the order given (callers pass canonical order).
    public static func encode(_ value: CBORValue) -> [UInt8] {
        var out: [UInt8] = []
        encode(value, into: &out)
        return out
    }

    /// Decodes one value spanning all of `bytes`.
    public static func decode(_ bytes: [UInt8]) throws(DAGCBORError) -> CBORValue {
        var offset = 0
        let value = try decode(bytes, at: &offset, depth: 0)
        guard offset == bytes.count else { throw .malformed(offset: offset, "\(bytes.count - offset) trailing bytes") }
        return value
    }

    /// The CIDs a dag-cbor block links to (every tag 42), in encoded order.
    public static func links(in bytes: [UInt8]) throws(DAGCBORError) -> [CID] {
        var found: [CID] = []
        collectLinks(try decode(bytes), into: &found)
        return found
    }

    private static func collectLinks(_ value: CBORValue, into found: inout [CID]) {
        switch value {
        case .tag(42, .bytes(let b)):
            // decode() only admits tag 42 over `00 ‖ valid CID`, so this cannot fail.
            if let cid = try? CID(bytes: Array(b.dropFirst())) { found.append(cid) }
        case .tag(_, let inner): collectLinks(inner, into: &found)
        case .array(let items): for item in items { collectLinks(item, into: &found) }
        case .map(let entries): for entry in entries { collectLinks(entry.value, into: &found) }
        default: break
        }
    }

    private static func appendHead(_ major: UInt8, _ value: UInt64, into out: inout [UInt8]) {
        let m = major << 5
        switch value {
        case ..<24: out.append(m | UInt8(value))
        case ..<0x100: out += [m | 24, UInt8(value)]
        case ..<0x1_0000: out.append(m | 25); appendBigEndian(value, bytes: 2, into: &out)
        case ..<0x1_0000_0000: out.append(m | 26); appendBigEndian(value, bytes: 4, into: &out)
        default: out.append(m | 27); appendBigEndian(value, bytes: 8, into: &out)
        }
    }

    private static func appendBigEndian(_ value: UInt64, bytes: Int, into out: inout [UInt8]) {
        for i in stride(from: bytes - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(i)))) }
    }

    private static func encode(_ value: CBORValue, into out: inout [UInt8]) {
        switch value {
        case .unsigned(let n): appendHead(0, n, into: &out)
        case .negative(let n): appendHead(1, n, into: &out)
        case .bytes(let b): appendHead(2, UInt64(b.count), into: &out); out += b
        case .text(let s): appendHead(3, UInt64(s.utf8.count), into: &out); out += s.utf8
        case .array(let items):
            appendHead(4, UInt64(items.count), into: &out)
            for item in items { encode(item, into: &out) }
        case .map(let entries):
            appendHead(5, UInt64(entries.count), into: &out)
            for entry in entries {
                encode(.text(entry.key), into: &out)
                encode(entry.value, into: &out)
            }
        case .tag(let tag, let inner): appendHead(6, tag, into: &out); encode(inner, into: &out)
        case .bool(let b): out.append(b ? 0xf5 : 0xf4)
        case .null: out.append(0xf6)
        case .float(let d): out.append(0xfb); appendBigEndian(d.bitPattern, bytes: 8, into: &out)
        }
    }

    private static func decode(_ bytes: [UInt8], at offset: inout Int, depth: Int) throws(DAGCBORError) -> CBORValue {
        let start = offset
        guard depth <= maxDepth else { throw .malformed(offset: start, "nested more than \(maxDepth) deep") }
        guard offset < bytes.count else { throw .malformed(offset: start, "cut off") }
        let initial = bytes[offset]
        offset += 1
        let major = initial >> 5
        let info = initial & 0x1f
        if major == 7 {
            switch info {
            case 20: return .bool(false)
            case 21: return .bool(true)
            case 22: return .null
            case 27:
                let bits = try readBigEndian(bytes, at: &offset, count: 8, start: start)
                return .float(Double(bitPattern: bits))
            default: throw .malformed(offset: start, "simple value or float kind \(info) is not DAG-CBOR")
            }
        }
        let argument: UInt64
        switch info {
        case ..<24: argument = UInt64(info)
        case 24: argument = try readBigEndian(bytes, at: &offset, count: 1, start: start)
        case 25: argument = try readBigEndian(bytes, at: &offset, count: 2, start: start)
        case 26: argument = try readBigEndian(bytes, at: &offset, count: 4, start: start)
        case 27: argument = try readBigEndian(bytes, at: &offset, count: 8, start: start)
        default: throw .malformed(offset: start, "indefinite or reserved length is not DAG-CBOR")
        }
        let remaining = UInt64(bytes.count - offset)
        switch major {
        case 0: return .unsigned(argument)
        case 1: return .negative(argument)
        case 2, 3:
            guard argument <= remaining else { throw .malformed(offset: start, "string of \(argument) bytes runs past the end") }
            let range = offset..<(offset + Int(argument))
            offset = range.upperBound
            if major == 2 { return .bytes(Array(bytes[range])) }
            guard let s = String(validating: bytes[range], as: UTF8.self) else { throw .malformed(offset: start, "text is not UTF-8") }
            return .text(s)
        case 4:
            // Every item takes at least a byte, which bounds what a hostile count can make us reserve.
            guard argument <= remaining else { throw .malformed(offset: start, "array of \(argument) items runs past the end") }
            var items: [CBORValue] = []
            items.reserveCapacity(Int(argument))
            for _ in 0..<argument { items.append(try decode(bytes, at: &offset, depth: depth + 1)) }
            return .array(items)
        case 5:
            guard argument <= remaining / 2 else { throw .malformed(offset: start, "map of \(argument) entries runs past the end") }
            var entries: [CBORMapEntry] = []
            entries.reserveCapacity(Int(argument))
            for _ in 0..<argument {
                let keyOffset = offset
                guard case .text(let key) = try decode(bytes, at: &offset, depth: depth + 1) else {
                    throw .malformed(offset: keyOffset, "map key is not a string")
                }
                entries.append(CBORMapEntry(key, try decode(bytes, at: &offset, depth: depth + 1)))
            }
            return .map(entries)
        default:  // 6: tag
            guard argument == 42 else { throw .malformed(offset: start, "tag \(argument) is not DAG-CBOR (only 42)") }
            let inner = try decode(bytes, at: &offset, depth: depth + 1)
            guard case .bytes(let b) = inner, b.first == 0 else {
                throw .malformed(offset: start, "tag 42 must hold a byte string starting with 00")
            }
            do { _ = try CID(bytes: Array(b.dropFirst())) } catch {
                throw .malformed(offset: start, "tag 42 holds an invalid CID: \(error)")
            }
            return .tag(42, inner)
        }
    }

    private static func readBigEndian(_ bytes: [UInt8], at offset: inout Int, count: Int, start: Int) throws(DAGCBORError) -> UInt64 {
        guard bytes.count - offset >= count else { throw .malformed(offset: start, "cut off") }
        var v: UInt64 = 0
        for i in 0..<count { v = v << 8 | UInt64(bytes[offset + i]) }
        offset += count
        return v
    }
}
