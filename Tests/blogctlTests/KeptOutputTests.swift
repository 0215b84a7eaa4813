import ContentAddressing
import Foundation
import Testing

/// `blogctl build` keeps the pages and copied files that the recycled output folder already holds
/// (the output manifest) and takes their UnixFS nodes from the packer's notes: the CID it prints
/// must still be the one of a build from scratch, and the one of the folder it wrote.
@Suite struct KeptOutputTests {
    func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-kept-\(name)-\(UUID().uuidString)")
    }

    func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// `blogctl build` into the site's `public`; checks the printed CID against the written folder.
    func build(_ site: URL, extra: [String] = [], environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> (cid: String, stderr: String)
    {
        // Always into public/, drafts too (whose default is public-drafts/): the tests alternate them in one folder.
        let run = try BlogctlRunner.run(["build", site.path, "--output", site.appendingPathComponent("public").path] + extra,
            environment: environment)
        #expect(run.status == 0, "\(run.stderr)", sourceLocation: sourceLocation)
        let cid = run.stdout.trimmingCharacters(in: .newlines)
        let fromDisk = try await Importer.importPath(site.appendingPathComponent("public"), into: DiscardingBlockStore())
        #expect(cid == fromDisk.root.string, "the printed CID is not the written folder's", sourceLocation: sourceLocation)
        return (cid, run.stderr)
    }

    /// The CID of a build from scratch (`--no-cache`, a new folder).
    func freshCID(_ site: URL, extra: [String] = []) throws -> String {
        let folder = scratch("fresh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try BlogctlRunner.run(["build", site.path, "--no-cache", "--output", folder.appendingPathComponent("out").path] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("kept from the previous output"))
        return run.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func rebuildsKeepFilesAndPrintTheCIDOfAFreshBuild() async throws {
        let site = scratch("site")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        for n in 1...7 {
            let day = String(format: "%02d", n)
            let path = n % 3 == 0 ? "content/posts/2026-02-\(day)-p\(n)/index.md" : "content/posts/2026-02-\(day)-p\(n).md"
            try write("---\ntitle: Post \(n)\ndate: 2026-02-\(day)\ntags: [t\(n % 2), all]\n---\n\nBody \(n).\n", to: path, in: site)
            if n % 3 == 0 { try write(String(repeating: "asset \(n) ", count: 500), to: "content/posts/2026-02-\(day)-p\(n)/notes.txt", in: site) }
        }
        try write("plain static file\n", to: "static/files/plain.txt", in: site)

        let fresh = try freshCID(site)
        let first = try await build(site)
        let second = try await build(site)
        let third = try await build(site)
        #expect([first.cid, second.cid, third.cid] == [fresh, fresh, fresh])
        #expect(!first.stderr.contains("kept from the previous output") && !second.stderr.contains("kept from the previous output"))
        #expect(third.stderr.contains("kept from the previous output"), "\(third.stderr)")
        #expect(third.stderr.contains("(0 rendered, the rest unchanged)"), "\(third.stderr)")

        // One post's text: the next builds render a few pages and keep the rest, and print the new CID.
        try write("---\ntitle: Post 4\ndate: 2026-02-04\ntags: [t0, all]\n---\n\nAnother body.\n", to: "content/posts/2026-02-04-p4.md", in: site)
        let edited = try freshCID(site)
        #expect(edited != fresh)
        for round in 1...3 {
            let build = try await build(site)
            #expect(build.cid == edited, "round \(round)")
            #expect(build.stderr.contains("kept from the previous output"), "round \(round): \(build.stderr)")
        }
    }

    @Test func draftsAndTheProcessTimeZoneComingAndGoing() async throws {
        let site = scratch("zones")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        for n in 1...4 {
            let draft = n == 2 ? "draft: true\n" : ""
            try write("---\ntitle: Post \(n)\ndate: 2026-03-0\(n)T23:30:00\ntags: [t\(n % 2)]\n\(draft)---\n\nBody \(n).\n",
                to: "content/posts/p\(n).md", in: site)
        }
        let plain = try freshCID(site)
        let drafts = try freshCID(site, extra: ["--drafts"])
        #expect(plain != drafts)
        let runs: [([String], String)] = [
            ([], "UTC"), ([], "America/Los_Angeles"), ([], "Asia/Tokyo"), (["--drafts"], "UTC"), ([], "Asia/Tokyo"),
            (["--drafts"], "America/Los_Angeles"), (["--drafts"], "UTC"), (["--drafts"], "Asia/Tokyo"), ([], "UTC"),
        ]
        for (index, (extra, zone)) in runs.enumerated() {
            let build = try await build(site, extra: extra, environment: ["TZ": zone, "LC_ALL": "de_DE.UTF-8"])
            #expect(build.cid == (extra.isEmpty ? plain : drafts), "run \(index): \(extra) in \(zone)")
        }
    }

    /// Permission bits of every file (and with `folders`, folder) under `root`, by relative path.
    func modes(under root: URL, folders: Bool = false) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: root.path) {
            var info = stat()
            #expect(lstat(root.appendingPathComponent(path).path, &info) == 0)
            if (info.st_mode & S_IFMT) == S_IFREG || (folders && (info.st_mode & S_IFMT) == S_IFDIR) {
                result[path] = Int(info.st_mode & 0o7777)
            }
        }
        return result
    }

    @Test func aPageWhosePermissionsWereChangedInTheOutputGetsThoseOfAFreshBuild() async throws {
        let site = scratch("modes")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        try write("---\ntitle: Post\ndate: 2026-02-01\n---\n\nBody.\n", to: "content/posts/p.md", in: site)
        _ = try await build(site)
        _ = try await build(site)
        // The output is served as it is: a page left unreadable (or set-user-ID) must not stay so.
        let output = site.appendingPathComponent("public")
        #expect(chmod(output.appendingPathComponent("index.html").path, 0o600) == 0)
        #expect(chmod(output.appendingPathComponent("404.html").path, 0o4755) == 0)
        _ = try await build(site)
        _ = try await build(site)  // writes over the tree whose files were changed

        let fresh = scratch("modes-fresh")
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(try BlogctlRunner.run(["build", site.path, "--no-cache", "--output", fresh.path]).status == 0)
        let expected = try modes(under: fresh)
        #expect(expected["index.html"] != nil)
        #expect(try modes(under: output) == expected)
    }

    @Test func aFolderWhosePermissionsWereChangedInTheOutputGetsThoseOfAFreshBuild() async throws {
        let site = scratch("folder-modes")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        try write("---\ntitle: Post\ndate: 2026-02-01\ntags: [a]\n---\n\nBody.\n", to: "content/posts/p.md", in: site)
        _ = try await build(site)
        _ = try await build(site)
        let output = site.appendingPathComponent("public")
        #expect(chmod(output.appendingPathComponent("posts").path, 0o700) == 0)
        #expect(chmod(output.appendingPathComponent("tags").path, 0o555) == 0)
        _ = try await build(site)
        _ = try await build(site)  // writes over the tree whose folders were changed

        let fresh = scratch("folder-modes-fresh")
        defer { try? FileManager.default.removeItem(at: fresh) }
        #expect(try BlogctlRunner.run(["build", site.path, "--no-cache", "--output", fresh.path]).status == 0)
        let expected = try modes(under: fresh, folders: true)
        #expect(expected["posts"] != nil && expected["tags"] != nil)
        #expect(try modes(under: output, folders: true) == expected)
    }
}

