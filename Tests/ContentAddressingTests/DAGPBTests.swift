import Testing
@testable import ContentAddressing

@Suite struct DAGPBTests {
    @Test func linksComeBeforeDataAndRoundTrip() throws {
        let child = Block(data: Array("hi".utf8), codec: CID.raw, cidVersion: 1)
        let node = PBNode(links: [PBLink(cid: child.cid, name: "a.txt", tsize: 2)],
                          data: UnixFSData(kind: .directory).encoded())
        let bytes = node.encoded()
        #expect(bytes.first == 0x12)
        #expect(Array(bytes.suffix(4)) == [0x0a, 0x02, 0x08, 0x01])
        #expect(bytes.count == node.encodedSize)
        #expect(try PBNode(decoding: bytes) == node)
    }

    @Test func emptyNameIsWritten() {
        let child = Block(data: [1], codec: CID.raw, cidVersion: 1)
        let bytes = PBNode(links: [PBLink(cid: child.cid, tsize: 1)]).encoded()
        // Hash field, then an empty Name field `12 00`, then Tsize.
        let hashEnd = 2 + 2 + child.cid.bytes.count
        #expect(Array(bytes[hashEnd..<(hashEnd + 2)]) == [0x12, 0x00])
    }

    @Test func unixFSFileRoundTrips() throws {
        let data = UnixFSData(kind: .file, fileSize: 300, blockSizes: [256, 44])
        let bytes = data.encoded()
        #expect(bytes == [0x08, 0x02, 0x18, 0xac, 0x02, 0x20, 0x80, 0x02, 0x20, 0x2c])
        #expect(try UnixFSData(decoding: bytes) == data)
    }

    @Test func garbageIsRejected() {
        #expect(throws: DAGPBError.self) { try PBNode(decoding: [0x0a, 0x05, 0x01]) }
        #expect(throws: DAGPBError.self) { try PBNode(decoding: [0x1d, 0x00]) }
        #expect(throws: DAGPBError.self) { try UnixFSData(decoding: [0x08, 0x09]) }
    }
}
