/// A domain name as DNS messages carry it: labels of at most 63 bytes, 255 bytes in all.
/// Compared without regard to ASCII case, as DNS compares names.
public struct DNSName: Sendable, Hashable, CustomStringConvertible {
    /// The labels, leftmost first, without the root's empty label.
    public let labels: [[UInt8]]

    /// Parses `text` (`_dnslink.example.com`, a trailing dot allowed); nil for a name DNS cannot carry.
    public init?(_ text: String) {
        var trimmed = Substring(text)
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        if trimmed.isEmpty {
            self.init(labels: [])
            return
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 63 }) else { return nil }
        self.init(labels: parts)
        guard wireLength <= 255 else { return nil }
    }

    public init(labels: [[UInt8]]) { self.labels = labels }

    /// The root name.
    public static let root = DNSName(labels: [])

    public var description: String { labels.isEmpty ? "." : labels.map { String(decoding: $0, as: UTF8.self) }.joined(separator: ".") }

    /// Its length on the wire, uncompressed.
    var wireLength: Int { labels.reduce(1) { $0 + 1 + $1.count } }

    /// Its wire form, uncompressed (TSIG's MAC covers names this way, in lower case).
    func wire(lowercased: Bool = false) -> [UInt8] {
        var bytes: [UInt8] = []
        for label in labels {
            bytes.append(UInt8(label.count))
            bytes += lowercased ? label.map(Self.lower) : label
        }
        bytes.append(0)
        return bytes
    }

    /// The name with `label` in front.
    public func prepending(_ label: String) -> DNSName { DNSName(labels: [Array(label.utf8)] + labels) }

    /// Whether this name is `zone` or below it.
    public func isWithin(_ zone: DNSName) -> Bool {
        guard labels.count >= zone.labels.count else { return false }
        return DNSName(labels: Array(labels.suffix(zone.labels.count))) == zone
    }

    public static func == (a: DNSName, b: DNSName) -> Bool {
        a.labels.count == b.labels.count && zip(a.labels, b.labels).allSatisfy { $0.map(lower) == $1.map(lower) }
    }

    public func hash(into hasher: inout Hasher) {
        for label in labels { hasher.combine(label.map(Self.lower)) }
    }

    static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
