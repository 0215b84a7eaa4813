/// Bounds-checked big- and little-endian reads: headers come from files that may be cut short.
extension ArraySlice<UInt8> {
    /// `count` bytes from `offset` (relative to the start), or nil past the end.
    func bytes(at offset: Int, _ count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset <= self.count - count else { return nil }
        return self[(startIndex + offset)..<(startIndex + offset + count)]
    }

    func uint16BE(at offset: Int) -> Int? { bytes(at: offset, 2).map { Int($0.first!) << 8 | Int($0.last!) } }
    func uint16LE(at offset: Int) -> Int? { bytes(at: offset, 2).map { Int($0.last!) << 8 | Int($0.first!) } }
    func uint24LE(at offset: Int) -> Int? { bytes(at: offset, 3).map { $0.reversed().reduce(0) { $0 << 8 | Int($1) } } }
    func uint32BE(at offset: Int) -> Int? { bytes(at: offset, 4).map { $0.reduce(0) { $0 << 8 | Int($1) } } }

    /// Whether the bytes at `offset` are `ascii`'s.
    func matches(_ ascii: String, at offset: Int) -> Bool {
        bytes(at: offset, ascii.utf8.count).map { $0.elementsEqual(ascii.utf8) } ?? false
    }
}
