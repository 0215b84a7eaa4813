/// A DNS message (RFC 1035 section 4; an UPDATE, RFC 2136, names its sections zone,
/// prerequisite, update and additional).
public struct DNSMessage: Sendable, Equatable {
    public var id: UInt16
    public var isResponse = false
    /// 0 query, 5 update.
    public var opcode: UInt8 = 0
    public var authoritative = false
    public var truncated = false
    public var recursionDesired = false
    public var recursionAvailable = false
    public var responseCode: ResponseCode = .noError
    /// The question (a query), or the zone (an UPDATE): name, type and class.
    public var questions: [Question] = []
    /// Answers, or an UPDATE's prerequisites.
    public var answers: [ResourceRecord] = []
    /// Authority records, or an UPDATE's changes.
    public var authority: [ResourceRecord] = []
    public var additional: [ResourceRecord] = []

    public struct Question: Sendable, Equatable {
        public var name: DNSName
        public var type: RecordType
        public var recordClass: RecordClass = .internet

        public init(name: DNSName, type: RecordType, recordClass: RecordClass = .internet) {
            self.name = name
            self.type = type
            self.recordClass = recordClass
        }
    }

    public static let queryOpcode: UInt8 = 0
    public static let updateOpcode: UInt8 = 5

    public init(id: UInt16) { self.id = id }

    /// The message's bytes (names uncompressed: every server reads them, and TSIG covers them as sent).
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        putU16(id, to: &bytes)
        var flags: UInt16 = UInt16(opcode & 0x0F) << 11 | UInt16(responseCode.rawValue & 0x0F)
        if isResponse { flags |= 0x8000 }
        if authoritative { flags |= 0x0400 }
        if truncated { flags |= 0x0200 }
        if recursionDesired { flags |= 0x0100 }
        if recursionAvailable { flags |= 0x0080 }
        putU16(flags, to: &bytes)
        for count in [questions.count, answers.count, authority.count, additional.count] { putU16(UInt16(count), to: &bytes) }
        for question in questions {
            bytes += question.name.wire()
            putU16(question.type.rawValue, to: &bytes)
            putU16(question.recordClass.rawValue, to: &bytes)
        }
        for record in answers + authority + additional { Self.appendRecord(record, to: &bytes) }
        return bytes
    }

    static func appendRecord(_ record: ResourceRecord, to bytes: inout [UInt8]) {
        bytes += record.name.wire()
        putU16(record.type.rawValue, to: &bytes)
        putU16(record.recordClass.rawValue, to: &bytes)
        putU16(UInt16(record.ttl >> 16), to: &bytes)
        putU16(UInt16(record.ttl & 0xFFFF), to: &bytes)
        putU16(UInt16(record.data.count), to: &bytes)
        bytes += record.data
    }

    /// Parses a message; throws `DNSError.malformed` naming what is wrong.
    public init(decoding bytes: [UInt8]) throws(DNSError) {
        var reader = WireReader(bytes)
        id = try reader.u16()
        let flags = try reader.u16()
        isResponse = flags & 0x8000 != 0
        opcode = UInt8((flags >> 11) & 0x0F)
        authoritative = flags & 0x0400 != 0
        truncated = flags & 0x0200 != 0
        recursionDesired = flags & 0x0100 != 0
        recursionAvailable = flags & 0x0080 != 0
        responseCode = ResponseCode(rawValue: UInt16(flags & 0x0F))
        let counts = (try reader.u16(), try reader.u16(), try reader.u16(), try reader.u16())
        for _ in 0..<counts.0 {
            questions.append(Question(name: try reader.name(), type: RecordType(rawValue: try reader.u16()),
                recordClass: RecordClass(rawValue: try reader.u16())))
        }
        for _ in 0..<counts.1 { answers.append(try reader.record()) }
        for _ in 0..<counts.2 { authority.append(try reader.record()) }
        for _ in 0..<counts.3 { additional.append(try reader.record()) }
        guard reader.isAtEnd else { throw .malformed("\(reader.remaining) bytes after the last record") }
    }
}

