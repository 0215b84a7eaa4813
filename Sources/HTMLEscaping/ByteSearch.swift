import Glibc

/// Finding a byte string in HTML or Markdown: memchr for its first byte, then memcmp. The
/// standard library's `firstRange(of:)` on bytes is generic and many times slower, which shows
/// when every page of a 10,000-post site is searched.
public enum ByteSearch {
    /// Where `needle` first occurs in `haystack` at or after `from`.
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first else { return nil }
        var position = from
        while position + needle.count <= haystack.count,
              let hit = memchr(base + position, Int32(first), haystack.count - position - needle.count + 1) {
            let index = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
            if needle.withUnsafeBytes({ memcmp(base + index, $0.baseAddress!, needle.count) }) == 0 { return index }
            position = index + 1
        }
        return nil
    }

    /// Whether `text`'s UTF-8 holds `needle`.
    public static func contains(_ needle: [UInt8], in text: String) -> Bool {
        var text = text
        return text.withUTF8 { firstIndex(of: needle, in: $0) != nil }
    }

    /// Whether `bytes` hold `needle`.
    public static func contains(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { firstIndex(of: needle, in: $0) != nil }
    }

    /// `text` with every `needle` replaced by `replacement`, left to right (the standard
    /// library's generic `replacing(_:with:)` walks Characters and is many times slower).
    public static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let needle = Array(needle.utf8)
        var text = text
        return text.withUTF8 { bytes -> String in
            guard var hit = firstIndex(of: needle, in: bytes) else { return String(decoding: bytes, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            var copied = 0
            while true {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<hit]))
                out.append(contentsOf: replacement.utf8)
                copied = hit + needle.count
                guard let next = firstIndex(of: needle, in: bytes, from: copied) else { break }
                hit = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
