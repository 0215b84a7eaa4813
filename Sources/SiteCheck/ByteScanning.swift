import Glibc

/// Small byte-level helpers shared by the HTML and CSS scanners.
enum Bytes {
    static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), equals = UInt8(ascii: "=")
    static let hash = UInt8(ascii: "#"), question = UInt8(ascii: "?"), colon = UInt8(ascii: ":")
    static let percent = UInt8(ascii: "%"), ampersand = UInt8(ascii: "&"), comma = UInt8(ascii: ",")
    static let dot = UInt8(ascii: "."), semicolon = UInt8(ascii: ";")

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D
    }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b | 0x20 : b }

    /// Index of the first `byte` in `s[from..<end]`, using memchr.
    static func find(_ byte: UInt8, in s: UnsafeBufferPointer<UInt8>, from: Int, end: Int? = nil) -> Int? {
        let end = end ?? s.count
        guard from < end, let base = s.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), end - from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// Index of the first occurrence of `needle` (ASCII, matched case-insensitively) at or after `from`.
    static func find(caseInsensitive needle: [UInt8], in s: UnsafeBufferPointer<UInt8>, from: Int, end: Int? = nil) -> Int? {
        let end = end ?? s.count
        guard let first = needle.first else { return from }
        var i = from
        while i + needle.count <= end {
            if lower(s[i]) == first, matches(caseInsensitive: needle, in: s, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func matches(caseInsensitive needle: [UInt8], in s: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= s.count else { return false }
        for k in 0..<needle.count where lower(s[i + k]) != needle[k] { return false }
        return true
    }

    static func trimmed(_ v: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var v = v
        while let f = v.first, isSpace(f) { v = v.dropFirst() }
        while let l = v.last, isSpace(l) { v = v.dropLast() }
        return v
    }

    /// `%XX` sequences decoded to bytes; malformed ones are kept as written.
    static func percentDecoded(_ v: ArraySlice<UInt8>) -> [UInt8] {
        guard v.contains(percent) else { return Array(v) }
        var out: [UInt8] = []
        out.reserveCapacity(v.count)
        var i = v.startIndex
        while i < v.endIndex {
            if v[i] == percent, i + 2 < v.endIndex, let h = hexValue(v[i + 1]), let l = hexValue(v[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(v[i])
                i += 1
            }
        }
        return out
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}
