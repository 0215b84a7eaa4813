import Foundation
import Testing
@testable import SiteBuilder

/// Folders a killed build leaves beside its output are removed by the next build, and never
/// those of a build that is still running.
@Suite struct LeftoverFolderTests {
    func scratch() throws -> URL {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-leftovers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        return parent
    }

    /// The id of a process that has exited.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    func folder(_ parent: URL, _ name: String, holding file: String = "index.html") throws {
        let url = parent.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: url.appendingPathComponent(file))
    }

    func names(_ parent: URL) throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: parent.path)) }

    @Test func ownerTagsRoundTripAndTellTheLivingFromTheDead() throws {
        let me = BuildOwner.current
        #expect(BuildOwner(tagPrefixOf: Substring(me.tag + "-abc")) == me)
        #expect(me.isAlive)
        #expect(!BuildOwner(pid: try deadPID(), started: 0).isAlive)
        #if os(Linux)
        #expect(me.started > 0)
        // The same id with another start time: the id was given to a new process.
        #expect(!BuildOwner(pid: me.pid, started: me.started + 1).isAlive)
        #endif
        #expect(BuildOwner(tagPrefixOf: "abc") == nil && BuildOwner(tagPrefixOf: "12") == nil && BuildOwner(tagPrefixOf: "-1-2") == nil)
    }

    @Test func removesOnlyWhatDeadBuildsLeft() throws {
        let parent = try scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let dead = try deadPID()
        let me = BuildOwner.current.tag
        try folder(parent, ".public.tmp-\(dead)-5-k1")
        try folder(parent, ".public.tmp-\(dead)-5-k2-fresh")
        try folder(parent, ".public.tmp-\(me)-live1")
        try folder(parent, ".public.tmp-\(me)-live2-fresh")
        try folder(parent, ".public.old-\(dead)-5-k3", holding: "previous.html")
        try folder(parent, ".public.tmp-oldstyle1")
        try folder(parent, ".public.tmp-oldstyle2")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
            ofItemAtPath: parent.appendingPathComponent(".public.tmp-oldstyle1").path)
        // Not ours to judge: other outputs, odd names, files.
        try folder(parent, ".other.tmp-\(dead)-5-k4")
        try folder(parent, ".public.tmp-\(dead)-5-k5-extra-parts")
        try folder(parent, "public")
        try Data().write(to: parent.appendingPathComponent(".public.tmp-\(dead)-5-file"))
        #if os(Linux)
        try folder(parent, ".public.tmp-\(BuildOwner.current.pid)-\(BuildOwner.current.started + 7)-reused")
        #endif

        let recycle = parent.path + "/" + SiteWriter.recycleName(forOutputNamed: "public")
        SiteWriter.removeLeftovers(parent: parent.path + "/", name: "public", recycle: recycle)
        #expect(try names(parent) == [
            ".public.tmp-\(me)-live1", ".public.tmp-\(me)-live2-fresh", ".public.tmp-oldstyle2", ".other.tmp-\(dead)-5-k4",
            ".public.tmp-\(dead)-5-k5-extra-parts", "public", ".public.tmp-\(dead)-5-file", ".public-recycle",
        ])
        // A previous output moved aside by the dead build becomes the tree the next build reuses.
        #expect(FileManager.default.fileExists(atPath: recycle + "/previous.html"))
    }

    @Test func theNextBuildRemovesADeadBuildsTemporaryFolder() throws {
        let parent = try scratch()
        defer { try? FileManager.default.removeItem(at: parent) }
        let dead = try deadPID()
        try folder(parent, ".public.tmp-\(dead)-9-abc")
        try folder(parent, ".public.tmp-\(BuildOwner.current.tag)-busy")
        try SiteWriter.write(SiteOutput(files: ["index.html": .bytes(Data("new".utf8))]), to: parent.appendingPathComponent("public"))
        #expect(try names(parent) == ["public", ".public.tmp-\(BuildOwner.current.tag)-busy"])
        #expect(try String(contentsOf: parent.appendingPathComponent("public/index.html"), encoding: .utf8) == "new")
    }
}

/// Folders are made by whichever worker writes first under them: deep trees spread over many
/// workers come out complete, fresh and over a recycled tree.
@Test func deepTreesAreWrittenCompletelyByParallelWorkers() throws {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-deep-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: parent) }
    let output = parent.appendingPathComponent("public")
    func site(_ round: Int) -> SiteOutput {
        var files: [String: OutputContent] = [:]
        for index in 0..<1500 {
            // Parents shared across chunk boundaries, and children deeper than their first file.
            let path = "t\(index % 7)/\(index % 5 == 0 ? "page/\(index % 13)/" : "")p\(index)/\(index % 3 == 0 ? "deep/er/" : "")index.html"
            files[path] = .bytes(Data("\(round) \(index)".utf8))
        }
        files["index.html"] = .bytes(Data("root \(round)".utf8))
        return SiteOutput(files: files)
    }
    for round in 1...3 {
        let expected = site(round)
        try SiteWriter.write(expected, to: output)
        var found: [String: Data] = [:]
        let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])!
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            found[String(url.standardizedFileURL.path.dropFirst(output.standardizedFileURL.path.count + 1))] = try Data(contentsOf: url)
        }
        #expect(found == expected.files.mapValues { try! $0.data() }, "round \(round)")
    }
}
