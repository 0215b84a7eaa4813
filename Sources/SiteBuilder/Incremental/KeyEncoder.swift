import ContentAddressing
import Foundation
import Synchronization

extension ContentKey {
    /// The key of every stored property of `value`, reached through its `Encodable` conformance:
    /// a property added to a type is in its key without anyone remembering to add it. `domain`
    /// names what the value is (by default its type's name), so equal encodings of two types never collide.
    init<Value: Encodable>(of value: Value, domain: String? = nil) {
        let encoder = KeyEncoder()
        encoder.text(domain ?? TypeNames.name(of: Value.self))
        // KeyEncoder never throws; an Encodable that throws by itself names no key.
        do { try value.encode(to: encoder) } catch { encoder.text("encoding failed: \(error)") }
        self.init(digest: SHA256.digest(encoder.bytes))
    }
}

/// Type names, worked out once per type (`String(describing:)` demangles on every call).
private enum TypeNames {
    private static let names = Mutex<[ObjectIdentifier: String]>([:])

    static func name(of type: Any.Type) -> String {
        if let name = names.withLock({ $0[ObjectIdentifier(type)] }) { return name }
        let name = String(reflecting: type)
        names.withLock { $0[ObjectIdentifier(type)] = name }
        return name
    }
}

/// An `Encoder` that writes what it is given as one unambiguous byte string for hashing: every
/// value is tagged with its type and strings are length-prefixed; keyed containers write each
/// key's name (an absent optional leaves its key out, which must not look like another field);
/// list elements are tagged, so nested lists cannot be read two ways.
final class KeyEncoder: Encoder {
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(256) }

    fileprivate enum Tag: UInt8 {
        case keyed = 1, list, element, key, null, string, bool, int, uint, double, data, contentKey
    }

    fileprivate func tag(_ tag: Tag) { bytes.append(tag.rawValue) }

    fileprivate func text(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            integer(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    fileprivate func integer(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    fileprivate func value<T: Encodable>(_ value: T) throws {
        // Keys and bytes are written whole, not one element at a time through `Encodable`; the
        // types are told apart by their metatypes, which costs less than a dynamic cast.
        if T.self == ContentKey.self {
            tag(.contentKey)
            unsafeBitCast(value, to: ContentKey.self).append(to: &bytes)
        } else if T.self == Data.self {
            let data = unsafeBitCast(value, to: Data.self)
            tag(.data)
            integer(UInt64(data.count))
            bytes.append(contentsOf: data)
        } else {
            try value.encode(to: self)
        }
    }

    fileprivate func string(_ value: String) {
        tag(.string)
        text(value)
    }

    fileprivate func bool(_ value: Bool) {
        tag(.bool)
        bytes.append(value ? 1 : 0)
    }

    fileprivate func int(_ value: Int64) {
        tag(.int)
        integer(UInt64(bitPattern: value))
    }

    fileprivate func uint(_ value: UInt64) {
        tag(.uint)
        integer(value)
    }

    fileprivate func double(_ value: Double) {
        tag(.double)
        integer(value.bitPattern)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        tag(.keyed)
        return KeyedEncodingContainer(Keyed<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        tag(.list)
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(encoder: self) }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: KeyEncoder
        var codingPath: [any CodingKey] { [] }

        private func key(_ key: Key) {
            encoder.tag(.key)
            encoder.text(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) { self.key(key); encoder.tag(.null) }
        mutating func encode(_ value: Bool, forKey key: Key) { self.key(key); encoder.bool(value) }
        mutating func encode(_ value: String, forKey key: Key) { self.key(key); encoder.string(value) }
        mutating func encode(_ value: Double, forKey key: Key) { self.key(key); encoder.double(value) }
        mutating func encode(_ value: Float, forKey key: Key) { self.key(key); encoder.double(Double(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { self.key(key); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) { self.key(key); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) { self.key(key); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) { self.key(key); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) { self.key(key); encoder.int(value) }
        mutating func encode(_ value: UInt, forKey key: Key) { self.key(key); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) { self.key(key); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) { self.key(key); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) { self.key(key); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) { self.key(key); encoder.uint(value) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { self.key(key); try encoder.value(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            self.key(key)
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            self.key(key)
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            self.key(key)
            return encoder
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: KeyEncoder
        var codingPath: [any CodingKey] { [] }
        private(set) var count = 0

        init(encoder: KeyEncoder) { self.encoder = encoder }

        private mutating func element() {
            encoder.tag(.element)
            count += 1
        }

        mutating func encodeNil() { element(); encoder.tag(.null) }
        mutating func encode(_ value: Bool) { element(); encoder.bool(value) }
        mutating func encode(_ value: String) { element(); encoder.string(value) }
        mutating func encode(_ value: Double) { element(); encoder.double(value) }
        mutating func encode(_ value: Float) { element(); encoder.double(Double(value)) }
        mutating func encode(_ value: Int) { element(); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int8) { element(); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int16) { element(); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int32) { element(); encoder.int(Int64(value)) }
        mutating func encode(_ value: Int64) { element(); encoder.int(value) }
        mutating func encode(_ value: UInt) { element(); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) { element(); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) { element(); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) { element(); encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) { element(); encoder.uint(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { element(); try encoder.value(value) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            element()
            return encoder.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            return encoder.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            element()
            return encoder
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: KeyEncoder
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() { encoder.tag(.null) }
        mutating func encode(_ value: Bool) { encoder.bool(value) }
        mutating func encode(_ value: String) { encoder.string(value) }
        mutating func encode(_ value: Double) { encoder.double(value) }
        mutating func encode(_ value: Float) { encoder.double(Double(value)) }
        mutating func encode(_ value: Int) { encoder.int(Int64(value)) }
        mutating func encode(_ value: Int8) { encoder.int(Int64(value)) }
        mutating func encode(_ value: Int16) { encoder.int(Int64(value)) }
        mutating func encode(_ value: Int32) { encoder.int(Int64(value)) }
        mutating func encode(_ value: Int64) { encoder.int(value) }
        mutating func encode(_ value: UInt) { encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt8) { encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt16) { encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt32) { encoder.uint(UInt64(value)) }
        mutating func encode(_ value: UInt64) { encoder.uint(value) }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.value(value) }
    }
}
