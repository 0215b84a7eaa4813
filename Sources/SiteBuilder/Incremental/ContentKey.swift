import ContentAddressing
import Foundation

/// The SHA-256 of everything some output depends on. Equal keys mean equal output, in this
/// build, a later one or another process (the build caches on disk compare them).
struct ContentKey: Sendable, Hashable {
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// The key from a 32-byte SHA-256 digest.
    init(digest: [UInt8]) {
        precondition(digest.count == 32, "a content key is a SHA-256 digest")
        words = digest.withUnsafeBytes {
            ($0.loadUnaligned(fromByteOffset: 0, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                $0.loadUnaligned(fromByteOffset: 16, as: UInt64.self), $0.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
        }
    }

    /// The key of `parts`, each length-prefixed so that no two lists of parts share an encoding.
    init(_ domain: String, _ parts: [String], keys: [ContentKey] = []) {
        var hasher = SHA256.Hasher()
        func add(_ text: String, to hasher: inout SHA256.Hasher) {
            var text = text
            text.withUTF8 { utf8 in
                hasher.update(Int64(utf8.count))
                hasher.update(UnsafeRawBufferPointer(utf8))
            }
        }
        add(domain, to: &hasher)
        hasher.update(Int64(parts.count))
        for part in parts { add(part, to: &hasher) }
        hasher.update(Int64(keys.count))
        for key in keys { withUnsafeBytes(of: key.words) { hasher.update($0) } }
        self.init(digest: hasher.finish())
    }

    /// The key of a set of named files (a template set): names in byte order, each with its bytes.
    init(_ domain: String, files: [String: Data]) {
        var material = CacheBytesWriter()
        material.string(domain)
        material.int(files.count)
        var bytes = material.bytes
        for name in files.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            var entry = CacheBytesWriter()
            entry.string(name)
            entry.int(files[name]!.count)
            bytes += entry.bytes
            bytes += files[name]!
        }
        self.init(digest: SHA256.digest(bytes))
    }

    /// Appends the 32 digest bytes to `output`.
    func append(to output: inout [UInt8]) {
        withUnsafeBytes(of: words) { output.append(contentsOf: $0) }
    }

    /// The 32 digest bytes.
    var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0) }
    }

    static func == (a: ContentKey, b: ContentKey) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}

extension ContentKey: Encodable {
    /// Its 32 bytes (`KeyEncoder` writes them whole).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for byte in bytes { try container.encode(byte) }
    }
}
