import ContentAddressing
import Foundation
import Gateway

/// The repository's sibling `../shared` folder, found from this source file.
let sharedFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("../shared").standardizedFileURL

let conformanceFolder = sharedFolder.appendingPathComponent("gateway-conformance")

/// Whether the gateway-conformance CARs are beside the repository (they are never copied into it).
let hasConformanceCARs: Bool = {
    let present = FileManager.default.fileExists(atPath: conformanceFolder.path)
    if !present { print("GatewayTests: skipping the conformance fixture tests: \(conformanceFolder.path) is absent") }
    return present
}()

/// One gateway-conformance CAR, its content and a reader to find the CIDs the suite's tests name.
struct ConformanceFixture {
    let content: CARContent
    let store: CARBlockStore
    let root: CID

    init(_ name: String) throws {
        let url = conformanceFolder.appendingPathComponent(name)
        content = try CARContent(files: [url])
        store = try CARBlockStore(url: url)
        root = store.roots[0]
    }

    /// `fixture.MustGetCid(path...)` of the conformance suite.
    func cid(_ path: String...) throws -> CID {
        try UnixFSReader(store: store).resolve(root: root, segments: path).terminal.cid
    }

    /// `fixture.MustGetRawData(path...)`: the file's bytes.
    func data(_ path: String...) throws -> [UInt8] {
        let cid = try UnixFSReader(store: store).resolve(root: root, segments: path).terminal.cid
        return try UnixFSReader(store: store).fileContents(cid)
    }

    /// The raw bytes of the block at `path`.
    func block(_ path: String...) throws -> [UInt8] {
        try store.get(try UnixFSReader(store: store).resolve(root: root, segments: path).terminal.cid)!
    }
}

/// A small site built by the test itself, packed into a CAR the gateway then serves.
enum TestSite {
    /// index.html, a post, CSS, a 404 page, `_redirects`, a file without extension and a 3 MiB multi-block file.
    static func files() -> [String: [UInt8]] {
        let page = { (title: String) in Array("<!DOCTYPE html>\n<html><head><title>\(title)</title></head><body><h1>\(title)</h1></body></html>\n".utf8) }
        return [
            "index.html": page("Home"),
            "posts/hello-ipfs/index.html": page("Hello, IPFS"),
            "css/site.css": Array("body { color: #222 }\n".utf8),
            "404.html": page("Not found"),
            "_redirects": Array("/old/* /posts/:splat 301\n/* /404.html 404\n".utf8),
            "notes/README": Array("plain text without an extension\n".utf8),
            "media/big.bin": pseudoRandomBytes(3 << 20),
            "empty/.keep": [],
        ]
    }

    /// Bytes that never repeat a chunk (chunks of equal bytes would be one block), the same on every run.
    static func pseudoRandomBytes(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 24)
        }
    }

    /// Packs `files` (a folder written to disk, as `blogctl pack` does) into a CAR in `folder`; returns the CAR and root.
    static func car(_ files: [String: [UInt8]], in folder: URL, profile: ImportProfile = .default) async throws -> (URL, CID) {
        let site = folder.appendingPathComponent("site")
        for (path, bytes) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return try await pack(site, into: folder.appendingPathComponent("site.car"), profile: profile)
    }

    static func pack(_ folder: URL, into car: URL, profile: ImportProfile = .default) async throws -> (URL, CID) {
        let store = MemoryBlockStore()
        let root = try await Importer.importPath(folder, profile: profile, into: store).root
        _ = try CARWriter.write(root: root, from: store, to: car)
        return (car, root)
    }
}

/// A fresh folder under the system temp dir, removed when the test lets go of it.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-gateway-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }
}
