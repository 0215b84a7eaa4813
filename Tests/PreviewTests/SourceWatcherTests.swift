import Foundation
import Testing
@testable import Preview
#if canImport(Glibc)
import Glibc
#endif

/// `SourceWatcher` on a real folder with real inotify: each test makes the system calls an
/// editor or a shell makes and checks the batch of paths the build is told about. A trailing
/// write to `content/posts/first.md` ends the bursts whose own paths should all be left out, so
/// that a batch comes either way.
@Suite struct SourceWatcherTests {
    static let sentinel = "content/posts/first.md"

    @Test func aPlainWriteIsItsPath() async throws {
        let site = try WatchedFolder()
        site.start()
        try site.write("content/posts/first.md")
        #expect(try await site.nextBatch() == ["content/posts/first.md"])
        try site.write("static/img/new.png")
        #expect(try await site.nextBatch() == ["static/img/new.png"])
        try site.write("templates/post.mustache")
        #expect(try await site.nextBatch() == ["templates/post.mustache"])
    }

    @Test func anAtomicSaveIsTheSavedFileOnly() async throws {
        let site = try WatchedFolder()
        site.start()
        // What most editors and `Data.write(options: .atomic)` do: a temporary file renamed over the original.
        try site.write("content/posts/.first.md.tmp-1234")
        try site.chmod("content/posts/.first.md.tmp-1234", 0o644)
        try site.rename("content/posts/.first.md.tmp-1234", "content/posts/first.md")
        #expect(try await site.nextBatch() == ["content/posts/first.md"])
    }

    @Test func vimsSaveIsTheSavedFileOnly() async throws {
        let site = try WatchedFolder()
        site.start()
        // vim (backupcopy=auto, writebackup): probes with "4913", moves the original aside to
        // "first.md~", writes the new file, sets its mode, then deletes the backup.
        try site.write("content/posts/4913", "")
        try site.delete("content/posts/4913")
        try site.rename("content/posts/first.md", "content/posts/first.md~")
        try site.write("content/posts/first.md")
        try site.chmod("content/posts/first.md", 0o644)
        try site.delete("content/posts/first.md~")
        #expect(try await site.nextBatch() == ["content/posts/first.md"])
    }

    @Test func aDeletedFileIsItsPath() async throws {
        let site = try WatchedFolder()
        site.start()
        try site.delete("content/posts/first.md")
        #expect(try await site.nextBatch() == ["content/posts/first.md"])
    }

    @Test func aFileThatWasThereIsReportedEvenWhenItCameBackAndWentAgain() async throws {
        let site = try WatchedFolder { root in
            try Data("old\n".utf8).write(to: root.appendingPathComponent("content/posts/second.md"))
        }
        site.start()
        try site.delete("content/posts/second.md")
        try site.write("content/posts/second.md")
        try site.delete("content/posts/second.md")
        try site.write(Self.sentinel)
        #expect(try await site.nextBatch() == ["content/posts/second.md", Self.sentinel], "second.md was there and is gone")
    }

    @Test func aNewBundleIsItsFolderAndItsFilesAreWatchedAfterwards() async throws {
        let site = try WatchedFolder()
        site.start()
        try site.makeFolder("content/posts/bundle/files")
        try site.write("content/posts/bundle/index.md")
        try site.write("content/posts/bundle/files/pic.png")
        let batch = try #require(try await site.nextBatch())
        #expect(batch.first == "content/posts/bundle", "the folder, so that the build lists the site again")
        #expect(batch.allSatisfy { $0.hasPrefix("content/posts/bundle") }, "\(batch)")
        try site.write("content/posts/bundle/files/pic.png")
        #expect(try await site.nextBatch() == ["content/posts/bundle/files/pic.png"], "the folders below the new one are watched")
    }

    @Test func aFolderCreatedAfterStartIsWatched() async throws {
        let site = try WatchedFolder()
        site.start()
        try site.makeFolder("content/notes")
        #expect(try await site.nextBatch() == ["content/notes"])
        try site.write("content/notes/a.md")
        #expect(try await site.nextBatch() == ["content/notes/a.md"])
        // static/ made anew at the top, with a folder inside made before the watcher saw it.
        try site.delete("static")
        #expect(try await site.nextBatch()?.contains("static") == true)
        try site.makeFolder("static/css")
        let remade = try #require(try await site.nextBatch())
        #expect(remade.first == "static" && remade.allSatisfy { $0.hasPrefix("static") }, "\(remade)")
        try site.write("static/css/site.css")
        #expect(try await site.nextBatch() == ["static/css/site.css"])
    }

