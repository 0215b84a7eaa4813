import Foundation
/// A self-describing hash: `varint(code) varint(length) digest`.
public struct Multihash: Hashable, Sendable {
    /// Multicodec code of the hash function (0x12 sha2-256, 0x00 identity).
    public let code: UInt64
    public let digest: [UInt8]

    public static let sha256Code: UInt64 = 0x12
    public static let identityCode: UInt64 = 0x00

    public init(code: UInt64, digest: [UInt8]) {
        self.code = code
        self.digest = digest
    }

    /// The sha2-256 multihash of `bytes`.
    public static func sha256<Bytes: ContiguousBytes>(of bytes: Bytes) -> Multihash {
        Multihash(code: sha256Code, digest: SHA256.digest(bytes))
    }

    /// The binary form.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(digest.count + 4)
        Varint.append(code, to: &out)
        Varint.append(UInt64(digest.count), to: &out)
        out.append(contentsOf: digest)
        return out
    }

    /// Whether `data` hashes to this multihash; false for hash functions we cannot compute.
    public func matches<Bytes: ContiguousBytes>(_ data: Bytes) -> Bool {
        switch code {
        case Multihash.sha256Code: SHA256.digest(data) == digest
        case Multihash.identityCode: data.withUnsafeBytes { Array($0) } == digest
        default: false
        }
    }

    /// Whether this is a hash function blogctl can verify.
    public var isVerifiable: Bool { code == Multihash.sha256Code || code == Multihash.identityCode }
}
