import ContentAddressing
import Foundation
import Testing
import TestSupport

/// `blogctl build` packs each generated file as it is rendered and streams copied files from their
/// sources; the root CID it prints must be the one of the folder it wrote, however it got there.
@Suite struct LivePackingTests {

    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-livepack-\(name)-\(UUID().uuidString)")
    }

    func write(_ data: Data, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// The written folder's files, as the in-memory tree blogctl used to pack after the build.
    func inMemoryTree(of root: URL) throws -> InMemoryTree {
        var tree = InMemoryTree()
        let base = root.standardizedFileURL.path.count + 1
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            tree.set(String(url.standardizedFileURL.path.dropFirst(base)), .data(try Data(contentsOf: url)))
        }
        return tree
    }

    /// Builds `site` into `output` and checks the printed CID against packing the written folder
    /// from disk and from memory; returns the CID.
    @discardableResult
    func expectBuildCIDMatchesOutput(_ site: URL, output: URL, extra: [String] = [], environment: [String: String] = [:],
        stderr check: (String) -> Void = { _ in }) async throws -> String
    {
        let built = try BlogctlRunner.run(["build", site.path, "--output", output.path] + extra, environment: environment)
        check(built.stderr)
        #expect(built.status == 0, "\(built.stderr)")
        let cid = built.stdout.trimmingCharacters(in: .newlines)
        let fromDisk = try await Importer.importPath(output, into: DiscardingBlockStore())
        let fromMemory = try await Importer.importTree(try inMemoryTree(of: output), into: DiscardingBlockStore())
        #expect(cid == fromDisk.root.string)
        #expect(cid == fromMemory.root.string)
        #expect(built.stderr.contains("packed \(fromDisk.files) files, \(fromDisk.directories) directories (unixfs-v1-2025)"), "\(built.stderr)")
        return cid
    }

    @Test func sampleSiteCIDIsTheCIDOfTheWrittenFolder() async throws {
        let site = scratch("sample")
        let output = scratch("sample-out")
        defer { for url in [site, output] { try? FileManager.default.removeItem(at: url) } }
        try SampleSiteCopy.make(at: site)
        try await expectBuildCIDMatchesOutput(site, output: output)
        try await expectBuildCIDMatchesOutput(site, output: output, extra: ["--drafts", "--future"])
        // A rebuild over the reused tree (and with the document cache) prints the same CID.
        let first = try await expectBuildCIDMatchesOutput(site, output: output, extra: ["--no-cache"])
        #expect(try await expectBuildCIDMatchesOutput(site, output: output) == first)
    }

    @Test func bundlesHiddenBigAndOddStaticFilesPackLikeTheWrittenFolder() async throws {
        let site = scratch("site")
        let output = scratch("out")
        defer { for url in [site, output] { try? FileManager.default.removeItem(at: url) } }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        func text(_ string: String) -> Data { Data(string.utf8) }
        for n in 1...12 {
            let day = String(format: "%02d", n)
            try write(text("---\ntitle: Post \(n)\ndate: 2026-01-\(day)\ntags: [t\(n % 3), common]\n---\n\nBody \(n) ![x](pic.jpg)\n"),
                to: n % 2 == 0 ? "content/posts/2026-01-\(day)-p\(n)/index.md" : "content/posts/2026-01-\(day)-p\(n).md", in: site)
            if n % 2 == 0 {
                try write(Data(repeating: UInt8(n), count: 1000 * n), to: "content/posts/2026-01-\(day)-p\(n)/pic.jpg", in: site)
                try write(text("nested \(n)"), to: "content/posts/2026-01-\(day)-p\(n)/files/notes.txt", in: site)
            }
        }
        // Around the 1 MiB chunk size and above it (chunked into several leaves), empty, hidden, unicode.
        let chunk = 1 << 20
        for (name, count) in [("exact.bin", chunk), ("one-more.bin", chunk + 1), ("big.bin", 2 * chunk + 12_345), ("empty.txt", 0)] {
            try write(Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }), to: "static/media/\(name)", in: site)
        }
        try write(text("Contact: mailto:a@example.com\n"), to: "static/.well-known/security.txt", in: site)
        try write(text(""), to: "static/.nojekyll", in: site)
        try write(text("ö"), to: "static/naïve/Ärger.txt", in: site)
        try write(text("a { background: url(/media/exact.bin) }\n"), to: "static/css/extra.css", in: site)
        try await expectBuildCIDMatchesOutput(site, output: output)
        try await expectBuildCIDMatchesOutput(site, output: output, extra: ["--no-cache"])

        // A copied file edited in place, same size, over the reused tree: the new bytes count.
        var big = try Data(contentsOf: site.appendingPathComponent("static/media/big.bin"))
        big[big.count - 3] ^= 0xFF
        try big.write(to: site.appendingPathComponent("static/media/big.bin"))
        try await expectBuildCIDMatchesOutput(site, output: output)
        #expect(try Data(contentsOf: output.appendingPathComponent("media/big.bin")) == big)
    }

    /// A 256 MiB static file is streamed, written and packed, never held in memory: the build's
    /// peak resident memory stays far below the file's size.
    @Test func aHugeStaticFileKeepsMemoryBounded() async throws {
        let site = scratch("huge")
        let output = scratch("huge-out")
        defer { for url in [site, output] { try? FileManager.default.removeItem(at: url) } }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        let huge = site.appendingPathComponent("static/video/huge.bin")
        try FileManager.default.createDirectory(at: huge.deletingLastPathComponent(), withIntermediateDirectories: true)
        let size = 256 << 20
        // Mostly a hole (fast to make), with data at both ends so leaves differ.
        #expect(FileManager.default.createFile(atPath: huge.path, contents: Data("start".utf8)))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.seek(toOffset: UInt64(size - 3))
        try handle.write(contentsOf: Data("end".utf8))
        try handle.close()

        try await expectBuildCIDMatchesOutput(site, output: output, environment: ["BLOGCTL_TRACE": "1"]) { stderr in
            // The build's own high-water mark (getrusage of a child would include this test process's memory).
            let line = stderr.split(separator: "\n").first { $0.contains("peak resident memory:") }
            let peakMiB = line.flatMap { Int($0.split(separator: " ").dropLast().last ?? "") }
            #expect(peakMiB != nil, "\(stderr)")
            #expect((peakMiB ?? .max) < 128, "peak resident memory \(peakMiB ?? -1) MiB")
        }
        let written = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent("video/huge.bin").path)[.size] as? Int
        #expect(written == size)
    }
}
