/// Counts words across the text nodes of a document, byte by byte.
///
/// A word is a run of non-whitespace bytes holding at least one ASCII letter or digit or a
/// non-ASCII character outside U+2000–U+2FFF (so a lone smart dash or ellipsis is no word).
/// The run state carries across inline nodes (`foo**bar**` is one word) and is reset at
/// block boundaries and line breaks.
struct WordCounter {
    private(set) var count = 0
    private var inCountedRun = false

    mutating func breakRun() { inCountedRun = false }

    mutating func add(_ text: UnsafePointer<CChar>) {
        var p = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        var counted = inCountedRun
        var total = count
        while true {
            let b = p.pointee
            if b == 0 { break }
            if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                counted = false
            } else if !counted && Self.isWordByte(b) {
                counted = true
                total += 1
            }
            p += 1
        }
        count = total
        inCountedRun = counted
    }

    // Only lead bytes decide for non-ASCII: 0xE2 leads U+2000–U+2FFF (punctuation, symbols).
    @inline(__always)
    private static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || (b >= 0xC0 && b != 0xE2)
    }
}
