import CLibCrypto
import Foundation

/// SHA-256 through libcrypto, which uses the CPU's SHA extensions where it has them.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        out.withUnsafeMutableBufferPointer { o in
            _ = CLibCrypto.SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, o.baseAddress)
        }
        return out
    }

    /// The 32-byte digest of `bytes`.
    public static func digest<C: ContiguousBytes>(_ bytes: C) -> [UInt8] {
        bytes.withUnsafeBytes { digest($0) }
    }

    /// A digest computed from pieces, without gathering them into one buffer first.
    public struct Hasher: ~Copyable {
        private var context = SHA256_CTX()

        /// A digest with nothing added yet.
        public init() { SHA256_Init(&context) }

        /// Adds `bytes`.
        public mutating func update(_ bytes: UnsafeRawBufferPointer) {
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            SHA256_Update(&context, base, bytes.count)
        }

        /// Adds the little-endian bytes of `value`.
        public mutating func update(_ value: Int64) {
            withUnsafeBytes(of: value.littleEndian) { update($0) }
        }

        /// The 32-byte digest of everything added.
        public consuming func finish() -> [UInt8] {
            var out = [UInt8](repeating: 0, count: 32)
            out.withUnsafeMutableBufferPointer { _ = SHA256_Final($0.baseAddress, &context) }
            return out
        }
    }
}
