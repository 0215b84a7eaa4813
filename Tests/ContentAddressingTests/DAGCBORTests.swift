import Testing
@testable import ContentAddressing

@Suite struct DAGCBORTests {
    @Test func roundTripsEveryKind() throws {
        let cid = Block(data: [1], codec: CID.raw, cidVersion: 1).cid
        let value = CBORValue.map([
            CBORMapEntry("a", .unsigned(0)),
            CBORMapEntry("bb", .array([.unsigned(23), .unsigned(24), .unsigned(256), .unsigned(1 << 40), .negative(99)])),
            CBORMapEntry("ccc", .map([CBORMapEntry("link", .link(cid)), CBORMapEntry("t", .text("héllo"))])),
            CBORMapEntry("dddd", .array([.bool(true), .bool(false), .null, .float(1.5), .bytes([0, 255])])),
        ])
        let bytes = DAGCBOR.encode(value)
        #expect(try DAGCBOR.decode(bytes) == value)
        #expect(try DAGCBOR.links(in: bytes) == [cid])
        #expect(value["ccc"]?["t"] == .text("héllo"))
    }

    @Test func headsUseTheShortestForm() {
        #expect(DAGCBOR.encode(.unsigned(23)) == [0x17])
        #expect(DAGCBOR.encode(.unsigned(24)) == [0x18, 24])
        #expect(DAGCBOR.encode(.unsigned(0x1234)) == [0x19, 0x12, 0x34])
        #expect(DAGCBOR.encode(.text("roots")) == [0x65] + Array("roots".utf8))
    }

    @Test(arguments: [
        ([0x5f, 0x41, 0x00, 0xff], "indefinite"),            // indefinite-length bytes
        ([0xa1, 0x01, 0x02], "map key is not a string"),
        ([0xc1, 0x00], "tag 1 is not DAG-CBOR"),
        ([0xd8, 0x2a, 0x41, 0x01], "tag 42 must hold"),      // no 00 prefix
        ([0xd8, 0x2a, 0x42, 0x00, 0x07], "invalid CID"),
        ([0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], "runs past the end"),
        ([0x62, 0xff, 0xfe], "not UTF-8"),
        ([0xf9, 0x3c, 0x00], "not DAG-CBOR"),                // half float
        ([0x01, 0x02], "trailing"),
        ([0x18], "cut off"),
    ] as [([UInt8], String)])
    func rejectsWhatDAGCBORForbids(_ bytes: [UInt8], _ expected: String) {
        do {
            _ = try DAGCBOR.decode(bytes)
            Issue.record("accepted \(bytes)")
        } catch {
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let bytes = [UInt8](repeating: 0x81, count: 100_000) + [0x00]
        #expect(throws: DAGCBORError.self) { try DAGCBOR.decode(bytes) }
    }
}
