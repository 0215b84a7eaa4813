import Foundation

/// Signs requests and checks the signatures of their answers (RFC 8945 section 4).
public struct TSIGSigner: Sendable {
    public let key: TSIGKey
    /// How far the server's clock may be from ours.
    public var fudge: UInt16 = 300
    /// The time to sign with (injectable for tests).
    public var now: @Sendable () -> UInt64 = { UInt64(Date().timeIntervalSince1970) }

    public init(key: TSIGKey) { self.key = key }

    /// `message` with a TSIG record appended; returns the bytes to send and the MAC the answer's signature covers.
    public func sign(_ message: DNSMessage) -> (bytes: [UInt8], mac: [UInt8]) {
        let time = now()
        let unsigned = message.encoded()
        let mac = key.mac(unsigned + variables(time: time, error: 0, other: []))
        var signed = message
        signed.additional.append(record(time: time, mac: mac, originalID: message.id, error: 0, other: []))
        return (signed.encoded(), mac)
    }

    /// Checks the TSIG record an answer to a request signed with `requestMAC` ends with, and
    /// returns the answer without it. An answer the server could not verify (BADSIG, BADKEY,
    /// BADTIME: it then signs nothing) is returned as is for its response code to be read.
    public func verify(_ bytes: [UInt8], requestMAC: [UInt8]) throws(DNSError) -> DNSMessage {
        var message = try DNSMessage(decoding: bytes)
        guard let last = message.additional.last, last.type == .tsig else {
            // Servers answer errors about the key itself unsigned.
            if message.responseCode == .notAuth || message.responseCode == .refused || message.responseCode == .formatError { return message }
            throw .badSignature("the answer is not signed with the TSIG key (a server without the key, or something in between)")
        }
        let fields = try TSIGFields(last.data)
        if fields.error != 0 {
            // The server refused our signature; its MAC is empty (BADSIG/BADKEY) or covers nothing we can check.
            message.additional.removeLast()
            message.responseCode = ResponseCode(rawValue: fields.error)
            return message
        }
        guard last.name == key.name, fields.algorithm == key.algorithm.name else {
            throw .badSignature("the answer is signed with another key (\(last.name), \(fields.algorithm))")
        }
        message.additional.removeLast()
        // The MAC covers the answer's bytes as sent (names compressed as the server chose), less
        // the TSIG record, with the original ID and one additional record fewer.
        var unsigned = Array(bytes[..<(try Self.offsetOfLastRecord(in: bytes))])
        unsigned[0] = UInt8(fields.originalID >> 8)
        unsigned[1] = UInt8(fields.originalID & 0xFF)
        let additional = (UInt16(unsigned[10]) << 8 | UInt16(unsigned[11])) - 1
        unsigned[10] = UInt8(additional >> 8)
        unsigned[11] = UInt8(additional & 0xFF)
        var covered: [UInt8] = []
        putU16(UInt16(requestMAC.count), to: &covered)
        covered += requestMAC + unsigned + variables(time: fields.time, error: fields.error, other: fields.other)
        guard key.mac(covered) == fields.mac else {
            throw .badSignature("the answer's TSIG signature does not verify: it did not come from a server holding the secret")
        }
        let skew = Int64(now()) - Int64(fields.time)
        guard abs(skew) <= Int64(fields.fudge) else {
            throw .badSignature("the answer was signed \(skew) s away from this machine's clock (fudge \(fields.fudge) s)")
        }
        return message
    }

    /// Where the message's last record (its TSIG record) starts.
    static func offsetOfLastRecord(in bytes: [UInt8]) throws(DNSError) -> Int {
        var reader = WireReader(bytes)
        _ = try reader.take(4)
        let counts = (try reader.u16(), try reader.u16(), try reader.u16(), try reader.u16())
        for _ in 0..<counts.0 {
            _ = try reader.name()
            _ = try reader.take(4)
        }
        let records = Int(counts.1) + Int(counts.2) + Int(counts.3)
        var start = reader.offset
        for _ in 0..<records {
            start = reader.offset
            _ = try reader.record()
        }
        return start
    }

    /// What the MAC covers after the message: RFC 8945 section 4.3.3.
    private func variables(time: UInt64, error: UInt16, other: [UInt8]) -> [UInt8] {
        var bytes = key.name.wire(lowercased: true)
        putU16(RecordClass.any.rawValue, to: &bytes)
        bytes += [0, 0, 0, 0]
        bytes += key.algorithm.name.wire(lowercased: true)
        bytes += time48(time)
        putU16(fudge, to: &bytes)
        putU16(error, to: &bytes)
        putU16(UInt16(other.count), to: &bytes)
        return bytes + other
    }

    private func record(time: UInt64, mac: [UInt8], originalID: UInt16, error: UInt16, other: [UInt8]) -> ResourceRecord {
        var data = key.algorithm.name.wire()
        data += time48(time)
        putU16(fudge, to: &data)
        putU16(UInt16(mac.count), to: &data)
        data += mac
        putU16(originalID, to: &data)
        putU16(error, to: &data)
        putU16(UInt16(other.count), to: &data)
        data += other
        return ResourceRecord(name: key.name, type: .tsig, recordClass: .any, ttl: 0, data: data)
    }

    private func time48(_ time: UInt64) -> [UInt8] { (0..<6).map { UInt8((time >> (8 * (5 - UInt64($0)))) & 0xFF) } }
}

/// A TSIG record's RDATA.
struct TSIGFields {
    var algorithm: DNSName
    var time: UInt64
    var fudge: UInt16
    var mac: [UInt8]
    var originalID: UInt16
    var error: UInt16
    var other: [UInt8]

    init(_ data: [UInt8]) throws(DNSError) {
        var reader = WireReader(data)
        algorithm = try reader.name()
        var signed: UInt64 = 0
        for _ in 0..<6 { signed = signed << 8 | UInt64(try reader.u8()) }
        time = signed
        fudge = try reader.u16()
        mac = try reader.take(Int(try reader.u16()))
        originalID = try reader.u16()
        error = try reader.u16()
        other = try reader.take(Int(try reader.u16()))
    }
}
