import Foundation
import Testing
@testable import ContentAddressing

private let conformance = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared/gateway-conformance").standardizedFileURL

@Suite final class CarCommandTests {
    let folder: URL
    let car: URL
    let root: CID

    /// A small site CAR: index.html, css/site.css, a symlink.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = MemoryBlockStore()
        func put(_ data: [UInt8], _ codec: UInt64) -> CID {
            let block = Block(data: data, codec: codec, cidVersion: 1)
            store.put(block)
            return block.cid
        }
        func dir(_ entries: [(String, CID)]) -> CID {
            let links = entries.map { PBLink(cid: $0.1, name: $0.0, tsize: 1) }
            return put(PBNode(links: links, data: UnixFSData(kind: .directory).encoded()).encoded(), CID.dagPB)
        }
        let css = dir([("site.css", put(Array("body{}".utf8), CID.raw))])
        let link = put(PBNode(data: UnixFSData(kind: .symlink, data: Array("index.html".utf8)).encoded()).encoded(), CID.dagPB)
        root = dir([("css", css), ("home", link), ("index.html", put(Array("<p>hi</p>".utf8), CID.raw))])
        car = folder.appendingPathComponent("site.car")
        _ = try CARWriter.write(root: root, from: store, to: car)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func verifyPrintsTheSummary() throws {
        let run = try BlogctlRunner.run(["car", "verify", car.path])
        #expect(run.status == 0)
        #expect(run.stdout.contains("root: \(root)"))
        #expect(run.stdout.contains("blocks: 5"))
        #expect(run.stdout.contains("bytes: \(try Data(contentsOf: car).count)"))
        #expect(run.stderr.isEmpty)
    }

    @Test func verifyNamesTheCorruptBlock() throws {
        var bytes = Array(try Data(contentsOf: car))
        bytes[bytes.count - 2] ^= 0x20  // inside the last block's data
        let bad = folder.appendingPathComponent("bad.car")
        try Data(bytes).write(to: bad)
        let reader = try CARReader(url: car)
        var last: CID?
        while let block = try reader.next() { last = block.cid }
        let run = try BlogctlRunner.run(["car", "verify", bad.path])
        #expect(run.status != 0)
        #expect(run.stderr.hasPrefix("blogctl: error: \(bad.path): block \(last!) "))
        #expect(run.stderr.contains("does not match its hash"))
    }

    @Test func garbageIsOneErrorLineNamingTheFile() throws {
        let junk = folder.appendingPathComponent("junk.car")
        try Data("not a car at all".utf8).write(to: junk)
        for command in ["verify", "ls"] {
            let run = try BlogctlRunner.run(["car", command, junk.path])
            #expect(run.status != 0)
            #expect(run.stderr.hasPrefix("blogctl: error: \(junk.path): "))
            #expect(run.stderr.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test func lsListsPathsSortedWithKinds() throws {
        let run = try BlogctlRunner.run(["car", "ls", car.path])
        #expect(run.status == 0)
        #expect(run.stdout == "css/\ncss/site.css\nhome -> index.html\nindex.html\n")
    }

    @Test func extractWritesTheTreeAndRefusesANonEmptyFolder() throws {
        let out = folder.appendingPathComponent("out")
        let run = try BlogctlRunner.run(["car", "extract", car.path, out.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: out.appendingPathComponent("css/site.css"), encoding: .utf8) == "body{}")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("home").path) == "index.html")

        let again = try BlogctlRunner.run(["car", "extract", car.path, out.path])
        #expect(again.status != 0)
        #expect(again.stderr == "blogctl: error: \(car.path): \(out.path) exists and is not an empty folder\n")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: conformance.path), "needs ../shared/gateway-conformance"))
    func verifyReportsTheMissingBlockOfTheConformanceCAR() throws {
        let file = conformance.appendingPathComponent("trustless_gateway_car/file-3k-and-3-blocks-missing-block.car").path
        let run = try BlogctlRunner.run(["car", "verify", file])
        #expect(run.status != 0)
        #expect(run.stderr.contains("block QmSNLTo6Wv9dfroVaw7MFYjLqf9ho7PKrgsjdzYDtv8h1W is missing"))
    }
}
