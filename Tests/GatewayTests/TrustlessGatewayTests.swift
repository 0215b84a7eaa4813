import ContentAddressing
import Foundation
import Gateway
import Testing

/// Trustless responses (`?format=raw`, `?format=car`, their `Accept` forms) against the conformance fixtures;
/// each test names the conformance test (tests/trustless_gateway_car_test.go, path_gateway_raw_test.go) it follows.
@Suite(.enabled(if: hasConformanceCARs, "../shared/gateway-conformance is absent"))
struct TrustlessGatewayTests {
    static func expectCAR(_ gw: TestGateway, _ path: String, _ expected: [CID], sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let blocks = try await car(gw, path).1
        #expect(blocks == expected, sourceLocation: sourceLocation)
    }

    static func car(_ gw: TestGateway, _ path: String, headers: [(String, String)] = []) async throws -> (TestResponse, [CID]) {
        let response = try await gw.request(path, headers: headers)
        #expect(response.status == 200, "\(path): \(response.text.prefix(200))")
        return (response, try CARBytes(response.body).cids)
    }

    // TestTrustlessCarPathing
    @Test func pathing() async throws {
        let two = try ConformanceFixture("trustless_gateway_car/subdir-with-two-single-block-files.car")
        try await TestGateway.with(two.content) { gw in
            let (_, blocks) = try await Self.car(gw, "/ipfs/\(two.root)/subdir/ascii.txt?format=car")
            #expect(blocks == (try [two.root, two.cid("subdir"), two.cid("subdir", "ascii.txt")]))
            // Our path checks are cheap, so a missing path is a plain 404, not a partial CAR.
            #expect(try await gw.request("/ipfs/\(two.root)/subdir/i-do-not-exist?format=car").status == 404)
        }
        let hamt = try ConformanceFixture("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car")
        try await TestGateway.with(hamt.content) { gw in
            let (_, blocks) = try await Self.car(gw, "/ipfs/\(hamt.root)/685.txt?format=car")
            let lookup = try UnixFSReader(store: hamt.store).lookup("685.txt", inDirectory: hamt.root, path: "")
            let file = try hamt.cid("685.txt")
            #expect(blocks == (try lookup.blocks + [file] + descendants(of: file, in: hamt.store)))
        }
    }

    // TestTrustlessCarDagScopeBlock
    @Test func dagScopeBlock() async throws {
        let two = try ConformanceFixture("trustless_gateway_car/subdir-with-two-single-block-files.car")
        try await TestGateway.with(two.content) { gw in
            try await Self.expectCAR(gw, "/ipfs/\(two.root)/subdir?format=car&dag-scope=block", try [two.root, two.cid("subdir")])
            try await Self.expectCAR(gw, "/ipfs/\(two.root)/subdir/ascii.txt?format=car&dag-scope=block", try [two.root, two.cid("subdir"), two.cid("subdir", "ascii.txt")])
        }
        let hamt = try ConformanceFixture("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car")
        try await TestGateway.with(hamt.content) { gw in
            let lookup = try UnixFSReader(store: hamt.store).lookup("1.txt", inDirectory: hamt.root, path: "")
            #expect(try await Self.car(gw, "/ipfs/\(hamt.root)/1.txt?format=car&dag-scope=block").1 == lookup.blocks + [try hamt.cid("1.txt")])
        }
    }

