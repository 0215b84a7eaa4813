import CLibCrypto
import Foundation

/// A TSIG key (RFC 8945): its name, HMAC algorithm and secret, as BIND's and Knot's key files
/// give them (the secret in base64). The secret never prints.
public struct TSIGKey: Sendable, CustomStringConvertible {
    public enum Algorithm: String, Sendable, CaseIterable {
        case hmacSHA256 = "hmac-sha256"
        case hmacSHA512 = "hmac-sha512"

        var name: DNSName { DNSName(rawValue)! }
    }

    public let name: DNSName
    public let algorithm: Algorithm
    private let secret: [UInt8]

    /// A key named `name` whose secret is `base64`; nil when the secret is not base64.
    public init?(name: DNSName, algorithm: Algorithm, base64: String) {
        guard let secret = Data(base64Encoded: base64.trimmingCharacters(in: .whitespacesAndNewlines)), !secret.isEmpty else { return nil }
        self.name = name
        self.algorithm = algorithm
        self.secret = Array(secret)
    }

    public var description: String { "TSIG key \(name) (\(algorithm.rawValue))" }

    /// HMAC of `message` with the secret.
    func mac(_ message: [UInt8]) -> [UInt8] {
        let digest = algorithm == .hmacSHA256 ? EVP_sha256() : EVP_sha512()
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        secret.withUnsafeBufferPointer { key in
            message.withUnsafeBufferPointer { data in
                _ = HMAC(digest, key.baseAddress, Int32(key.count), data.baseAddress, data.count, &out, &length)
            }
        }
        return Array(out.prefix(Int(length)))
    }
}
