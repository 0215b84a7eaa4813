/// The byte ranges of a Markdown body that are code (fenced blocks and inline code spans):
/// shortcodes and links there are text, in blogctl as in the old site, and are left alone.
struct CodeRegions: Sendable {
    private var ranges: [Range<Int>] = []

    init(_ body: String) {
        let bytes = Array(body.utf8)
        var offset = 0
        var fence: (char: UInt8, count: Int)?
        var fenceStart = 0
        // Fenced blocks, line by line.
        while offset < bytes.count {
            let end = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var start = offset
            var indent = 0
            while start < end, bytes[start] == UInt8(ascii: " "), indent < 3 { start += 1; indent += 1 }
            var run = 0
            let char = start < end ? bytes[start] : 0
            if char == UInt8(ascii: "`") || char == UInt8(ascii: "~") {
                while start + run < end, bytes[start + run] == char { run += 1 }
            }
            if let open = fence {
                if char == open.char, run >= open.count {
                    ranges.append(fenceStart..<end)
                    fence = nil
                }
            } else if run >= 3 {
                fence = (char, run)
                fenceStart = offset
            }
            offset = end + 1
        }
        if fence != nil { ranges.append(fenceStart..<bytes.count) }
        // Inline code spans outside blocks: a run of backticks closed by a run of the same length.
        var index = 0
        while index < bytes.count {
            if contains(index) { index += 1; continue }
            guard bytes[index] == UInt8(ascii: "`") else { index += 1; continue }
            var run = 0
            while index + run < bytes.count, bytes[index + run] == UInt8(ascii: "`") { run += 1 }
            var search = index + run
            var closed: Int?
            while search < bytes.count {
                if bytes[search] == UInt8(ascii: "`") {
                    var other = 0
                    while search + other < bytes.count, bytes[search + other] == UInt8(ascii: "`") { other += 1 }
                    if other == run { closed = search + other; break }
                    search += other
                } else {
                    search += 1
                }
            }
            if let closed {
                ranges.append(index..<closed)
                index = closed
            } else {
                index += run
            }
        }
    }

    /// Whether the byte at `offset` is inside code.
    func contains(_ offset: Int) -> Bool {
        ranges.contains { $0.contains(offset) }
    }
}
