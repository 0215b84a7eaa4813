import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real Knot DNS server (Debian's `knot`) on a loopback port, with one zone and a TSIG key
/// allowed to update it; started for a test and stopped with it. `nil` (and a printed reason)
/// where knotd is not installed: `scripts/setup` installs it.
public final class KnotServer: @unchecked Sendable {
    public let port: UInt16
    public let zone = "example.test"
    public let keyName = "blogctl-test."
    /// The key's secret, base64.
    public let secret: String
    private let folder: URL
    private let process = Process()

    static var knotd: String? {
        ["/usr/sbin/knotd", "/usr/bin/knotd"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts a server whose zone holds `records` (zone-file lines) besides its SOA and NS.
    public init?(records: [String] = []) throws {
        guard let knotd = Self.knotd else {
            print("DNSTests: knotd is not installed (apt-get install knot); skipping the tests against a real DNS server")
            return nil
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-knot-\(UUID().uuidString)")
        for sub in ["run", "db", "zones"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        secret = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
        port = try Self.freePort()
        let config = """
            server:
                rundir: "\(folder.path)/run"
                listen: 127.0.0.1@\(port)
            log:
              - target: stderr
                any: warning
            database:
                storage: "\(folder.path)/db"
            key:
              - id: \(keyName)
                algorithm: hmac-sha256
                secret: \(secret)
            acl:
              - id: update
                key: \(keyName)
                action: update
            template:
              - id: default
                storage: "\(folder.path)/zones"
                file: "%s.zone"
                zonefile-sync: -1
            zone:
              - domain: \(zone).
                acl: update

            """
        try config.write(to: folder.appendingPathComponent("knot.conf"), atomically: true, encoding: .utf8)
        let zoneFile = """
            $ORIGIN \(zone).
            $TTL 3600
            @ SOA ns1 hostmaster 1 3600 600 86400 60
            @ NS ns1
            ns1 A 127.0.0.1

            """ + records.joined(separator: "\n") + "\n"
        try zoneFile.write(to: folder.appendingPathComponent("zones/\(zone).zone"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: knotd)
        process.arguments = ["-c", folder.appendingPathComponent("knot.conf").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Ready once it answers for the zone over TCP.
        for _ in 0..<100 {
            if Self.accepts(port) { return }
            usleep(50_000)
        }
        stop()
        throw KnotError.didNotStart
    }

    enum KnotError: Error { case didNotStart }

    public func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }

    public static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return UInt16(bigEndian: address.sin_port)
    }

    static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