    // TestTrustlessCarDagScopeEntity
    @Test func dagScopeEntity() async throws {
        let two = try ConformanceFixture("trustless_gateway_car/subdir-with-two-single-block-files.car")
        try await TestGateway.with(two.content) { gw in
            try await Self.expectCAR(gw, "/ipfs/\(two.root)?format=car&dag-scope=entity", [two.root])
        }
        let hamt = try ConformanceFixture("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car")
        try await TestGateway.with(hamt.content) { gw in
            let blocks = try await Self.car(gw, "/ipfs/\(hamt.root)?format=car&dag-scope=entity").1
            #expect(blocks == (try [hamt.root] + (Self.hamtShards(below: hamt.root, in: hamt.store))))
            #expect(try await Self.car(gw, "/ipfs/\(hamt.root)?format=car&dag-scope=entity&entity-bytes=0:*").1 == blocks,
                    "entity-bytes is ignored for a directory")
        }
        let mixed = try ConformanceFixture("trustless_gateway_car/subdir-with-mixed-block-files.car")
        try await TestGateway.with(mixed.content) { gw in
            let path = [mixed.root, try mixed.cid("subdir")]
            #expect(try await Self.car(gw, "/ipfs/\(mixed.root)/subdir/ascii.txt?format=car&dag-scope=entity").1 == path + [try mixed.cid("subdir", "ascii.txt")])
            let multiblock = try mixed.cid("subdir", "multiblock.txt")
            #expect(try await Self.car(gw, "/ipfs/\(mixed.root)/subdir/multiblock.txt?format=car&dag-scope=entity").1
                == path + [multiblock] + (try descendants(of: multiblock, in: mixed.store)))
        }
        let cbor = try ConformanceFixture("trustless_gateway_car/dir-with-dag-cbor-with-links.car")
        try await TestGateway.with(cbor.content) { gw in
            try await Self.expectCAR(gw, "/ipfs/\(cbor.root)/document?format=car&dag-scope=entity", try [cbor.root, cbor.cid("document")])
        }
    }

    // TestTrustlessCarDagScopeAll
    @Test func dagScopeAll() async throws {
        let mixed = try ConformanceFixture("trustless_gateway_car/subdir-with-mixed-block-files.car")
        try await TestGateway.with(mixed.content) { gw in
            let subdir = try mixed.cid("subdir")
            try await Self.expectCAR(gw, "/ipfs/\(mixed.root)/subdir?format=car&dag-scope=all", try [mixed.root, subdir] + (descendants(of: subdir, in: mixed.store)))
            let multiblock = try mixed.cid("subdir", "multiblock.txt")
            try await Self.expectCAR(gw, "/ipfs/\(mixed.root)/subdir/multiblock.txt?format=car&dag-scope=all", try [mixed.root, subdir, multiblock] + (descendants(of: multiblock, in: mixed.store)))
        }
    }

    // TestTrustlessCarEntityBytes
    @Test func entityBytes() async throws {
        let missing = try ConformanceFixture("trustless_gateway_car/file-3k-and-3-blocks-missing-block.car")
        let file = missing.root
        try await TestGateway.with(missing.content) { gw in
            let head = try await Self.car(gw, "/ipfs/\(file)?format=car&dag-scope=entity&entity-bytes=0:1000").1
            #expect(head == (try [file, CID("QmPKt7ptM2ZYSGPUc8PmPT2VBkLDK3iqpG9TBJY7PCE9rF")]))
            let tail = try await Self.car(gw, "/ipfs/\(file)?format=car&dag-scope=entity&entity-bytes=2200:*").1
            #expect(tail == (try [file, CID("QmWXY482zQdwecnfBsj78poUUuPXvyw2JAFAEMw4tzTavV")]))
        }
        let mixed = try ConformanceFixture("trustless_gateway_car/subdir-with-mixed-block-files.car")
        let multiblock = try mixed.cid("subdir", "multiblock.txt")
        let leaves = try descendants(of: multiblock, in: mixed.store)
        #expect(leaves.count == 5, "multiblock.txt is 4 × 256 + 2 bytes")
        try await TestGateway.with(mixed.content) { gw in
            let full = try await Self.car(gw, "/ipfs/\(mixed.root)/subdir/multiblock.txt?format=car&dag-scope=entity&entity-bytes=0:*").1
            #expect(full == (try [mixed.root, mixed.cid("subdir"), multiblock] + leaves))
            let cases: [(String, [CID])] = [
                ("512:*", Array(leaves[2...])), ("512:1023", Array(leaves[2..<4])), ("512:-256", Array(leaves[2..<4])),
                ("-5:*", Array(leaves[3...])), ("-9999:*", leaves), ("-9999:-3", Array(leaves[0..<4])), ("0:0", [leaves[0]]),
            ]
            for (range, expected) in cases {
                let blocks = try await Self.car(gw, "/ipfs/\(multiblock)?format=car&dag-scope=entity&entity-bytes=\(range)").1
                #expect(blocks == (try [multiblock] + expected), "entity-bytes=\(range)")
            }
            let etagA = try await gw.request("/ipfs/\(multiblock)?format=car&entity-bytes=0:10").header("Etag")
            let etagB = try await gw.request("/ipfs/\(multiblock)?format=car&entity-bytes=0:20").header("Etag")
            #expect(etagA != nil && etagA != etagB, "the ETag depends on entity-bytes")
        }
    }

    // TestTrustlessCarOrderAndDuplicates
    @Test func orderAndDuplicates() async throws {
        let dups = try ConformanceFixture("trustless_gateway_car/dir-with-duplicate-files.car")
        try await TestGateway.with(dups.content) { gw in
            let (yes, withDups) = try await Self.car(gw, "/ipfs/\(dups.root)", headers: [("Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=y")])
            let type = try #require(yes.header("Content-Type"))
            #expect(type.contains("application/vnd.ipld.car") && type.contains("order=dfs") && type.contains("dups=y"))
            let (no, once) = try await Self.car(gw, "/ipfs/\(dups.root)", headers: [("Accept", "application/vnd.ipld.car; version=1; order=dfs; dups=n")])
            #expect(no.header("Content-Type")?.contains("dups=n") == true)
            #expect(Set(once).count == once.count && withDups.count > once.count && Set(withDups) == Set(once))
            let (unknown, _) = try await Self.car(gw, "/ipfs/\(dups.root)", headers: [("Accept", "application/vnd.ipld.car; version=1; order=unk")])
            #expect(unknown.header("Content-Type")?.contains("order=") == true)
            let (queryWins, _) = try await Self.car(gw, "/ipfs/\(dups.root)?format=car&car-dups=y", headers: [("Accept", "application/vnd.ipld.car; dups=n")])
            #expect(queryWins.header("Content-Type")?.contains("dups=y") == true)
            let identity = try await gw.request("/ipfs/bafkqaf3imvwgy3zaneqgc3janfxgy2lomvscay3jmqfa", headers: [("Accept", "application/vnd.ipld.car; dups=y")])
            #expect(identity.status == 200 && identity.header("Content-Type")?.contains("dups=y") == true)
            #expect(try CARBytes(identity.body).blocks.isEmpty, "identity CIDs are never sent as blocks")
        }
    }

    // TestTrustlessCarFormatPrecedence, TestGatewayBlock (on subdir-with-two-single-block-files: gateway-raw-block.car is not in ../shared)
    @Test func rawBlocksAndFormatPrecedence() async throws {
        let two = try ConformanceFixture("trustless_gateway_car/subdir-with-two-single-block-files.car")
        let dirBlock = try two.block("subdir")
        let ascii = try two.block("subdir", "ascii.txt")
        try await TestGateway.with(two.content) { gw in
            #expect(try await gw.request("/ipfs/\(two.root)/subdir?format=raw").body == dirBlock)
            let accept = try await gw.request("/ipfs/\(two.root)/subdir", headers: [("Accept", "application/vnd.ipld.raw")])
            #expect(accept.status == 200 && accept.body == dirBlock)
            let ranged = try await gw.request("/ipfs/\(two.root)/subdir", headers: [("Accept", "application/vnd.ipld.raw"), ("Range", "bytes=6-16")])
            #expect(ranged.status == 206 && ranged.header("Content-Type") == "application/vnd.ipld.raw")
            #expect(ranged.header("Content-Range") == "bytes 6-16/\(dirBlock.count)" && ranged.body == Array(dirBlock[6..<17]))

            let file = try await gw.request("/ipfs/\(two.root)/subdir/ascii.txt", headers: [("Accept", "application/vnd.ipld.raw")])
            #expect(file.header("Content-Type") == "application/vnd.ipld.raw")
            #expect(file.header("Content-Length") == "\(ascii.count)" && file.body == ascii)
            #expect(file.header("Content-Disposition")?.hasPrefix("attachment;") == true)
            #expect(file.header("X-Content-Type-Options") == "nosniff")
            #expect(file.header("Etag") != nil)
            #expect(file.header("X-Ipfs-Path") == "/ipfs/\(two.root)/subdir/ascii.txt")
            #expect(file.header("X-Ipfs-Roots")?.contains(two.root.string) == true)
            #expect(file.header("Cache-Control") == "public, max-age=29030400, immutable")
            let named = try await gw.request("/ipfs/\(two.root)/subdir/ascii.txt?filename=foobar.bin", headers: [("Accept", "application/vnd.ipld.raw")])
            #expect(named.header("Content-Disposition")?.contains("filename=\"foobar.bin") == true)

            let carWins = try await gw.request("/ipfs/\(two.root)/subdir?format=car", headers: [("Accept", "application/vnd.ipld.raw")])
            #expect(carWins.header("Content-Type")?.contains("application/vnd.ipld.car") == true)
            let rawWins = try await gw.request("/ipfs/\(two.root)/subdir?format=raw", headers: [("Accept", "application/vnd.ipld.car")])
            #expect(rawWins.header("Content-Type") == "application/vnd.ipld.raw")
            #expect(try await gw.request("/ipfs/\(two.root)?format=tar").status == 400)
            #expect(try await gw.request("/ipfs/\(two.root)?format=car&dag-scope=everything").status == 400)
            #expect(try await gw.request("/ipfs/\(two.root)?format=car&entity-bytes=a:b").status == 400)
            #expect(try await gw.request("/ipfs/\(two.root)?format=car&car-version=2").status == 400)
        }
    }

    /// Every HAMT shard under `shard`, depth-first (conformance's `MustGetCidsInHAMT` without the root).
    static func hamtShards(below shard: CID, in store: any BlockStore) throws -> [CID] {
        var out: [CID] = []
        for link in try PBNode(decoding: store.get(shard)!).links where link.name.utf8.count == 2 {
            out.append(link.cid)
            out += try hamtShards(below: link.cid, in: store)
        }
        return out
    }
}
