import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `blogctl pack` as a user runs it: the built binary, through `BlogctlRunner`.
@Suite struct PackCommandTests {
    func blogctl(_ arguments: String...) throws -> BlogctlRunner.Result {
        try BlogctlRunner.run(arguments)
    }

    /// The vectors' `dir-hidden-and-symlink` case, whose kubo CIDs are known.
    func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-pack-\(UUID().uuidString)")
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".well-known"), withIntermediateDirectories: true)
        try Data("Contact: mailto:a@example.com\n".utf8).write(to: site.appendingPathComponent(".well-known/security.txt"))
        try Data().write(to: site.appendingPathComponent(".nojekyll"))
        try Data("x\n".utf8).write(to: site.appendingPathComponent("index.html"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("latest").path, withDestinationPath: "index.html")
        return site
    }

    static let cidV1 = "bafybeiesvsogjsgylegcptu66vbgc6r4rfm5akamx76t5pn65gvku4n47m"
    static let cidV0 = "QmNS6nJ6moGAxddcKyVAy23KNZJ1Anc3sbHDd6mmME5igs"

    @Test func printsOnlyTheRootCID() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let v1 = try blogctl("pack", site.path)
        #expect(v1.status == 0)
        #expect(v1.stdout == PackCommandTests.cidV1 + "\n")
        #expect(v1.stderr.contains("packed 3 files, 2 directories"))
        let v0 = try blogctl("pack", site.path, "--profile", "unixfs-v0-2015")
        #expect(v0.stdout == PackCommandTests.cidV0 + "\n")
    }

    @Test func packsASingleFile() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("hello.txt")
        try Data("hello\n".utf8).write(to: file)
        // The vectors' file-hello: a one-chunk file is its leaf.
        #expect(try blogctl("pack", file.path).stdout == "bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am\n")
        #expect(try blogctl("pack", "--profile", "unixfs-v0-2015", file.path).stdout == "QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN\n")
    }

    @Test func jsonSummary() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try blogctl("pack", "--json", site.path)
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect(object?["root"] as? String == PackCommandTests.cidV1)
        #expect(object?["profile"] as? String == "unixfs-v1-2025")
        #expect(object?["files"] as? Int == 3)
        #expect(object?["directories"] as? Int == 2)
        #expect((object?["blocks"] as? Int ?? 0) >= 5)
        #expect((object?["bytes"] as? Int ?? 0) > 0)
    }

    @Test func writesCAR() throws {
        let site = try makeSite()
        let car = site.deletingLastPathComponent().appendingPathComponent("site.car")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try blogctl("pack", site.path, "--car", car.path)
        #expect(run.status == 0)
        #expect(run.stdout == PackCommandTests.cidV1 + "\n")
        let bytes = try [UInt8](Data(contentsOf: car))
        // A CARv1 header for one CIDv1 dag-pb root.
        #expect(Array(bytes.prefix(18)) == [0x3a, 0xa2, 0x65, 0x72, 0x6f, 0x6f, 0x74, 0x73, 0x81, 0xd8, 0x2a, 0x58, 0x25, 0x00, 0x01, 0x70, 0x12, 0x20])
        let verify = try blogctl("car", "verify", car.path)
        #expect(verify.status == 0)
        #expect(verify.stdout.contains("root: \(PackCommandTests.cidV1)"))
    }

    @Test func refusesACARPathThatIsTheFileBeingPacked() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("index.html")
        let result = try blogctl("pack", file.path, "--car", file.path)
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "blogctl: error: \(file.path): the CAR would replace the file being packed; choose another --car\n")
        #expect(try Data(contentsOf: file) == Data("x\n".utf8))
    }

    @Test func refusesACARPathThatIsAFolderBeforePacking() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let folder = site.deletingLastPathComponent().appendingPathComponent("cars")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let result = try blogctl("pack", site.path, "--car", folder.path)
        #expect(result.status != 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "blogctl: error: \(folder.path): is a folder; --car needs a file name such as site.car\n")
    }

    @Test func missingPathFailsWithOneLine() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID().uuidString)").path
        let run = try blogctl("pack", missing)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "blogctl: error: \(missing): no such file or directory\n")
    }

    @Test func fifoFailsAndKeepsExistingCAR() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let fifo = site.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let car = site.deletingLastPathComponent().appendingPathComponent("old.car")
        try Data("previous".utf8).write(to: car)
        let run = try blogctl("pack", site.path, "--car", car.path)
        #expect(run.status != 0)
        #expect(run.stderr.hasPrefix("blogctl: error: \(fifo.path): is a FIFO"))
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(try Data(contentsOf: car) == Data("previous".utf8))
    }

    @Test func unknownProfileListsValidNames() throws {
        let site = try makeSite()
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let run = try blogctl("pack", site.path, "--profile", "kubo")
        #expect(run.status != 0)
        #expect(run.stderr == "blogctl: error: unknown import profile 'kubo' (valid: unixfs-v1-2025, unixfs-v0-2015)\n")
    }
}
