import Foundation
import Testing
import TestSupport
@testable import ContentAddressing

/// The gateway-conformance CARs in ../shared (read in place, never copied into the repository).
/// Without that folder these tests are skipped with the message below rather than passing silently.
@Suite(.enabled(if: hasConformanceCARs, "needs ../shared/gateway-conformance beside the repository"))
struct CARConformanceTests {
    static let missingBlockCAR = "trustless_gateway_car/file-3k-and-3-blocks-missing-block.car"

    static var allCARs: [String] {
        guard let walker = FileManager.default.enumerator(atPath: conformanceFolder.path) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".car") }.sorted()
    }

    static var completeCARs: [String] { allCARs.filter { $0 != missingBlockCAR } }

    func url(_ name: String) -> URL { conformanceFolder.appendingPathComponent(name) }

    @Test func fixturesAreThere() {
        #expect(Self.allCARs.count >= 14)
        #expect(Self.allCARs.contains(Self.missingBlockCAR))
    }

    @Test(arguments: completeCARs)
    func completeCARReadsAndVerifies(_ name: String) throws {
        let result = try CARVerifier.verify(url: url(name))
        #expect(result.isValid, "\(result.failures)")
        #expect(result.roots.count == 1)
        #expect(result.blockCount > 0)
        #expect(result.byteCount == UInt64(try Data(contentsOf: url(name)).count))
        // Every block the reader hands out is intact and the store finds each root.
        let store = try CARBlockStore(url: url(name))
        #expect(try store.get(result.roots[0]) != nil)
        let reader = try CARReader(url: url(name))
        var sections = 0
        while let block = try reader.next() {
            sections += 1
            #expect(block.isIntact || !block.cid.multihash.isVerifiable)
        }
        #expect(sections == result.blockCount)
    }

    @Test func onlyTheSHA512BlockIsUnverifiable() throws {
        let result = try CARVerifier.verify(url: url("subdomain_gateway/fixtures.car"))
        #expect(result.isValid)
        #expect(result.warnings.count == 1)
        guard case .unverifiableBlock(let cid, let code) = result.warnings.first else { Issue.record("no warning"); return }
        #expect(code == 0x13)
        #expect(cid.codec == CID.raw)
    }

    @Test func missingBlockIsReportedWithItsCIDAndParent() throws {
        let result = try CARVerifier.verify(url: url(Self.missingBlockCAR))
        #expect(!result.isValid)
        let root = try CID("QmYhmPjhFjYFyaoiuNzYv8WGavpSRDwdHWe5B4M5du5Rtk")
        #expect(result.roots == [root])
        #expect(result.failures == [.missingBlock(try CID("QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W"), linkedFrom: root)])
        // The root's own links confirm the missing CID is really one of them and the other two are present.
        let store = try CARBlockStore(url: url(Self.missingBlockCAR))
        let links = try PBNode(decoding: try #require(try store.get(root))).links.map(\.cid)
        #expect(links.count == 3)
        #expect(links.filter { !store.has($0) } == [try CID("QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W")])
    }

    @Test func dagCBORLinksAreFollowed() throws {
        let name = "trustless_gateway_car/dir-with-dag-cbor-with-links.car"
        let store = try CARBlockStore(url: url(name))
        let reader = try CARReader(url: url(name))
        var cborLinks: [CID] = []
        while let block = try reader.next() {
            if block.cid.codec == CID.dagCBOR { cborLinks += try DAGCBOR.links(in: block.data) }
        }
        #expect(!cborLinks.isEmpty)
        #expect(cborLinks.allSatisfy { store.has($0) })
    }

    /// Rewriting a kubo-made CAR from its own blocks must give the same bytes: same header, same block order.
    @Test(arguments: completeCARs)
    func writerReproducesKuboCARs(_ name: String) throws {
        let original = Array(try Data(contentsOf: url(name)))
        let store = try CARBlockStore(url: url(name))
        let folder = try TemporaryFolder()
        let summary = try CARWriter.write(roots: store.roots, from: store, to: folder.file("copy.car"))
        let copy = Array(try Data(contentsOf: folder.file("copy.car")))
        #expect(summary.blockCount <= store.count)
        #expect(copy == original, "\(name): \(copy.count) vs \(original.count) bytes")
    }

    @Test func lsOfDirWithFiles() throws {
        let names = try listing("path_gateway_unixfs/dir-with-files.car")
        #expect(names == ["ascii-copy.txt", "ascii.txt", "hello.txt", "multiblock.txt"])
    }

    @Test func lsOfSymlinkCAR() throws {
        let store = try CARBlockStore(url: url("path_gateway_unixfs/symlink.car"))
        let entries = try UnixFSReader(store: store).list(root: store.roots[0])
        #expect(entries.map(\.path) == ["bar", "foo"])
        #expect(entries[0].kind == .symlink(target: "foo"))
        #expect(entries[1].kind == .file(size: 8))
        #expect(try UnixFSReader(store: store).fileContents(entries[1].cid) == Array("content\n".utf8))
    }

    @Test func lsOfHAMTFlattensShardsAndStripsPrefixes() throws {
        let store = try CARBlockStore(url: url("trustless_gateway_car/single-layer-hamt-with-multi-block-files.car"))
        let root = store.roots[0]
        let rootBlock = try #require(try store.get(root))
        let rootData = try #require(try PBNode(decoding: rootBlock).data)
        let shard = try UnixFSData(decoding: rootData)
        #expect(shard.kind == .hamtShard)
        let entries = try UnixFSReader(store: store).list(root: root)
        let names = Set(entries.map(\.path))
        #expect(entries.count == 1000)
        #expect(names == Set((1...1000).map { "\($0).txt" }))
        #expect(entries.allSatisfy { if case .file = $0.kind { true } else { false } })
    }

    @Test func multiBlockFileContentMatchesItsDeclaredSize() throws {
        let store = try CARBlockStore(url: url("path_gateway_unixfs/dir-with-files.car"))
        let reader = UnixFSReader(store: store)
        let entries = try reader.list(root: store.roots[0])
        let multi = try #require(entries.first { $0.path == "multiblock.txt" })
        let hello = try #require(entries.first { $0.path == "hello.txt" })
        let content = try reader.fileContents(multi.cid)
        #expect(multi.kind == .file(size: UInt64(content.count)))
        #expect(try store.get(multi.cid).map { try PBNode(decoding: $0).links.count } ?? 0 > 1)
        #expect(String(decoding: try reader.fileContents(hello.cid), as: UTF8.self) == "hello world\n")
    }

    /// Mutants of real kubo CARs (HAMT, dag-cbor, CIDv0) must be caught, never crash the reader, verifier or lister.
    @Test(arguments: [
        "trustless_gateway_car/single-layer-hamt-with-multi-block-files.car",
        "trustless_gateway_car/dir-with-dag-cbor-with-links.car",
        "path_gateway_unixfs/symlink.car",
    ])
    func mutatedFixturesFailCleanly(_ name: String) throws {
        let original = Array(try Data(contentsOf: url(name)))
        let folder = try TemporaryFolder()
        let mutant = folder.file("mutant.car")
        var rng = SplitMix64(seed: UInt64(original.count))
        for round in 0..<60 {
            var bytes = original
            if round % 3 == 2 {
                bytes.removeLast(Int.random(in: 1..<bytes.count, using: &rng))
            } else {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                bytes[i] ^= UInt8.random(in: 1...255, using: &rng)
            }
            try Data(bytes).write(to: mutant)
            do {
                let result = try CARVerifier.verify(url: mutant)
                #expect(!result.isValid, "\(name) round \(round): mutation went unnoticed")
            } catch {
                #expect(!error.description.isEmpty)
            }
            if let store = try? CARBlockStore(url: mutant), let root = store.roots.first {
                _ = try? UnixFSReader(store: store).list(root: root)
            }
        }
    }

    private func listing(_ name: String) throws -> [String] {
        let store = try CARBlockStore(url: url(name))
        return try UnixFSReader(store: store).list(root: store.roots[0]).map(\.path)
    }
}
