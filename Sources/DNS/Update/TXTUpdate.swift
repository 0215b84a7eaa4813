/// A change to the TXT records at one name, made only if they are still what was read (RFC 2136
/// prerequisites: "RRset exists (value dependent)", or "RRset does not exist" when none were).
public struct TXTUpdate: Sendable, Equatable {
    public var zone: DNSName
    public var name: DNSName
    /// The TXT values at `name` when they were read: all of them, the update's condition.
    public var expected: [String]
    public var remove: [String]
    public var add: [String]
    public var ttl: UInt32

    public init(zone: DNSName, name: DNSName, expected: [String], remove: [String], add: [String], ttl: UInt32) {
        self.zone = zone
        self.name = name
        self.expected = expected
        self.remove = remove
        self.add = add
        self.ttl = ttl
    }

    /// The UPDATE message.
    public func message(id: UInt16 = UInt16.random(in: 0...UInt16.max)) -> DNSMessage {
        var message = DNSMessage(id: id)
        message.opcode = DNSMessage.updateOpcode
        message.questions = [DNSMessage.Question(name: zone, type: .soa)]
        if expected.isEmpty {
            message.answers = [ResourceRecord(name: name, type: .txt, recordClass: .none, ttl: 0, data: [])]
        } else {
            message.answers = expected.map { .txt(name, $0, ttl: 0) }
        }
        message.authority = remove.map { .txt(name, $0, ttl: 0, recordClass: .none) } + add.map { .txt(name, $0, ttl: ttl) }
        return message
    }
}

extension DNSClient {
    /// The TXT values at `name`, as this server answers them (none for NXDOMAIN or no TXT records).
    public func txtValues(at name: DNSName, signer: TSIGSigner? = nil) async throws(DNSError) -> [String] {
        let answer = try await query(name, type: .txt, signer: signer)
        guard answer.responseCode == .noError || answer.responseCode == .nameError else {
            throw .refused(answer.responseCode, "reading the TXT records of \(name) from \(server)")
        }
        return answer.answers.filter { $0.type == .txt && $0.name == name }.compactMap(\.txtText)
    }

    /// Sends `update` signed by `signer` over TCP; throws `.refused` with the server's response code
    /// (NXRRSET/YXRRSET when the records changed since they were read).
    public func apply(_ update: TXTUpdate, signer: TSIGSigner) async throws(DNSError) {
        let answer = try await exchange(update.message(), signer: signer, tcp: true)
        guard answer.responseCode == .noError else { throw .refused(answer.responseCode, "updating \(update.name) at \(server)") }
    }
}
