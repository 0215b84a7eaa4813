import Foundation
import Testing
@testable import ContentAddressing

@Suite struct CARWriterTests {
    @Test func headerForOneDagPBRootMatchesKubo() throws {
        let root = try CID("bafybeiczsscdsbs7ffqz55asqdf3smv6klcw3gofszvwlyarci47bgf354")
        let header = CARHeader(roots: [root]).encoded()
        #expect(header.count == 58)
        let framed = Varint.encode(UInt64(header.count)) + header
        let expectedStart: [UInt8] = [0x3a, 0xa2, 0x65, 0x72, 0x6f, 0x6f, 0x74, 0x73, 0x81, 0xd8, 0x2a, 0x58, 0x25, 0x00, 0x01, 0x70, 0x12, 0x20]
        #expect(Array(framed.prefix(18)) == expectedStart)
        #expect(Array(framed[18..<50]) == root.multihash.digest)
        #expect(Array(framed[50...]) == [0x67] + Array("version".utf8) + [0x01])
    }

    // The fixtures live beside the repository in ../shared and are not copied in; without them this is skipped, visibly.
    @Test(.enabled(if: hasConformanceCARs, "needs ../shared/gateway-conformance beside the repository"))
    func headerMatchesGatewayFixture() throws {
        // The same bytes kubo wrote into a conformance CAR, rebuilt from its root.
        let url = conformanceFolder.appendingPathComponent("path_gateway_unixfs/dir-with-files.car")
        let bytes = Array(try Data(contentsOf: url))
        let (header, _) = try parseCARSections(bytes)
        let decoded = try CARHeader(decoding: header)
        #expect(decoded.roots.count == 1)
        #expect(CARHeader(roots: decoded.roots).encoded() == header)
    }

    @Test func blocksFollowDagExportOrderAndSharedBlocksAppearOnce() throws {
        let dag = HandDAG()
        let a = dag.raw("shared leaf")
        let b = dag.raw("b leaf")
        let c = dag.raw("c leaf")
        let sub = dag.directory([("c", b), ("d", a)])
        let file = dag.file(["b leaf", "c leaf"])
        let root = dag.directory([("a", a), ("sub", sub), ("file", file)])
        let folder = try TemporaryFolder()
        let out = folder.file("site.car")

        let summary = try CARWriter.write(root: root.cid, from: dag.store, to: out)

        let bytes = Array(try Data(contentsOf: out))
        let (header, blocks) = try parseCARSections(bytes)
        #expect(try CARHeader(decoding: header).roots == [root.cid])
        // Links are sorted by name: a, file, sub. Depth-first: root, a, file, b, c, sub (c→b and d→a already written).
        #expect(blocks.map(\.cid) == [root.cid, a.cid, file.cid, b.cid, c.cid, sub.cid])
        #expect(blocks.allSatisfy { $0.isIntact })
        #expect(summary == CARSummary(roots: [root.cid], blockCount: 6, byteCount: UInt64(bytes.count)))
        #expect(try folder.contents() == ["site.car"])
    }

    @Test func identityCIDsAreFollowedButNotWritten() throws {
        let dag = HandDAG()
        let leaf = dag.raw("real leaf")
        let inlineNode = PBNode(links: [PBLink(cid: leaf.cid, name: "x", tsize: leaf.size)], data: UnixFSData(kind: .directory).encoded())
        let inline = CID.v1(codec: CID.dagPB, Multihash(code: Multihash.identityCode, digest: inlineNode.encoded()))
        let root = dag.put(PBNode(links: [PBLink(cid: inline, name: "inline", tsize: 1)], data: UnixFSData(kind: .directory).encoded()), 1)
        let folder = try TemporaryFolder()
        let out = folder.file("id.car")

        _ = try CARWriter.write(root: root.cid, from: dag.store, to: out)

        let blocks = try parseCARSections(Array(try Data(contentsOf: out))).blocks
        #expect(blocks.map(\.cid) == [root.cid, leaf.cid])
    }

    @Test func missingBlockNamesTheCIDAndLeavesTheDestinationUntouched() throws {
        let dag = HandDAG()
        let present = dag.raw("present")
        let absent = Block(data: Array("absent".utf8), codec: CID.raw, cidVersion: 1).cid
        let root = dag.directory([("p", present), ("q", (absent, 6))])
        let folder = try TemporaryFolder()
        let out = folder.file("site.car")
        try Data("old contents".utf8).write(to: out)

        #expect(throws: CARError.missingBlock(path: out.path, cid: absent, linkedFrom: root.cid)) {
            try CARWriter.write(root: root.cid, from: dag.store, to: out)
        }
        #expect(try String(contentsOf: out, encoding: .utf8) == "old contents")
        #expect(try folder.contents() == ["site.car"])
    }

    @Test func missingRootIsReported() throws {
        let folder = try TemporaryFolder()
        let root = Block(data: [1, 2, 3], codec: CID.raw, cidVersion: 1).cid
        do {
            _ = try CARWriter.write(root: root, from: MemoryBlockStore(), to: folder.file("x.car"))
            Issue.record("wrote a CAR without its root")
        } catch {
            #expect(error.description.contains(root.string))
            #expect(error.description.contains("x.car"))
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func unwritableDestinationIsAWriteError() throws {
        let dag = HandDAG()
        let leaf = dag.raw("x")
        let out = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/x.car")
        #expect(throws: CARError.self) { try CARWriter.write(root: leaf.cid, from: dag.store, to: out) }
    }
}

@Suite struct CARStreamTests {
    @Test func streamGivesTheFileBytesAndSharesBlocksAcrossRoots() throws {
        let dag = HandDAG()
        let shared = dag.raw("shared")
        let first = dag.directory([("s", shared), ("x", dag.raw("x"))])
        let second = dag.directory([("s", shared), ("y", dag.raw("y"))])
        var streamed: [UInt8] = []
        let summary = try CARWriter.stream(roots: [first.cid, second.cid], from: dag.store, name: "upload") { streamed += $0 }
        let folder = try TemporaryFolder()
        let fileSummary = try CARWriter.write(roots: [first.cid, second.cid], from: dag.store, to: folder.file("two.car"))
        #expect(streamed == Array(try Data(contentsOf: folder.file("two.car"))))
        #expect(summary == fileSummary)
        #expect(summary.blockCount == 5)
        let blocks = try parseCARSections(streamed).blocks.map(\.cid)
        #expect(blocks == [first.cid, shared.cid, dag.raw("x").cid, second.cid, dag.raw("y").cid])
        let verification = try CARVerifier.verify(url: folder.file("two.car"))
        #expect(verification.roots == [first.cid, second.cid])
        #expect(verification.isValid)
    }
}
