import ContentAddressing
import Foundation
import SiteBuilder
import SitePacking
import Testing
import TestSupport

/// The packer of every command, tested directly: whatever way a site reaches it (a one-shot
/// build that keeps files in its folder, a live session's rebuilds, an output nobody showed it),
/// its root is the root of the same files imported afresh.
@Suite struct SitePackerTests {

    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-sitepacker-\(name)-\(UUID().uuidString)")
    }

    func sampleSite() throws -> URL {
        let site = scratch("site")
        try SampleSiteCopy.make(at: site)
        try? FileManager.default.removeItem(at: site.appendingPathComponent("public"))
        return site
    }

    /// The root of `output`'s files imported from scratch, with no packer involved.
    func freshRoot(_ output: SiteOutput) async throws -> CID {
        var tree = InMemoryTree()
        for (path, content) in output.files { tree.set(path, .data(try content.data())) }
        return try await Importer.importTree(tree, into: DiscardingBlockStore()).root
    }

    @Test func oneShotBuildsPackTheFolderTheyWriteAlsoWhenTheyKeepItsFiles() async throws {
        let site = try sampleSite()
        let output = scratch("out")
        defer { for url in [site, output] { try? FileManager.default.removeItem(at: url) } }
        let options = BuildOptions(cacheDirectory: SiteBuilder.cacheDirectory(for: site))
        var roots: [CID] = []
        for round in 1...3 {
            let built = try await SitePacker().build(siteDirectory: site, outputDirectory: output, options: options)
            let fromDisk = try await Importer.importPath(output, into: DiscardingBlockStore())
            #expect(built.pack.root.cid == fromDisk.root, "round \(round)")
            #expect(built.pack.files == fromDisk.files && built.pack.directories == fromDisk.directories)
            roots.append(built.pack.root.cid)
            // The third build rewrites the folder the first one wrote: it keeps all of it.
            if round == 3 { #expect(built.pack.kept == built.pack.files && built.pack.streamed == 0) }
        }
        #expect(Set(roots).count == 1)
    }

    @Test func aSessionsRebuildsArePackedOntoTheLastTreeAndItsBlocksServeTheSite() async throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let store = MemoryBlockStore()
        let packer = SitePacker(store: store)
        let session = SiteBuildSession(siteDirectory: site, sink: packer)
        var result = try await session.build()
        var summary = try await packer.pack(result)
        #expect(summary.root.cid == (try await freshRoot(result.output)))

        let posts = site.appendingPathComponent("content/posts")
        let post = try #require(try FileManager.default.contentsOfDirectory(atPath: posts.path).filter { $0.hasSuffix(".md") }.sorted().first)
        let postURL = posts.appendingPathComponent(post)
        let edits: [(String, () throws -> Void)] = [
            ("text edit", { try (try String(contentsOf: postURL, encoding: .utf8) + "\nOne more line.\n").write(to: postURL, atomically: true, encoding: .utf8) }),
            ("new post", { try "---\ntitle: Fresh\ndate: 2020-01-01\ntags: [new-tag]\n---\n\nNew.\n".write(to: posts.appendingPathComponent("2020-01-01-fresh.md"), atomically: true, encoding: .utf8) }),
            ("post removed", { try FileManager.default.removeItem(at: posts.appendingPathComponent("2020-01-01-fresh.md")) }),
            ("static file", { try Data("new bytes".utf8).write(to: site.appendingPathComponent("static/added.txt")) }),
        ]
        for (name, edit) in edits {
            try edit()
            let changed = ["content/posts/" + post, "content/posts/2020-01-01-fresh.md", "static/added.txt"]
            result = try await session.rebuild(changedPaths: changed)
            summary = try await packer.pack(result)
            #expect(summary.root.cid == (try await freshRoot(result.output)), "\(name)")
            #expect(!result.changedPaths.isEmpty || !result.removedPaths.isEmpty, "\(name)")
            // Every file of the site can be read back from the packer's blocks.
            let reader = UnixFSReader(store: store)
            let cids = Dictionary(try reader.list(root: summary.root.cid).map { ($0.path, $0.cid) }, uniquingKeysWith: { a, _ in a })
            #expect(Set(cids.keys).isSuperset(of: result.output.files.keys), "\(name)")
            for path in result.changedPaths {
                let bytes = try reader.fileContents(try #require(cids[path]), path: path)
                #expect(bytes == Array(try result.output.files[path]!.data()), "\(name): \(path)")
            }
        }
    }

    @Test func anOutputNobodyShowedThePackerIsPackedFromItsContent() async throws {
        let site = try sampleSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try await SiteBuildSession(siteDirectory: site).build()
        let summary = try await SitePacker().pack(result.output)
        #expect(summary.root.cid == (try await freshRoot(result.output)))
        #expect(summary.streamed == result.output.files.count)
    }

    @Test func notesRoundTripUnderTheirProfileOnly() async throws {
        let packer = SitePacker(profile: .default)
        packer.made("index.html", Data("<p>hi</p>".utf8))
        let note = try #require(packer.note(for: "index.html"))
        #expect(SitePacker(profile: .default).reuse("index.html", note: note))
        let other = try #require(ImportProfile.all.first { $0.name != ImportProfile.default.name })
        #expect(!SitePacker(profile: other).reuse("index.html", note: note))
        #expect(!SitePacker().reuse("index.html", note: Array(note.dropLast(3))))
        #expect(packer.note(for: "missing.html") == nil)
    }
}
