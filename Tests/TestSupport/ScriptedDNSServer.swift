import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A DNS server on 127.0.0.1 (UDP and TCP on one port) that answers each request as a test's
/// script says: the faults a network or a broken server shows on a bad day (no answer, a late or
/// foreign answer, garbage, a TCP connection closed midway), which Knot cannot be asked to show.
public final class ScriptedDNSServer: @unchecked Sendable {
    /// What goes back for the `attempt`-th request (from 1) on one transport: datagrams over
    /// UDP; over TCP, bytes written as they are (framing included, see `framed`), then the
    /// connection is closed. Nothing: the request goes unanswered (over TCP, the connection is
    /// held open until the server stops).
    public typealias Script = @Sendable (_ request: [UInt8], _ attempt: Int) -> [[UInt8]]

    public let port: UInt16
    private let udp: Int32
    private let tcp: Int32
    private let lock = NSLock()
    private var counts = (udp: 0, tcp: 0)
    private var stopped = false
    private var held: [Int32] = []

    /// Requests received so far over UDP and over TCP.
    public var requests: (udp: Int, tcp: Int) { lock.withLock { counts } }

    public init(udp udpScript: @escaping Script, tcp tcpScript: @escaping Script = { _, _ in [] }) throws {
        (udp, tcp, port) = try Self.bind()
        Thread.detachNewThread { [self] in serveDatagrams(udpScript) }
        Thread.detachNewThread { [self] in serveConnections(tcpScript) }
    }

    public func stop() {
        let connections = lock.withLock { () -> [Int32] in
            stopped = true
            return held
        }
        for fd in connections { close(fd) }
    }

    /// `message` with the two-byte length TCP puts before it.
    public static func framed(_ message: [UInt8]) -> [UInt8] {
        [UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func serveDatagrams(_ script: Script) {
        defer { close(udp) }
        var buffer = [UInt8](repeating: 0, count: 65535)
        while !isStopped {
            guard Self.readable(udp) else { continue }
            var peer = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let count = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(udp, &buffer, buffer.count, 0, $0, &length) }
            }
            guard count > 0 else { continue }
            let attempt = lock.withLock { counts.udp += 1; return counts.udp }
            for datagram in script(Array(buffer.prefix(count)), attempt) {
                _ = withUnsafePointer(to: &peer) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(udp, datagram, datagram.count, 0, $0, length) }
                }
            }
        }
    }

    private func serveConnections(_ script: Script) {
        defer { close(tcp) }
        while !isStopped {
            guard Self.readable(tcp) else { continue }
            let connection = accept(tcp, nil, nil)
            guard connection >= 0 else { continue }
            guard let request = Self.readMessage(connection) else { close(connection); continue }
            let attempt = lock.withLock { counts.tcp += 1; return counts.tcp }
            let reply = script(request, attempt)
            if reply.isEmpty {
                lock.withLock { held.append(connection) }
                continue
            }
            for bytes in reply { _ = send(connection, bytes, bytes.count, Int32(MSG_NOSIGNAL)) }
            close(connection)
        }
    }

    private static func readMessage(_ fd: Int32) -> [UInt8]? {
        guard let length = read(fd, 2) else { return nil }
        return read(fd, Int(length[0]) << 8 | Int(length[1]))
    }

    private static func read(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        while bytes.count < count {
            let got = recv(fd, &buffer, count - bytes.count, 0)
            guard got > 0 else { return nil }
            bytes += buffer.prefix(got)
        }
        return bytes
    }

    /// Waits a tenth of a second at most, so that `stop` is noticed.
    private static func readable(_ fd: Int32) -> Bool {
        var polled = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&polled, 1, 100) > 0
    }

    /// A UDP and a TCP socket bound to the same free port on 127.0.0.1.
    private static func bind() throws -> (Int32, Int32, UInt16) {
        for _ in 0..<20 {
            let udp = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
            guard bindLoopback(udp, port: 0) else { close(udp); continue }
            var address = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(udp, $0, &length) } }
            let port = UInt16(bigEndian: address.sin_port)
            let tcp = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var yes: Int32 = 1
            setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
            if bindLoopback(tcp, port: port), listen(tcp, 16) == 0 { return (udp, tcp, port) }
            close(udp)
            close(tcp)
        }
        throw POSIXError(.EADDRINUSE)
    }

    private static func bindLoopback(_ fd: Int32, port: UInt16) -> Bool {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
