import Foundation
import Testing
@testable import ContentAddressing

@Suite struct UnixFSReaderTests {
    /// A site-like tree built by hand with PBNode/UnixFSData, covering every kind of node the reader handles.
    struct Site {
        let dag: HandDAG
        let root: CID
        let deepFileContent: [UInt8]

        init() {
            let dag = HandDAG()
            self.dag = dag
            // A two-level file of dag-pb leaves (the v0 profile's shape): interior → interiors → leaves.
            let pieces = (0..<6).map { "piece \($0) " + String(repeating: "\($0)", count: 40 + $0) + "\n" }
            let leaves = pieces.map { dag.pbLeaf($0) }
            func interior(_ kids: [(cid: CID, size: UInt64)], _ sizes: [UInt64]) -> (cid: CID, size: UInt64) {
                let data = UnixFSData(kind: .file, fileSize: sizes.reduce(0, +), blockSizes: sizes)
                return dag.put(PBNode(links: kids.map { PBLink(cid: $0.cid, tsize: $0.size) }, data: data.encoded()), 0)
            }
            let sizes = pieces.map { UInt64($0.utf8.count) }
            let left = interior(Array(leaves[0..<3]), Array(sizes[0..<3]))
            let right = interior(Array(leaves[3..<6]), Array(sizes[3..<6]))
            let deep = interior([left, right], [sizes[0..<3].reduce(0, +), sizes[3..<6].reduce(0, +)])
            deepFileContent = Array(pieces.joined().utf8)

            let posts = dag.directory([
                ("hello.md", dag.file(["# Hello\n", "second chunk\n", "third"])),
                ("deep.txt", deep),
                ("empty", dag.raw("")),
            ])
            root = dag.directory([
                ("index.html", dag.raw("<h1>home</h1>")),
                ("posts", posts),
                ("latest", dag.symlink("posts/hello.md")),
                ("outside", dag.symlink("../../etc/passwd")),
                ("drafts", dag.directory([])),
                ("ünïcode ✓.txt", dag.raw("unicode name")),
            ]).cid
        }
    }

