/// Unsigned LEB128 varints, as used by multiformats, protobuf and CAR framing.
public enum Varint {
    /// Appends the varint encoding of `value` to `out`.
    @inlinable
    public static func append(_ value: UInt64, to out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }

    /// The encoding of `value`.
    public static func encode(_ value: UInt64) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    /// The number of bytes `value` takes when encoded.
    @inlinable
    public static func size(_ value: UInt64) -> Int {
        var v = value, n = 1
        while v >= 0x80 { v >>= 7; n += 1 }
        return n
    }

    /// Reads a varint at `offset`, advancing it; minimal encodings only (multiformats rule).
    @inlinable
    public static func read<Bytes: RandomAccessCollection<UInt8>>(
        _ bytes: Bytes, at offset: inout Int
    ) throws(VarintError) -> UInt64 where Bytes.Index == Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        let start = offset
        while true {
            guard offset < bytes.endIndex else { throw .truncated(offset: start) }
            let byte = bytes[offset]
            offset += 1
            if shift == 63 && byte > 1 { throw .overflow(offset: start) }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 { throw .notMinimal(offset: start) }
                return result
            }
            shift += 7
            if shift > 63 { throw .overflow(offset: start) }
        }
    }
}

/// A malformed varint.
public enum VarintError: Error, Equatable, CustomStringConvertible {
    case truncated(offset: Int)
    case overflow(offset: Int)
    case notMinimal(offset: Int)

    public var description: String {
        switch self {
        case .truncated(let o): "varint at byte \(o) is cut off"
        case .overflow(let o): "varint at byte \(o) is larger than 64 bits"
        case .notMinimal(let o): "varint at byte \(o) is not minimally encoded"
        }
    }
}
