/// The few protobuf wire-format pieces DAG-PB and UnixFS need.
struct ProtobufWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func varintField(_ field: UInt64, _ value: UInt64) {
        Varint.append(field << 3, to: &bytes)
        Varint.append(value, to: &bytes)
    }

    mutating func bytesField<C: Collection<UInt8>>(_ field: UInt64, _ value: C) {
        Varint.append(field << 3 | 2, to: &bytes)
        Varint.append(UInt64(value.count), to: &bytes)
        bytes.append(contentsOf: value)
    }

    /// Size of a length-delimited field holding `length` bytes.
    static func bytesFieldSize(_ field: UInt64, length: Int) -> Int {
        Varint.size(field << 3 | 2) + Varint.size(UInt64(length)) + length
    }

    static func varintFieldSize(_ field: UInt64, _ value: UInt64) -> Int {
        Varint.size(field << 3) + Varint.size(value)
    }
}

/// One protobuf field as read off the wire.
enum ProtobufValue {
    case varint(UInt64)
    case bytes(Range<Int>)
}

/// Reads protobuf fields in order; only wire types 0 (varint) and 2 (bytes) are allowed.
struct ProtobufReader {
    let bytes: [UInt8]
    var offset: Int
    let end: Int

    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.offset = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// The next field, or nil at the end.
    mutating func next() throws(DAGPBError) -> (field: UInt64, value: ProtobufValue)? {
        guard offset < end else { return nil }
        let slice = bytes[..<end]
        do {
            let key = try Varint.read(slice, at: &offset)
            let field = key >> 3
            guard field > 0 else { throw DAGPBError.malformed("field number 0") }
            switch key & 7 {
            case 0:
                return (field, .varint(try Varint.read(slice, at: &offset)))
            case 2:
                let length = try Varint.read(slice, at: &offset)
                guard length <= UInt64(end - offset) else { throw DAGPBError.malformed("field \(field) runs past the end") }
                let range = offset..<(offset + Int(length))
                offset += Int(length)
                return (field, .bytes(range))
            default:
                throw DAGPBError.malformed("field \(field) has unsupported wire type \(key & 7)")
            }
        } catch let error as VarintError {
            throw .malformed(error.description)
        } catch let error as DAGPBError {
            throw error
        } catch {
            throw .malformed("\(error)")
        }
    }
}
