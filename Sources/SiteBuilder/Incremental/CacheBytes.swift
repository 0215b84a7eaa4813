import Foundation
import TemplateEngine

/// The byte encoding of build cache records: little-endian integers, length-prefixed UTF-8
/// strings, one tag byte per optional and per `DataValue`. Only the cache reads it back, and a
/// record it cannot read is a cache miss, never an error.
struct CacheBytesWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Bytes as they are, without a length (the reader knows how many).
    mutating func raw<C: Collection<UInt8>>(_ value: C) { bytes.append(contentsOf: value) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    mutating func ints(_ values: [Int]) {
        int(values.count)
        for value in values { int(value) }
    }

    /// A present flag, then the value.
    mutating func optional<T>(_ value: T?, _ write: (inout CacheBytesWriter, T) -> Void) {
        bool(value != nil)
        if let value { write(&self, value) }
    }

    mutating func data(_ value: DataValue) {
        switch value {
        case .string(let text): bytes.append(0); string(text)
        case .int(let number): bytes.append(1); int(number)
        case .double(let number): bytes.append(2); int(Int(bitPattern: UInt(number.bitPattern)))
        case .bool(let flag): bytes.append(3); bool(flag)
        case .array(let items):
            bytes.append(4)
            int(items.count)
            for item in items { data(item) }
        case .map(let map):
            bytes.append(5)
            int(map.count)
            for (key, item) in map {
                string(key)
                data(item)
            }
        case .null: bytes.append(6)
        }
    }
}

/// Reads what `CacheBytesWriter` wrote; every read checks bounds and throws `Malformed` past them.
struct CacheBytesReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int() throws(Malformed) -> Int {
        guard offset + 8 <= bytes.count else { throw Malformed() }
        var value: Int64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + 8])) }
        offset += 8
        return Int(Int64(littleEndian: value))
    }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard offset < bytes.count else { throw Malformed() }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// The next `count` bytes as they are.
    mutating func raw(_ count: Int) throws(Malformed) -> [UInt8] {
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func count() throws(Malformed) -> Int {
        let count = try int()
        guard count >= 0, count <= bytes.count - offset else { throw Malformed() }
        return count
    }

    mutating func string() throws(Malformed) -> String {
        try Self.text(try counted())
    }

    /// The next length-prefixed run of bytes.
    private mutating func counted() throws(Malformed) -> UnsafeRawBufferPointer {
        let count = try count()
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
    }

    private static func text(_ utf8: UnsafeRawBufferPointer) throws(Malformed) -> String {
        let text = String(decoding: utf8.bindMemory(to: UInt8.self), as: UTF8.self)
        guard text.hasUTF8(utf8) else { throw Malformed() }
        return text
    }

    /// The next string; `earlier` itself (no new copy) when it has the same bytes.
    mutating func string(reusing earlier: String) throws(Malformed) -> String {
        let utf8 = try counted()
        return earlier.hasUTF8(utf8) ? earlier : try Self.text(utf8)
    }

    /// Increasing offsets, each below `limit` (positions in a string of `limit` UTF-8 bytes).
    mutating func offsets(below limit: Int) throws(Malformed) -> [Int] {
        let count = try count()
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            let value = try int()
            guard value >= (values.last.map { $0 + 1 } ?? 0), value < limit else { throw Malformed() }
            values.append(value)
        }
        return values
    }

    mutating func strings() throws(Malformed) -> [String] {
        let count = try count()
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    mutating func optional<T>(_ read: (inout CacheBytesReader) throws(Malformed) -> T) throws(Malformed) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func data() throws(Malformed) -> DataValue {
        switch try byte() {
        case 0: return .string(try string())
        case 1: return .int(try int())
        case 2: return .double(Double(bitPattern: UInt64(UInt(bitPattern: try int()))))
        case 3: return .bool(try bool())
        case 4:
            let count = try count()
            var items: [DataValue] = []
            items.reserveCapacity(count)
            for _ in 0..<count { items.append(try data()) }
            return .array(items)
        case 5:
            let count = try count()
            var map: [String: DataValue] = [:]
            map.reserveCapacity(count)
            for _ in 0..<count {
                let key = try string()
                map[key] = try data()
            }
            return .map(map)
        case 6: return .null
        default: throw Malformed()
        }
    }
}
