/// A record type and class, by their numbers.
public struct RecordType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let a = RecordType(rawValue: 1)
    public static let ns = RecordType(rawValue: 2)
    public static let cname = RecordType(rawValue: 5)
    public static let soa = RecordType(rawValue: 6)
    public static let txt = RecordType(rawValue: 16)
    public static let aaaa = RecordType(rawValue: 28)
    public static let tsig = RecordType(rawValue: 250)
    public static let any = RecordType(rawValue: 255)

    public var description: String {
        [1: "A", 2: "NS", 5: "CNAME", 6: "SOA", 16: "TXT", 28: "AAAA", 250: "TSIG", 255: "ANY"][rawValue] ?? "TYPE\(rawValue)"
    }
}

/// A record class: IN, and the NONE and ANY that UPDATE messages give meanings of their own.
public struct RecordClass: RawRepresentable, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let internet = RecordClass(rawValue: 1)
    public static let none = RecordClass(rawValue: 254)
    public static let any = RecordClass(rawValue: 255)
}

/// One resource record; `data` is its RDATA as on the wire.
public struct ResourceRecord: Sendable, Equatable {
    public var name: DNSName
    public var type: RecordType
    public var recordClass: RecordClass
    public var ttl: UInt32
    public var data: [UInt8]

    public init(name: DNSName, type: RecordType, recordClass: RecordClass = .internet, ttl: UInt32, data: [UInt8]) {
        self.name = name
        self.type = type
        self.recordClass = recordClass
        self.ttl = ttl
        self.data = data
    }

    /// A TXT record holding `text` (split into character-strings of at most 255 bytes).
    public static func txt(_ name: DNSName, _ text: String, ttl: UInt32, recordClass: RecordClass = .internet) -> ResourceRecord {
        ResourceRecord(name: name, type: .txt, recordClass: recordClass, ttl: ttl, data: TXT.encode(text))
    }

    /// The text of a TXT record (its character-strings joined), nil for another type or bad RDATA.
    public var txtText: String? {
        guard type == .txt else { return nil }
        return TXT.decode(data)
    }
}

/// TXT RDATA: character-strings, each a length byte and up to 255 bytes.
public enum TXT {
    public static func encode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var data: [UInt8] = []
        var start = 0
        repeat {
            let end = min(start + 255, bytes.count)
            data.append(UInt8(end - start))
            data += bytes[start..<end]
            start = end
        } while start < bytes.count
        return data
    }

    public static func decode(_ data: [UInt8]) -> String? {
        var text: [UInt8] = []
        var index = 0
        while index < data.count {
            let length = Int(data[index])
            guard index + 1 + length <= data.count else { return nil }
            text += data[(index + 1)..<(index + 1 + length)]
            index += 1 + length
        }
        return String(decoding: text, as: UTF8.self)
    }
}
