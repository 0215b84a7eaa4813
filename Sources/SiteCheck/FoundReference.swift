/// A reference as found in a file, before resolution.
struct FoundReference: Sendable {
    /// The reference with HTML entities decoded.
    let value: [UInt8]
    /// Byte offset in the file, for ordering.
    let offset: Int
    /// 1-based line number.
    let line: Int
}

/// What scanning one HTML or CSS file yields.
struct ScannedFile: Sendable {
    var references: [FoundReference] = []
    /// Fragment targets the page defines: every `id` and every `<a name>`.
    var anchors: Set<PathKey> = []
}

/// Turns increasing byte offsets into line numbers in one forward pass.
struct LineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var line = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func line(at offset: Int) -> Int {
        let target = min(offset, bytes.count)
        if target > position {
            var newlines = 0
            for i in position..<target where bytes[i] == 0x0A { newlines += 1 }
            line += newlines
            position = target
        }
        return line
    }
}
