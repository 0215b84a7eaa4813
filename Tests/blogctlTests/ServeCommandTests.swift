import Foundation
import Testing
@testable import ContentAddressing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `blogctl serve --car`: the URLs it prints, what it serves there, Ctrl-C, and one clear line for each failure.
@Suite final class ServeCommandTests {
    let folder: URL
    let car: URL
    let root: CID

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let store = MemoryBlockStore()
        let page = Block(data: Array("<p>served</p>".utf8), codec: CID.raw, cidVersion: 1)
        store.put(page)
        let dir = Block(data: PBNode(links: [PBLink(cid: page.cid, name: "index.html", tsize: 13)], data: UnixFSData(kind: .directory).encoded()).encoded(),
                        codec: CID.dagPB, cidVersion: 1)
        store.put(dir)
        root = dir.cid
        car = folder.appendingPathComponent("site.car")
        _ = try CARWriter.write(root: root, from: store, to: car)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    @Test func servesPrintsTheURLsAndStopsOnInterrupt() async throws {
        let process = Process()
        process.executableURL = BlogctlRunner.executable
        process.arguments = ["serve", "--car", car.path, "--port", "0"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var printed = ""
        while !printed.contains("Ctrl-C") {
            let data = err.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            printed += String(decoding: data, as: UTF8.self)
        }
        let site = try #require(printed.split(separator: "\n").first { $0.contains("site:") }?.split(separator: " ").last)
        #expect(printed.contains("path gateway:     \(site)ipfs/\(root)/"))
        #expect(printed.contains("subdomain:        http://\(root).ipfs.localhost:"))
        let (body, response) = try await URLSession.shared.data(from: URL(string: String(site))!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: body, as: UTF8.self) == "<p>served</p>")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "Ctrl-C stops cleanly")
    }

    @Test func anInvalidCARIsOneLineAndAFailure() throws {
        let bogus = folder.appendingPathComponent("bogus.car")
        try Data("nope".utf8).write(to: bogus)
        let result = try BlogctlRunner.run(["serve", "--car", bogus.path, "--port", "0"])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("blogctl: error: \(bogus.path)"))
        let absent = try BlogctlRunner.run(["serve", "--car", folder.appendingPathComponent("absent.car").path])
        #expect(absent.status != 0 && absent.stderr.contains("absent.car"))
    }

    @Test func aPortInUseIsOneLineAndAFailure() throws {
        // Hold a port by listening on it, then ask blogctl for the same one.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        #expect(bound)
        let port = Int(UInt16(bigEndian: address.sin_port))
        let result = try BlogctlRunner.run(["serve", "--car", car.path, "--port", "\(port)"])
        #expect(result.status != 0)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0] == "blogctl: error: port \(port) on 127.0.0.1 is already in use; choose another with --port")
    }
}
