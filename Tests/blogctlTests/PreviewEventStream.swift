import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `GET /.blogctl/events` of a running `blogctl serve`, read over a plain socket on its own
/// thread: the server-sent events in the order they came.
final class PreviewEventStream: Sendable {
    struct Event: Sendable, Equatable, CustomStringConvertible {
        let name: String
        let fields: [String: String]
        var description: String { "\(name) \(fields)" }
    }

    private let fd: Int32
    private let events = Mutex<[Event]>([])
    private let taken = Mutex(0)
    private let ended = Mutex(false)

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
        }
        let request = Array("GET /.blogctl/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        let thread = Thread { [self] in
            readEvents()
            ended.withLock { $0 = true }
        }
        thread.start()
    }

    deinit { close(fd) }

    /// Ends the connection (the reading thread sees its end).
    func disconnect() { shutdown(fd, Int32(SHUT_RDWR)) }

    /// Whether the server ended the stream.
    var hasEnded: Bool { ended.withLock { $0 } }

    /// The next event not taken yet; nil when none came within `timeout` (only to avoid a hang).
    func next(timeout: Duration = .seconds(60)) async throws -> Event? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let index = taken.withLock { $0 }
            if let event = events.withLock({ $0.count > index ? $0[index] : nil }) {
                taken.withLock { $0 += 1 }
                return event
            }
            if hasEnded { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Reads the response head, then the chunked body, splitting it into events, until the server or `disconnect` ends it.
    private func readEvents() {
        var received: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        func receive() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return false }
            received += chunk[..<n]
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            guard receive() else { return }
            headEnd = Self.find([13, 10, 13, 10], in: received).map { $0 + 4 }
        }
        let head = String(decoding: received[..<headEnd!], as: UTF8.self).lowercased()
        guard head.hasPrefix("http/1.1 200"), head.contains("content-type: text/event-stream") else { return }
        let chunked = head.contains("transfer-encoding: chunked")
        received.removeFirst(headEnd!)
        var body: [UInt8] = []
        while true {
            if chunked {
                while let lineEnd = Self.find([13, 10], in: received),
                      let size = Int(String(decoding: received[..<lineEnd], as: UTF8.self), radix: 16),
                      received.count >= lineEnd + 2 + size + 2
                {
                    if size == 0 { return }
                    body += received[(lineEnd + 2)..<(lineEnd + 2 + size)]
                    received.removeFirst(lineEnd + 2 + size + 2)
                }
            } else {
                body += received
                received = []
            }
            while let end = Self.find([10, 10], in: body) {
                let text = String(decoding: body[..<end], as: UTF8.self)
                body.removeFirst(end + 2)
                if let event = Self.parse(text) { events.withLock { $0.append(event) } }
            }
            guard receive() else { return }
        }
    }

    /// An event; its data as `["unparsed": data]` when it is not a JSON object of strings.
    private static func parse(_ text: String) -> Event? {
        var name = "message", data = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data += line.dropFirst(6) }
        }
        guard !data.isEmpty else { return nil }
        let object = (try? JSONSerialization.jsonObject(with: Data(data.utf8))) as? [String: String]
        return Event(name: name, fields: object ?? ["unparsed": data])
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
