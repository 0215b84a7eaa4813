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
}