extension KeptOutputTests {
    /// `blogctl build SITE EXTRA…` under `umask` (through sh, so this process's umask, shared by the tests running at once, is left alone).
    func build(_ site: URL, umask: String, extra: [String] = []) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "umask \(umask) && exec \"$0\" build \"$@\" >/dev/null 2>&1", BlogctlRunner.executable.path, site.path] + extra
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func buildsUnderAnotherUmaskLeaveTheModesOfAFreshBuild() async throws {
        let site = scratch("umask")
        defer { try? FileManager.default.removeItem(at: site) }
        #expect(try BlogctlRunner.run(["init", site.path]).status == 0)
        try write("---\ntitle: Post\ndate: 2026-02-01\ntags: [a]\n---\n\nBody.\n", to: "content/posts/p.md", in: site)
        // A cron job or sudo with umask 077, then the author's shell.
        for _ in 1...3 { try build(site, umask: "077") }
        for _ in 1...3 { try build(site, umask: "022") }

        let fresh = scratch("umask-fresh")
        defer { try? FileManager.default.removeItem(at: fresh) }
        try build(site, umask: "022", extra: ["--no-cache", "--output", fresh.path])
        let expected = try modes(under: fresh, folders: true)
        #expect(expected["posts"] == 0o755 && expected["index.html"] == 0o644)
        #expect(try modes(under: site.appendingPathComponent("public"), folders: true) == expected)
    }
}