    @Test func listsEveryKindWithSizesAndTargets() throws {
        let site = Site()
        let entries = try UnixFSReader(store: site.dag.store).list(root: site.root)
        let byPath = Dictionary(uniqueKeysWithValues: entries.map { ($0.path, $0.kind) })
        #expect(entries.map(\.path) == [
            "drafts", "index.html", "latest", "outside", "posts", "posts/deep.txt", "posts/empty", "posts/hello.md", "ünïcode ✓.txt",
        ])
        #expect(byPath["drafts"] == .directory)
        #expect(byPath["index.html"] == .file(size: 13))
        #expect(byPath["latest"] == .symlink(target: "posts/hello.md"))
        #expect(byPath["posts/hello.md"] == .file(size: 26))
        #expect(byPath["posts/deep.txt"] == .file(size: UInt64(site.deepFileContent.count)))
        #expect(byPath["posts/empty"] == .file(size: 0))
    }

    @Test func multiLevelFilesConcatenateLeavesInOrder() throws {
        let site = Site()
        let reader = UnixFSReader(store: site.dag.store)
        let entries = try reader.list(root: site.root)
        let deep = try #require(entries.first { $0.path == "posts/deep.txt" })
        #expect(try reader.fileContents(deep.cid) == site.deepFileContent)
        var chunks = 0
        try reader.readFile(deep.cid) { _ in chunks += 1 }
        #expect(chunks == 6)
        let hello = try #require(entries.first { $0.path == "posts/hello.md" })
        #expect(try reader.fileContents(hello.cid) == Array("# Hello\nsecond chunk\nthird".utf8))
    }

    @Test func roundTripThroughCARAndExtract() throws {
        let site = Site()
        let folder = try TemporaryFolder()
        let car = folder.file("site.car")
        _ = try CARWriter.write(root: site.root, from: site.dag.store, to: car)
        let store = try CARBlockStore(url: car)
        #expect(store.roots == [site.root])
        #expect(store.count == site.dag.store.count)
        let out = folder.file("out")
        try UnixFSReader(store: store).extract(root: site.root, to: out)

        let fm = FileManager.default
        func read(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: out.appendingPathComponent(path))) }
        #expect(try read("index.html") == Array("<h1>home</h1>".utf8))
        #expect(try read("posts/hello.md") == Array("# Hello\nsecond chunk\nthird".utf8))
        #expect(try read("posts/deep.txt") == site.deepFileContent)
        #expect(try read("posts/empty").isEmpty)
        #expect(try read("ünïcode ✓.txt") == Array("unicode name".utf8))
        #expect(try fm.contentsOfDirectory(atPath: out.appendingPathComponent("drafts").path).isEmpty)
        #expect(try fm.destinationOfSymbolicLink(atPath: out.appendingPathComponent("latest").path) == "posts/hello.md")
        // A link pointing outside is created as a link, and nothing is written where it points.
        #expect(try fm.destinationOfSymbolicLink(atPath: out.appendingPathComponent("outside").path) == "../../etc/passwd")
        #expect(try folder.contents() == ["out", "site.car"])
        // And the extracted tree lists the same as the CAR.
        let listed = try UnixFSReader(store: store).list(root: site.root).map(\.path)
        let walked = fm.enumerator(atPath: out.path)!.compactMap { $0 as? String }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        #expect(walked == listed)
    }

    @Test func extractIntoAnEmptyExistingFolderWorks() throws {
        let site = Site()
        let folder = try TemporaryFolder()
        let out = folder.file("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try UnixFSReader(store: site.dag.store).extract(root: site.root, to: out)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("posts/hello.md").path))
    }

    @Test func extractRefusesANonEmptyFolder() throws {
        let site = Site()
        let folder = try TemporaryFolder()
        let out = folder.file("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("mine.txt"))
        #expect(throws: UnixFSError.destinationNotEmpty(path: out.path)) {
            try UnixFSReader(store: site.dag.store).extract(root: site.root, to: out)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["mine.txt"])
        #expect(try folder.contents() == ["out"])
    }

    @Test(arguments: ["..", ".", "", "a/b", "/etc", "nul\0byte"])
    func unsafeNamesAreRejected(_ name: String) throws {
        let dag = HandDAG()
        let inner = dag.directory([(name, dag.raw("evil"))])
        let root = dag.directory([("sub", inner)])
        #expect(throws: UnixFSError.unsafeName(name, directory: "sub")) { try UnixFSReader(store: dag.store).list(root: root.cid) }
        let folder = try TemporaryFolder()
        #expect(throws: UnixFSError.unsafeName(name, directory: "sub")) {
            try UnixFSReader(store: dag.store).extract(root: root.cid, to: folder.file("out"))
        }
        #expect(try folder.contents().isEmpty, "the temp folder was left behind")
    }

    @Test func duplicateNamesAreRejected() throws {
        let dag = HandDAG()
        // A symlink and a folder of the same name could otherwise send a later write through the link.
        let links = [
            PBLink(cid: dag.symlink("/tmp").cid, name: "x", tsize: 1),
            PBLink(cid: dag.directory([("f", dag.raw("f"))]).cid, name: "x", tsize: 1),
        ]
        let root = dag.put(PBNode(links: links, data: UnixFSData(kind: .directory).encoded()), 1)
        #expect(throws: UnixFSError.duplicateName(path: "x")) { try UnixFSReader(store: dag.store).list(root: root.cid) }
    }

    @Test func missingBlockNamesThePathAndLeavesNothingBehind() throws {
        let dag = HandDAG()
        let absent = Block(data: Array("gone".utf8), codec: CID.raw, cidVersion: 1).cid
        let file = dag.put(PBNode(links: [PBLink(cid: dag.raw("here").cid, tsize: 4), PBLink(cid: absent, tsize: 4)],
                                  data: UnixFSData(kind: .file, fileSize: 8, blockSizes: [4, 4]).encoded()), 1)
        let root = dag.directory([("a.txt", dag.raw("fine")), ("b.txt", file)])
        let folder = try TemporaryFolder()
        #expect(throws: UnixFSError.missingBlock(absent, path: "b.txt")) {
            try UnixFSReader(store: dag.store).extract(root: root.cid, to: folder.file("out"))
        }
        #expect(try folder.contents().isEmpty)
    }

    @Test func fileShorterThanDeclaredIsMalformed() throws {
        let dag = HandDAG()
        let leaf = dag.raw("abc")
        let file = dag.put(PBNode(links: [PBLink(cid: leaf.cid, tsize: 3)], data: UnixFSData(kind: .file, fileSize: 10, blockSizes: [10]).encoded()), 1)
        #expect(throws: UnixFSError.malformedNode(file.cid, path: "", reason: "holds 3 bytes but declares 10")) {
            try UnixFSReader(store: dag.store).fileContents(file.cid)
        }
    }

    /// A two-level HAMT built by hand: a child shard behind a bare 2-digit link, entries behind prefixed links.
    @Test func hamtShardsAreFlattenedAndPrefixesStripped() throws {
        let dag = HandDAG()
        func shard(_ links: [(String, (cid: CID, size: UInt64))]) -> (cid: CID, size: UInt64) {
            let data = UnixFSData(kind: .hamtShard, data: [0x01], hashType: 0x22, fanout: 256)
            return dag.put(PBNode(links: links.map { PBLink(cid: $0.1.cid, name: $0.0, tsize: $0.1.size) }, data: data.encoded()), 1)
        }
        let child = shard([("41baz.txt", dag.raw("baz")), ("7Equx", dag.directory([("inner.txt", dag.raw("in"))]))])
        let root = shard([("0A", child), ("1Fbar.txt", dag.raw("bar")), ("FF0A", dag.raw("name that looks like a shard"))])
        let entries = try UnixFSReader(store: dag.store).list(root: root.cid)
        #expect(entries.map(\.path) == ["0A", "bar.txt", "baz.txt", "qux", "qux/inner.txt"])
        #expect(entries[3].kind == .directory)

        let bad = shard([("zzname", dag.raw("x"))])
        do {
            _ = try UnixFSReader(store: dag.store).list(root: bad.cid)
            Issue.record("accepted a link without a bucket prefix")
        } catch {
            #expect(error.description.contains("bucket prefix"))
        }
    }

    @Test func rootFileExtractsUnderItsCID() throws {
        let dag = HandDAG()
        let file = dag.file(["one", "two"])
        let folder = try TemporaryFolder()
        let out = folder.file("out")
        #expect(try UnixFSReader(store: dag.store).list(root: file.cid) == [UnixFSEntry(path: "", cid: file.cid, kind: .file(size: 6))])
        try UnixFSReader(store: dag.store).extract(root: file.cid, to: out)
        #expect(try Data(contentsOf: out.appendingPathComponent(file.cid.string)) == Data("onetwo".utf8))
    }
}

@Suite struct UnixFSExtractErrorTests {
    @Test func missingParentFolderNamesTheDestination() throws {
        let dag = HandDAG()
        let root = dag.directory([("a", dag.raw("a"))])
        let folder = try TemporaryFolder()
        let out = folder.file("no/such/parent")
        do {
            try UnixFSReader(store: dag.store).extract(root: root.cid, to: out)
            Issue.record("extracted into a missing folder")
        } catch {
            #expect(error == .writeFailed(path: out.path, reason: "No such file or directory"))
        }
    }
}

extension UnixFSExtractErrorTests {
    @Test func aSymlinkAtTheDestinationIsNotReplaced() throws {
        let dag = HandDAG()
        let root = dag.directory([("a", dag.raw("a"))])
        let folder = try TemporaryFolder()
        let emptyDir = folder.file("empty")
        try FileManager.default.createDirectory(at: emptyDir, withIntermediateDirectories: false)
        let link = folder.file("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "empty")
        #expect(throws: UnixFSError.destinationNotEmpty(path: link.path)) {
            try UnixFSReader(store: dag.store).extract(root: root.cid, to: link)
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "empty")
        #expect(try FileManager.default.contentsOfDirectory(atPath: emptyDir.path).isEmpty)
    }
}
