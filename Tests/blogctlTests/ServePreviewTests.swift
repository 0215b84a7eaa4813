import ContentAddressing
import Foundation
import Testing
import TestSupport
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `blogctl serve SITE_DIR` end to end: the binary on a copy of SampleSite, changed as an author
/// changes it; after each change the `reload` event's root and every served file must be those
/// of a fresh `blogctl build --no-cache` of the same folder. Timeouts only keep a failure from hanging.
@Suite final class ServePreviewTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let scratch: URL
    let site: URL

    init() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-preview-\(UUID().uuidString)")
        site = scratch.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try SampleSiteCopy.make(at: site)
    }

    deinit { try? FileManager.default.removeItem(at: scratch) }

    /// A started preview of `site` and its events connection, past the first `hello`.
    func startPreview(_ extra: [String] = []) async throws -> (ServeProcess, PreviewEventStream, root: String) {
        let serve = try ServeProcess([site.path] + extra)
        #expect(try await serve.waitFor("Ctrl-C stops."), "\(serve.stderr)")
        let port = try #require(serve.port, "\(serve.stderr)")
        let root = try #require(serve.root, "\(serve.stderr)")
        #expect(serve.url("subdomain:") == "http://\(try CID(root).v1).ipfs.localhost:\(port)/")
        let events = try PreviewEventStream(port: port)
        let hello = try #require(try await events.next())
        #expect(hello == .init(name: "hello", fields: ["root": root]))
        return (serve, events, root)
    }

    @Test func eachEditReloadsWithTheRootAndBytesOfAFreshBuild() async throws {
        let (serve, events, root) = try await startPreview()
        let port = try #require(serve.port)
        try await expectServed(root: root, port: port, step: "start")
        try await expectRawBlocksHaveNoScript(root: root, port: port)

        let post = "content/posts/2025-01-19-reproducible-builds.md"
        let steps: [(String, () throws -> Void)] = [
            ("a post's text", { try self.append("\nOne more paragraph, added while previewing.\n", to: post) }),
            ("a post saved atomically", { try self.replace("five", with: "5", in: post, atomically: true) }),
            ("a new template", { try self.write(self.footer("Previewed footer"), to: "templates/partials/footer.mustache") }),
            ("a template", { try self.write(self.footer("Edited footer"), to: "templates/partials/footer.mustache") }),
            ("a static file", { try self.append("<!-- edited -->\n", to: "static/img/cid-anatomy.svg") }),
            ("site.yml", { try self.replace("Field Notes from the Edge", with: "Field Notes, Previewed", in: "site.yml") }),
            ("a new post", { try self.write("---\ntitle: Written during the preview\ndate: 2026-03-01\ntags: [new]\n---\n\nFresh.\n",
                to: "content/posts/2026-03-01-written-during-the-preview.md") }),
            ("a new bundle moved in", {
                // Made beside the site and moved in at once, so that the preview sees it whole.
                let bundle = self.scratch.appendingPathComponent("bundle")
                try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
                try Data("---\ntitle: A bundle\ndate: 2026-03-02\n---\n\n![route](route.svg)\n".utf8).write(to: bundle.appendingPathComponent("index.md"))
                try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n".utf8).write(to: bundle.appendingPathComponent("route.svg"))
                try FileManager.default.moveItem(at: bundle, to: self.site.appendingPathComponent("content/posts/2026-03-02-bundle"))
            }),
            ("a deleted post", { try FileManager.default.removeItem(at: self.site.appendingPathComponent("content/posts/2024-11-30-a-year-of-sourdough.md")) }),
        ]
        var current = root
        for (what, edit) in steps {
            try edit()
            let event = try #require(try await events.next(), "no event after \(what); stderr:\n\(serve.stderr)")
            #expect(event.name == "reload", "after \(what): \(event)")
            let reloaded = try #require(event.fields["root"])
            #expect(reloaded != current, "after \(what)")
            try await expectServed(root: reloaded, port: port, step: what)
            current = reloaded
        }
        #expect(serve.stderr.components(separatedBy: "rebuilt in ").count - 1 == steps.count, "\(serve.stderr)")

        // A broken front matter: the error with file:line:col, the last good site still served.
        let broken = "content/posts/2024-02-11-moving-this-blog-to-ipfs.md"
        let goodSource = try String(contentsOf: site.appendingPathComponent(broken), encoding: .utf8)
        try replace("title: Moving this blog to IPFS", with: "title: [Moving this blog to IPFS", in: broken)
        let failed = try #require(try await events.next(), "\(serve.stderr)")
        #expect(failed.name == "build-error")
        let message = try #require(failed.fields["message"])
        #expect(message.contains("\(broken):") && message.range(of: #"\.md:\d+:\d+: "#, options: .regularExpression) != nil, "\(message)")
        #expect(try await serve.waitFor("(the last good site is still served)"))
        let errorLine = try #require(serve.stderr.split(separator: "\n").last)
        #expect(errorLine.hasPrefix("blogctl: error: ") && errorLine.contains(broken), "\(errorLine)")
        let home = try await get("/", port: port)
        #expect(home.header("X-Ipfs-Path") == "/ipfs/\(current)/", "the last good site")
        let late = try PreviewEventStream(port: port)
        #expect(try await late.next() == .init(name: "hello", fields: ["root": current, "error": message]), "a page opened now shows the error")
        late.disconnect()

        try write(goodSource, to: broken)
        let fixed = try #require(try await events.next(), "\(serve.stderr)")
        #expect(fixed.name == "reload" && fixed.fields["root"] == current, "fixing the file gives the last good site back: \(fixed)")
        try await expectServed(root: current, port: port, step: "fixed")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path), "serve never writes public/")

        #expect(try await serve.interrupt() == 0)
        let after = try await events.next(timeout: .seconds(10))
        #expect(after == nil && events.hasEnded, "the events stream ends with the server")
    }

    @Test func draftsAreServedWithTheRootOfABuildWithDrafts() async throws {
        let (serve, events, root) = try await startPreview(["--drafts"])
        #expect(serve.stderr.contains("with drafts"))
        let withDrafts = try freshBuild(["--drafts"]), without = try freshBuild()
        #expect(root == withDrafts.cid)
        #expect(root != without.cid, "SampleSite has a draft")
        events.disconnect()
        #expect(try await serve.interrupt() == 0)
    }

    @Test func ctrlCWithAnOpenEventsConnectionStopsCleanly() async throws {
        let (serve, events, _) = try await startPreview()
        let status = try await serve.interrupt(timeout: .seconds(20))
        #expect(status == 0, "\(serve.stderr)")
        #expect(serve.stderr.hasSuffix("blogctl: serve: stopped\n"), "\(serve.stderr)")
        let after = try await events.next(timeout: .seconds(10))
        #expect(after == nil && events.hasEnded, "the open stream was ended, not left hanging")
    }

    @Test func aPortInUseIsOneLineAndAFailure() async throws {
        let (holder, port) = try Self.listeningSocket()
        defer { close(holder) }
        let result = try BlogctlRunner.run(["serve", site.path, "--port", "\(port)"])
        #expect(result.status != 0)
        #expect(result.stderr == "blogctl: error: port \(port) on 127.0.0.1 is already in use; choose another with --port\n", "\(result.stderr)")
    }

    @Test func aFolderWithoutSiteYmlIsOneLineAndAFailure() throws {
        try FileManager.default.removeItem(at: site.appendingPathComponent("site.yml"))
        try expectOneLineFailure(["serve", site.path, "--port", "0"], naming: "site.yml")
        try expectOneLineFailure(["serve", scratch.appendingPathComponent("absent").path, "--port", "0"], naming: "absent")
    }

    @Test func anUnreadableSiteIsOneLineAndAFailure() throws {
        // A site folder that is a file, and a site.yml that is a folder: unreadable even for root.
        let file = scratch.appendingPathComponent("file")
        try Data("not a folder".utf8).write(to: file)
        try expectOneLineFailure(["serve", file.path, "--port", "0"], naming: "file")
        try FileManager.default.removeItem(at: site.appendingPathComponent("site.yml"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent("site.yml"), withIntermediateDirectories: false)
        try expectOneLineFailure(["serve", site.path, "--port", "0"], naming: "site.yml")
    }

    @Test func aSiteFolderWithoutPermissionIsOneLineAndAFailure() throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: site.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.path) }
        // Root reads anything: as root, blogctl runs as nobody.
        let arguments = ["serve", site.path, "--port", "0"]
        let result = getuid() == 0
            ? try BlogctlRunner.run(["--reuid=65534", "--regid=65534", "--clear-groups", BlogctlRunner.executable.path] + arguments,
                launcher: URL(fileURLWithPath: "/usr/bin/setpriv"))
            : try BlogctlRunner.run(arguments)
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("blogctl: error: ") && lines[0].contains(site.lastPathComponent)
            && lines[0].lowercased().contains("permission"), "\(result.stderr)")
    }
}
