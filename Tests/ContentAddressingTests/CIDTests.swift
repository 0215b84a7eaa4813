import Testing
@testable import ContentAddressing

@Suite struct CIDTests {
    @Test func emptyDirectoryBlockHasKnownCIDs() {
        let node = PBNode(data: UnixFSData(kind: .directory).encoded())
        #expect(node.encoded() == [0x0a, 0x02, 0x08, 0x01])
        #expect(Block(data: node.encoded(), codec: CID.dagPB, cidVersion: 0).cid.string == "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")
        #expect(Block(data: node.encoded(), codec: CID.dagPB, cidVersion: 1).cid.string == "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354")
    }

    @Test func rawBlocksHaveKnownCIDs() {
        #expect(Block(data: Array("hello world".utf8), codec: CID.raw, cidVersion: 1).cid.string == "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")
        #expect(Block(data: [], codec: CID.raw, cidVersion: 1).cid.string == "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku")
    }

    @Test(arguments: [
        "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn",
        "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354",
        "bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e",
    ])
    func stringRoundTrips(_ text: String) throws {
        let cid = try CID(text)
        #expect(cid.string == text)
        #expect(try CID(bytes: cid.bytes) == cid)
        #expect(text.count == (cid.version == 0 ? 46 : 59))
    }

    @Test func v0AndV1NameTheSameMultihash() throws {
        let v0 = try CID("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn")
        #expect(v0.v1.string == "bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354")
        #expect(v0.codec == CID.dagPB && v0.version == 0)
    }

    @Test func base58ZPrefixParses() throws {
        let cid = try CID("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")
        let z = "z" + Multibase.base58(cid.bytes)
        #expect(try CID(z) == cid)
    }

    @Test(arguments: [
        ("", "empty"),
        ("xyz", "unknown multibase prefix"),
        ("bafy!!!", "not valid base32"),
        ("QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3N0", "base58"),
        ("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf35", "not valid base32"),
        ("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci", "cut off"),
        ("baiaa", "unsupported CID version 2"),
    ])
    func malformedStringsAreRejectedClearly(_ text: String, _ expected: String) {
        do {
            _ = try CID(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func base32MatchesRFC4648Vectors() {
        let vectors = ["": "", "f": "my", "fo": "mzxq", "foo": "mzxw6", "foob": "mzxw6yq", "fooba": "mzxw6ytb", "foobar": "mzxw6ytboi"]
        for (plain, encoded) in vectors {
            #expect(Multibase.base32(Array(plain.utf8)) == encoded)
            #expect(Multibase.decodeBase32(Substring(encoded)) == Array(plain.utf8))
        }
    }

    @Test func base58KeepsLeadingZeros() {
        let bytes: [UInt8] = [0, 0, 1, 2, 255]
        let text = Multibase.base58(bytes)
        #expect(text.hasPrefix("11"))
        #expect(Multibase.decodeBase58(Substring(text)) == bytes)
    }
}
