@testable import ContentAddressing
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad inputs fail with a typed error that names the offending path.
@Suite struct ImporterErrorTests {
    func importError(_ url: URL) async -> ImportError? {
        do {
            _ = try await Importer.importPath(url, into: DiscardingBlockStore())
            return nil
        } catch {
            return error
        }
    }

    @Test func missingPath() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let missing = temp.url.appendingPathComponent("no-such-site")
        #expect(await importError(missing) == .notFound(path: missing.path))
        #expect(ImportError.notFound(path: missing.path).description.contains(missing.path))
    }

    @Test func fifoInsideTreeIsRejected() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let site = temp.url.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try Data("ok".utf8).write(to: site.appendingPathComponent("index.html"))
        let fifo = site.appendingPathComponent("sub/pipe")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let error = await importError(site)
        #expect(error == .unsupportedFileType(path: fifo.path, kind: "FIFO (named pipe)"))
        #expect(error?.description.hasPrefix(fifo.path + ": is a FIFO") == true)
    }

    @Test func socketIsRejected() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let path = temp.url.appendingPathComponent("sock").path
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path.utf8.prefix(raw.count - 1))
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        #expect(await importError(temp.url) == .unsupportedFileType(path: path, kind: "socket"))
    }

    @Test func deviceFileIsRejected() async {
        #expect(await importError(URL(fileURLWithPath: "/dev/null")) == .unsupportedFileType(path: "/dev/null", kind: "character device"))
    }

    @Test func unreadableFile() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let url: URL
        if geteuid() == 0 {
            // Root reads any mode-000 file; a write-only sysctl refuses even root.
            url = URL(fileURLWithPath: "/proc/sys/vm/drop_caches")
            guard FileManager.default.fileExists(atPath: url.path), open(url.path, O_RDONLY) < 0 else {
                Issue.record("running as root without an unreadable file to test with; unreadable-file case not exercised")
                return
            }
        } else {
            url = temp.url.appendingPathComponent("secret.txt")
            try Data("x".utf8).write(to: url)
            #expect(chmod(url.path, 0) == 0)
        }
        let error = await importError(url)
        #expect(error == .unreadable(path: url.path, reason: String(cString: strerror(EACCES))))
        #expect(error?.description == "\(url.path): cannot read: Permission denied")
    }

    @Test func directoryWhereFileExpected() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        await #expect(throws: ImportError.notAFile(path: temp.url.path, kind: "directory")) {
            try await FileImporter(store: DiscardingBlockStore()).importFile(at: temp.url)
        }
    }

    @Test(arguments: ["", "a//b", "../x", "/abs", "a/./b", "dir/"])
    func invalidTreePaths(_ path: String) async {
        var tree = InMemoryTree()
        tree.addFile(path, [1])
        await #expect {
            try await Importer.importTree(tree, into: DiscardingBlockStore())
        } throws: { error in
            guard case .invalidTreePath(let bad, _) = error as? ImportError else { return false }
            return bad == path
        }
    }

    @Test func fileUsedAsDirectoryInTree() async {
        var tree = InMemoryTree()
        tree.addFile("a", [1])
        tree.addFile("a/b", [2])
        await #expect(throws: ImportError.self) { try await Importer.importTree(tree, into: DiscardingBlockStore()) }
    }

    @Test func duplicateNamesInDirectory() throws {
        let file = try FileImporter(store: DiscardingBlockStore()).importBytes([1])
        #expect(throws: ImportError.duplicateName("a", directory: "site/x")) {
            try DirectoryBuilder(store: DiscardingBlockStore()).build([("a", file), ("b", file), ("a", file)], path: "site/x")
        }
    }
}

@Suite struct ImporterEdgeTests {
    @Test func nonUTF8NameIsRejected() async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        var path = Array(temp.url.path.utf8) + Array("/bad-".utf8) + [0xff, 0xfe, 0]
        let fd = path.withUnsafeMutableBufferPointer { p in
            p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { open($0, O_CREAT | O_WRONLY, 0o644) }
        }
        #expect(fd >= 0)
        close(fd)
        await #expect {
            try await Importer.importPath(temp.url, into: DiscardingBlockStore())
        } throws: { error in
            guard case .nameNotUTF8(let bad) = error as? ImportError else { return false }
            return bad.hasPrefix(temp.url.path + "/bad-")
        }
    }

    @Test func fileShorterThanPlannedIsAnError() throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let url = temp.url.appendingPathComponent("shrunk.bin")
        try Data(repeating: 7, count: 10).write(to: url)
        let sink = BlockSink(store: DiscardingBlockStore(), profile: .default, counting: false)
        // Planned at 100 bytes (as if it shrank after the walk).
        #expect(throws: ImportError.changedWhileReading(path: url.path)) {
            try FileChunker(profile: .default, sink: sink).leaves(of: .disk(path: url.path, length: 100), chunks: 0..<1)
        }
    }

    @Test(arguments: ImportProfile.all)
    func topLevelSymlinkIsStoredNotFollowed(_ profile: ImportProfile) async throws {
        let temp = try TemporaryDirectory()
        defer { temp.remove() }
        let link = temp.url.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/etc/passwd")
        let summary = try await Importer.importPath(link, profile: profile, into: DiscardingBlockStore())
        let expected = try FileImporter(profile: profile, store: DiscardingBlockStore()).importSymlink(target: "/etc/passwd")
        #expect(summary.rootNode == expected)
        #expect(summary.symlinks == 1 && summary.files == 0)
    }
}
