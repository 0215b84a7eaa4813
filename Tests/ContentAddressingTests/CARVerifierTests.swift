import Foundation
import Testing
import TestSupport
@testable import ContentAddressing

@Suite struct CARVerifierTests {
    /// root dir → {"docs" → dir → {"a" → raw, "f" → 2-leaf file}, "z" → raw}
    func sample(in folder: TemporaryFolder) throws -> (url: URL, dag: HandDAG, root: CID, docs: CID, bytes: [UInt8]) {
        let dag = HandDAG()
        let docs = dag.directory([("a", dag.raw("a content")), ("f", dag.file(["part one ", "part two"]))])
        let root = dag.directory([("docs", docs), ("z", dag.raw("zzz"))])
        let url = folder.file("sample.car")
        _ = try CARWriter.write(root: root.cid, from: dag.store, to: url)
        return (url, dag, root.cid, docs.cid, Array(try Data(contentsOf: url)))
    }

    func sections(_ url: URL) throws -> [CARSection] {
        let reader = try CARReader(url: url)
        var out: [CARSection] = []
        while let s = try reader.nextSection() { out.append(s) }
        return out
    }

    @Test func validCARVerifies() throws {
        let folder = try TemporaryFolder()
        let s = try sample(in: folder)
        let result = try CARVerifier.verify(url: s.url)
        #expect(result.isValid)
        #expect(result.problems.isEmpty)
        #expect(result.roots == [s.root])
        #expect(result.blockCount == 7)
        #expect(result.byteCount == UInt64(s.bytes.count))
    }

    @Test func flippedDataByteIsReportedWithTheBlocksCID() throws {
        let folder = try TemporaryFolder()
        let s = try sample(in: folder)
        let target = try sections(s.url).first { $0.cid == s.docs }!
        var bytes = s.bytes
        bytes[Int(target.dataOffset) + 3] ^= 0x01
        let url = folder.file("flipped.car")
        try Data(bytes).write(to: url)

        let result = try CARVerifier.verify(url: url)
        #expect(!result.isValid)
        // The corrupt block's links are not trusted, so nothing below it is reported missing.
        #expect(result.failures == [.corruptBlock(s.docs, offset: target.offset)])
        #expect(throws: CARError.corruptBlock(path: url.path, cid: s.docs, offset: target.offset)) {
            try CARBlockStore(url: url).get(s.docs)
        }
    }

    @Test func blockLeftOutIsReportedMissingWithItsParent() throws {
        let dag = HandDAG()
        let kept = dag.raw("kept")
        let lost = dag.raw("lost")
        let root = dag.directory([("kept", kept), ("lost", lost)])
        let partial = MemoryBlockStore()
        for cid in [root.cid, kept.cid] { partial.put(Block(cid: cid, data: dag.store.get(cid)!)) }
        let folder = try TemporaryFolder()
        // The writer refuses an incomplete DAG, so write the two sections by hand.
        var bytes = Varint.encode(58) + CARHeader(roots: [root.cid]).encoded()
        for cid in [root.cid, kept.cid] {
            let data = partial.get(cid)!
            bytes += Varint.encode(UInt64(cid.bytes.count + data.count)) + cid.bytes + data
        }
        let url = folder.file("partial.car")
        try Data(bytes).write(to: url)

        let result = try CARVerifier.verify(url: url)
        #expect(result.failures == [.missingBlock(lost.cid, linkedFrom: root.cid)])
        #expect(result.failures[0].description.contains(lost.cid.string))
    }

    @Test func missingRootIsReported() throws {
        let folder = try TemporaryFolder()
        let absent = Block(data: [9, 9], codec: CID.raw, cidVersion: 1).cid
        let url = folder.file("noroot.car")
        let header = CARHeader(roots: [absent]).encoded()
        try Data(Varint.encode(UInt64(header.count)) + header).write(to: url)
        #expect(try CARVerifier.verify(url: url).failures == [.missingBlock(absent, linkedFrom: nil)])
    }

    @Test func dagCBORLinksCountTowardsCompleteness() throws {
        let leaf = Block(data: Array("leaf".utf8), codec: CID.raw, cidVersion: 1)
        let absent = Block(data: Array("absent".utf8), codec: CID.raw, cidVersion: 1).cid
        let doc = DAGCBOR.encode(.map([
            CBORMapEntry("a", .array([.link(leaf.cid), .unsigned(7)])),
            CBORMapEntry("nested", .map([CBORMapEntry("b", .link(absent))])),
        ]))
        let root = Block(data: doc, codec: CID.dagCBOR, cidVersion: 1)
        #expect(try DAGCBOR.links(in: doc) == [leaf.cid, absent])
        let store = MemoryBlockStore()
        store.put(root)
        store.put(leaf)
        let folder = try TemporaryFolder()
        #expect(throws: CARError.missingBlock(path: folder.file("c.car").path, cid: absent, linkedFrom: root.cid)) {
            try CARWriter.write(root: root.cid, from: store, to: folder.file("c.car"))
        }
        store.put(Block(cid: absent, data: Array("absent".utf8)))
        _ = try CARWriter.write(root: root.cid, from: store, to: folder.file("c.car"))
        let result = try CARVerifier.verify(url: folder.file("c.car"))
        #expect(result.isValid)
        #expect(result.blockCount == 3)
    }

    @Test func undecodableDagPBBlockIsAProblem() throws {
        let junk = Block(data: [0xff, 0xff, 0xff], codec: CID.dagPB, cidVersion: 1)
        let folder = try TemporaryFolder()
        let url = folder.file("junk.car")
        let header = CARHeader(roots: [junk.cid]).encoded()
        try Data(Varint.encode(UInt64(header.count)) + header + Varint.encode(UInt64(junk.cid.bytes.count + 3)) + junk.cid.bytes + junk.data).write(to: url)
        let result = try CARVerifier.verify(url: url)
        guard case .undecodableBlock(let cid, _)? = result.failures.first else { Issue.record("\(result.problems)"); return }
        #expect(cid == junk.cid)
    }

    /// Random byte flips and truncations must give a thrown `CARError` or a failed verification — never a trap,
    /// and never a clean bill of health for bytes that differ from the original.
    @Test func randomMutationsAreCaughtWithoutCrashing() throws {
        let folder = try TemporaryFolder()
        let s = try sample(in: folder)
        var rng = SplitMix64(seed: 0x5eed)
        let url = folder.file("mutant.car")
        var thrown = 0, invalid = 0
        for round in 0..<400 {
            var bytes = s.bytes
            if round % 4 == 3 {
                bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            } else {
                for _ in 0...(round % 3) {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    bytes[i] ^= UInt8.random(in: 1...255, using: &rng)
                }
            }
            try Data(bytes).write(to: url)
            do {
                let result = try CARVerifier.verify(url: url)
                #expect(!result.isValid, "round \(round): mutation went unnoticed")
                invalid += 1
            } catch {
                #expect(!error.description.isEmpty)
                thrown += 1
            }
            // Listing and extracting a mutant must fail cleanly too (or succeed, if the damage is elsewhere).
            if let store = try? CARBlockStore(url: url), let root = store.roots.first {
                _ = try? UnixFSReader(store: store).list(root: root)
                let out = folder.file("out-\(round)")
                try? UnixFSReader(store: store).extract(root: root, to: out)
                try? FileManager.default.removeItem(at: out)
            }
        }
        #expect(thrown > 0 && invalid > 0)
        #expect(try folder.contents().allSatisfy { !$0.hasPrefix(".") }, "temp files left behind")
    }
}
