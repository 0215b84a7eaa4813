import Foundation

extension String {
    /// Whether this string's UTF-8 is exactly `bytes`. After `String(decoding:)`, which repairs
    /// invalid UTF-8 and so changes the bytes, it says whether they were valid: faster than
    /// `String(validating:)`, which looks up generic metadata on every call.
    func hasUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var text = self
        return text.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
    }
}
