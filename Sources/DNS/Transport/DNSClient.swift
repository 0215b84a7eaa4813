import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Talks to one DNS server over UDP and TCP (RFC 1035 section 4.2; TCP messages carry a two-byte
/// length): queries go over UDP and again over TCP when the answer is truncated; UPDATEs go over
/// TCP. Each exchange has a timeout; the answer's ID must match the request's, and a UDP query
/// is sent again while no answer comes.
public struct DNSClient: Sendable {
    public let host: String
    public let port: UInt16
    public var timeout: Duration = .seconds(5)
    /// How long a UDP query waits for its answer before sending the datagram again.
    static let retransmitInterval: Duration = .seconds(1)

    public init(host: String, port: UInt16 = 53) {
        self.host = host
        self.port = port
    }

    /// The server, for messages.
    public var server: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The records of type `type` at `name` (over UDP, then TCP if truncated), signed when `signer` is given.
    public func query(_ name: DNSName, type: RecordType, signer: TSIGSigner? = nil) async throws(DNSError) -> DNSMessage {
        var message = DNSMessage(id: UInt16.random(in: 0...UInt16.max))
        message.questions = [DNSMessage.Question(name: name, type: type)]
        var answer = try await exchange(message, signer: signer, tcp: false)
        if answer.truncated { answer = try await exchange(message, signer: signer, tcp: true) }
        return answer
    }

    /// Sends `message` (over TCP when `tcp`), signed with `signer`, and returns the checked answer.
    public func exchange(_ message: DNSMessage, signer: TSIGSigner?, tcp: Bool) async throws(DNSError) -> DNSMessage {
        let (bytes, mac) = signer?.sign(message) ?? (message.encoded(), [])
        let reply = try await send(bytes, tcp: tcp)
        let answer: DNSMessage
        do {
            if let signer { answer = try signer.verify(reply, requestMAC: mac) } else { answer = try DNSMessage(decoding: reply) }
        } catch .malformed(let what) {
            throw .malformed("\(what), in the answer from \(server)")
        } catch .badSignature(let what) {
            throw .badSignature("\(what), in the answer from \(server)")
        }
        guard answer.id == message.id, answer.isResponse else {
            throw .malformed("the answer from \(server) is not an answer to this request (ID \(answer.id), not \(message.id))")
        }
        return answer
    }

    /// The raw answer to `bytes`.
    func send(_ bytes: [UInt8], tcp: Bool) async throws(DNSError) -> [UInt8] {
        let host = host, port = port, timeout = timeout, server = server
        let result: Result<[UInt8], DNSError> = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(returning: Result { () throws(DNSError) -> [UInt8] in
                    try SocketExchange(host: host, port: port, tcp: tcp, timeout: timeout, server: server).run(bytes)
                })
            }
        }
        return try result.get()
    }
}

/// One request and answer on a socket of its own (blocking, on a dispatch thread).
private struct SocketExchange {
    let host: String
    let port: UInt16
    let tcp: Bool
    let timeout: Duration
    let server: String

    func run(_ request: [UInt8]) throws(DNSError) -> [UInt8] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(tcp ? SOCK_STREAM.rawValue : SOCK_DGRAM.rawValue)
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let info = found else {
            throw .network("cannot resolve the DNS server \(host)")
        }
        defer { freeaddrinfo(found) }
        let fd = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard fd >= 0 else { throw .network("cannot open a socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let deadline = ContinuousClock.now + timeout
        try connect(fd, to: info.pointee, deadline: deadline)
        if tcp {
            var framed: [UInt8] = []
            putU16(UInt16(request.count), to: &framed)
            try write(fd, framed + request)
            let length = try read(fd, 2, deadline: deadline)
            return try read(fd, Int(length[0]) << 8 | Int(length[1]), deadline: deadline)
        }
        return try exchangeDatagram(fd, request, deadline: deadline)
    }

    /// Connects within the deadline: a server whose packets are dropped would otherwise hold a
    /// TCP connect for the kernel's two minutes.
    private func connect(_ fd: Int32, to address: addrinfo, deadline: ContinuousClock.Instant) throws(DNSError) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        defer { _ = fcntl(fd, F_SETFL, flags) }
        var failure: Int32 = 0
        if Glibc.connect(fd, address.ai_addr, address.ai_addrlen) != 0 {
            failure = errno
            if failure == EINPROGRESS {
                var polled = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                let left = max(deadline - ContinuousClock.now, .zero)
                guard poll(&polled, 1, Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)) > 0 else {
                    throw .timeout("cannot reach the DNS server \(server) over TCP within \(timeout)")
                }
                var length = socklen_t(MemoryLayout<Int32>.size)
                failure = 0
                getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &length)
            }
        }
        guard failure == 0 else {
            throw .network("cannot reach the DNS server \(server) over \(tcp ? "TCP" : "UDP"): \(String(cString: strerror(failure)))")
        }
    }

    /// A datagram may be lost on the way there or back: it is sent again every
    /// `retransmitInterval` until the deadline. A datagram with another ID answers some other
    /// request (a late answer, a spoofing attempt) and is not this one's answer.
    private func exchangeDatagram(_ fd: Int32, _ request: [UInt8], deadline: ContinuousClock.Instant) throws(DNSError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65535)
        var resend = ContinuousClock.now
        while true {
            if ContinuousClock.now >= resend {
                try write(fd, request)
                resend = ContinuousClock.now + DNSClient.retransmitInterval
            }
            guard try readable(fd, until: min(deadline, resend)) else {
                if ContinuousClock.now >= deadline { throw .timeout("no answer from \(server) within \(timeout)") }
                continue
            }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { throw .network("no answer from \(server) over UDP: \(String(cString: strerror(errno)))") }
            if count >= 2, buffer[0] == request[0], buffer[1] == request[1] { return Array(buffer.prefix(count)) }
        }
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) throws(DNSError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .network("cannot send to \(server): \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    private func read(_ fd: Int32, _ count: Int, deadline: ContinuousClock.Instant) throws(DNSError) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        while bytes.count < count {
            try wait(fd, deadline: deadline)
            let got = recv(fd, &buffer, count - bytes.count, 0)
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { throw .malformed("\(server) closed the TCP connection after \(bytes.count) of \(count) bytes") }
            bytes += buffer.prefix(got)
        }
        return bytes
    }

    private func wait(_ fd: Int32, deadline: ContinuousClock.Instant) throws(DNSError) {
        guard try readable(fd, until: deadline) else { throw .timeout("no answer from \(server) within \(timeout)") }
    }

    /// Whether `fd` has something to read before `instant`.
    private func readable(_ fd: Int32, until instant: ContinuousClock.Instant) throws(DNSError) -> Bool {
        while true {
            let left = instant - ContinuousClock.now
            guard left > .zero else { return false }
            var polled = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000) + 1
            let ready = poll(&polled, 1, milliseconds)
            if ready < 0, errno == EINTR { continue }
            if ready > 0 { return true }
            if ready == 0 { continue }
            throw .network("waiting for \(server): \(String(cString: strerror(errno)))")
        }
    }
}