    @Test func aDeletedFolderIsItself() async throws {
        let site = try WatchedFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts/old/img"), withIntermediateDirectories: true)
            try Data("---\ntitle: Old\n---\n".utf8).write(to: root.appendingPathComponent("content/posts/old/index.md"))
        }
        site.start()
        try site.delete("content/posts/old")
        let batch = try #require(try await site.nextBatch())
        #expect(batch.contains("content/posts/old"), "\(batch)")
        #expect(batch.allSatisfy { $0.hasPrefix("content/posts/old") }, "\(batch)")
    }

    @Test func aFolderMovedOutOfTheSiteIsNoLongerWatched() async throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-moved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try WatchedFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts/gone/img"), withIntermediateDirectories: true)
            try Data("---\ntitle: Gone\n---\n".utf8).write(to: root.appendingPathComponent("content/posts/gone/index.md"))
        }
        site.start()
        #expect(rename(site.url("content/posts/gone").path, outside.path) == 0)
        #expect(try await site.nextBatch() == ["content/posts/gone"])
        try WatchedFolder.write(at: outside.appendingPathComponent("img/a.png"))
        try WatchedFolder.write(at: outside.appendingPathComponent("index.md"))
        try site.write(Self.sentinel)
        #expect(try await site.nextBatch() == [Self.sentinel], "files of a folder moved away are not the site's")
    }

    @Test func aFolderRenamedInsideTheSiteIsWatchedUnderItsNewName() async throws {
        let site = try WatchedFolder { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/posts/draft/img"), withIntermediateDirectories: true)
        }
        site.start()
        try site.rename("content/posts/draft", "content/posts/final")
        #expect(try await site.nextBatch() == ["content/posts/draft", "content/posts/final"])
        try site.write("content/posts/final/img/a.png")
        #expect(try await site.nextBatch() == ["content/posts/final/img/a.png"])
    }

    @Test func siteYmlIsWatchedAndOtherNamesAtTheTopAreNot() async throws {
        let site = try WatchedFolder()
        site.start()
        // What builds and tools write beside the sources: never a reason to rebuild.
        try site.write("notes.txt")
        try site.makeFolder("public/posts")
        try site.write("public/index.html")
        try site.makeFolder(".blogctl-cache")
        try site.write(".blogctl-cache/documents")
        try site.write(".site.yml.swp")
        try site.write("site.yml")
        #expect(try await site.nextBatch() == ["site.yml"])
        // An atomic save of site.yml through a temporary file at the top.
        try site.write("site.yml.tmp")
        try site.rename("site.yml.tmp", "site.yml")
        #expect(try await site.nextBatch() == ["site.yml"])
        try site.write("public/posts/index.html")
        try site.write(Self.sentinel)
        #expect(try await site.nextBatch() == [Self.sentinel], "a folder made at the top, public/, is not watched")
    }

    @Test func aBurstIsOneBatchInTheOrderOfTheChanges() async throws {
        let site = try WatchedFolder()
        site.start()
        let paths = ["content/posts/a.md", "static/img/b.png", "content/posts/c.md", "templates/base.mustache", "site.yml"]
        for path in paths { try site.write(path) }
        try site.write("content/posts/a.md")
        #expect(try await site.nextBatch() == paths)
    }

    @Test func aChangeThatNeverStopsIsCutIntoBatches() async throws {
        let site = try WatchedFolder(quiet: .milliseconds(100), longest: .milliseconds(150))
        site.start()
        // Writes go on until two batches came while they did; the deadline only stops a hang, so a
        // loaded machine that starves the watcher for a while cannot fail the test.
        let deadline = ContinuousClock.now + .seconds(60)
        while site.received < 2, ContinuousClock.now < deadline {
            try site.write(Self.sentinel)
            try await Task.sleep(for: .milliseconds(10))
        }
        var batches: [[String]] = []
        while let batch = try await site.nextBatch(timeout: .seconds(2)) { batches.append(batch) }
        #expect(batches.count >= 2, "a batch ends at `longest` even while events keep coming")
        #expect(batches.allSatisfy { $0 == [Self.sentinel] })
    }

    @Test func lostEventsListTheSiteAgainAndFoldersMadeMeanwhileAreWatched() async throws {
        let limit = Int((try? String(contentsOfFile: "/proc/sys/fs/inotify/max_queued_events", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 16_384
        let site = try WatchedFolder()
        // Nobody reads the events yet: more than the kernel queues overflow it.
        for n in 0...(limit / 2 + 10) { try site.write("content/posts/gen-\(n).md", "") }
        try site.makeFolder("content/later")
        site.start()
        // The overflow comes after the events the queue held, maybe in a later batch.
        var overflowed = false
        while !overflowed, let batch = try await site.nextBatch() { overflowed = batch.contains(".") }
        #expect(overflowed, "the whole site is listed again")
        try site.write("content/later/a.md")
        #expect(try await site.nextBatch() == ["content/later/a.md"])
    }

    @Test func stopEndsTheStream() async throws {
        let site = try WatchedFolder()
        let ended = AsyncStream<Void>.makeStream()
        let stream = site.watcher.changes()
        Task {
            for await _ in stream {}
            ended.continuation.yield()
        }
        site.watcher.stop()
        var iterator = ended.stream.makeAsyncIterator()
        #expect(await iterator.next() != nil)
    }

    @Test func aSiteFolderThatIsNotThereCannotBeWatched() {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-missing-\(UUID().uuidString)")
        #expect(throws: WatchError.self) { try SourceWatcher(root: missing) }
    }
}