/// The response code (RCODE), with the extended ones TSIG answers carry.
public struct ResponseCode: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let noError = ResponseCode(rawValue: 0)
    public static let formatError = ResponseCode(rawValue: 1)
    public static let serverFailure = ResponseCode(rawValue: 2)
    public static let nameError = ResponseCode(rawValue: 3)
    public static let notImplemented = ResponseCode(rawValue: 4)
    public static let refused = ResponseCode(rawValue: 5)
    public static let yxDomain = ResponseCode(rawValue: 6)
    public static let yxRRSet = ResponseCode(rawValue: 7)
    public static let nxRRSet = ResponseCode(rawValue: 8)
    public static let notAuth = ResponseCode(rawValue: 9)
    public static let notZone = ResponseCode(rawValue: 10)
    public static let badSig = ResponseCode(rawValue: 16)
    public static let badKey = ResponseCode(rawValue: 17)
    public static let badTime = ResponseCode(rawValue: 18)

    /// The code's name and what it means, in words.
    public var description: String {
        switch rawValue {
        case 0: "NOERROR"
        case 1: "FORMERR (the server could not read the request)"
        case 2: "SERVFAIL (the server failed)"
        case 3: "NXDOMAIN (no such name)"
        case 4: "NOTIMP (the server does not do this)"
        case 5: "REFUSED (the server refuses: not allowed for this key or address)"
        case 6: "YXDOMAIN (a name that should not exist does)"
        case 7: "YXRRSET (records that should not exist do)"
        case 8: "NXRRSET (the records are not what the plan read: the zone changed)"
        case 9: "NOTAUTH (the server is not authoritative for the zone, or refused the key)"
        case 10: "NOTZONE (the name is not in the zone)"
        case 16: "BADSIG (the TSIG signature does not verify: wrong secret)"
        case 17: "BADKEY (the server does not know this TSIG key name or algorithm)"
        case 18: "BADTIME (the clocks differ by more than the fudge)"
        default: "RCODE \(rawValue)"
        }
    }
}

/// Why a DNS exchange failed.
public enum DNSError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformed(String)
    case network(String)
    case timeout(String)
    case refused(ResponseCode, String)
    case badSignature(String)

    public var description: String {
        switch self {
        case .malformed(let what): "a malformed DNS message: \(what)"
        case .network(let what): what
        case .timeout(let what): what
        case .refused(let code, let what): "\(what): \(code)"
        case .badSignature(let what): what
        }
    }
}

func putU16(_ value: UInt16, to bytes: inout [UInt8]) {
    bytes.append(UInt8(value >> 8))
    bytes.append(UInt8(value & 0xFF))
}

/// Reads a message's fields in order, following compression pointers in names.
struct WireReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func u8() throws(DNSError) -> UInt8 {
        guard offset < bytes.count else { throw .malformed("cut short at byte \(offset)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func u16() throws(DNSError) -> UInt16 { UInt16(try u8()) << 8 | UInt16(try u8()) }
    mutating func u32() throws(DNSError) -> UInt32 { UInt32(try u16()) << 16 | UInt32(try u16()) }

    mutating func take(_ count: Int) throws(DNSError) -> [UInt8] {
        guard count <= remaining else { throw .malformed("a field of \(count) bytes with \(remaining) left") }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    mutating func name() throws(DNSError) -> DNSName {
        var labels: [[UInt8]] = []
        var position = offset
        var jumped = false
        var jumps = 0
        var length = 1
        while true {
            guard position < bytes.count else { throw .malformed("a name runs past the end") }
            let size = Int(bytes[position])
            if size == 0 {
                if !jumped { offset = position + 1 }
                return DNSName(labels: labels)
            }
            if size & 0xC0 == 0xC0 {
                guard position + 1 < bytes.count else { throw .malformed("a cut compression pointer") }
                jumps += 1
                guard jumps < 64 else { throw .malformed("a compression pointer loop") }
                if !jumped { offset = position + 2 }
                jumped = true
                position = (size & 0x3F) << 8 | Int(bytes[position + 1])
                continue
            }
            guard size <= 63, position + 1 + size <= bytes.count else { throw .malformed("a label runs past the end") }
            length += 1 + size
            guard length <= 255 else { throw .malformed("a name longer than 255 bytes") }
            labels.append(Array(bytes[(position + 1)..<(position + 1 + size)]))
            position += 1 + size
        }
    }

    mutating func record() throws(DNSError) -> ResourceRecord {
        let name = try name()
        let type = RecordType(rawValue: try u16())
        let recordClass = RecordClass(rawValue: try u16())
        let ttl = try u32()
        let length = Int(try u16())
        if type == .ns || type == .cname, length > 0 {
            // Their RDATA is a name that may point back into the message: kept uncompressed.
            let end = offset + length
            let target = try self.name()
            guard offset == end else { throw .malformed("a \(type) record whose name does not fill its data") }
            return ResourceRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: target.wire())
        }
        return ResourceRecord(name: name, type: type, recordClass: recordClass, ttl: ttl, data: try take(length))
    }
}
