/// Decodes the character references that matter in attribute values holding URLs.
enum HTMLEntities {
    private static let named: [[UInt8]: [UInt8]] = [
        Array("amp".utf8): [0x26], Array("lt".utf8): [0x3C], Array("gt".utf8): [0x3E],
        Array("quot".utf8): [0x22], Array("apos".utf8): [0x27], Array("nbsp".utf8): [0xC2, 0xA0],
    ]

    /// The value with `&amp;`-style named and `&#…;` numeric references decoded; others kept.
    static func decode(_ s: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        guard let first = Bytes.find(Bytes.ampersand, in: s, from: range.lowerBound, end: range.upperBound) else {
            return Array(s[range])
        }
        var out = Array(s[range.lowerBound..<first])
        var i = first
        while i < range.upperBound {
            let b = s[i]
            if b == Bytes.ampersand,
               let semi = Bytes.find(Bytes.semicolon, in: s, from: i + 1, end: min(range.upperBound, i + 12)),
               let decoded = decodeReference(Array(s[(i + 1)..<semi])) {
                out.append(contentsOf: decoded)
                i = semi + 1
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    private static func decodeReference(_ body: [UInt8]) -> [UInt8]? {
        if body.first == Bytes.hash {
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x | 0x20 == UInt8(ascii: "x") {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty else { return nil }
            var value: UInt32 = 0
            for d in digits {
                guard let v = radix == 16 ? Bytes.hexValue(d) : (Bytes.isDigit(d) ? d - 0x30 : nil) else { return nil }
                value = value &* radix &+ UInt32(v)
                if value > 0x10FFFF { return nil }
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return Array(String(Character(scalar)).utf8)
        }
        return named[body]
    }
}
