/// Percent-decoding and -encoding of URL path segments and query values.
enum PercentEncoding {
    /// Decodes `%XX` escapes (and `+` as a space when `plusIsSpace`); nil for a broken escape or bytes that are not UTF-8.
    static func decode(_ text: Substring, plusIsSpace: Bool = false) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case UInt8(ascii: "%"):
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            case UInt8(ascii: "+") where plusIsSpace:
                bytes.append(UInt8(ascii: " "))
            default:
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Escapes everything but RFC 3986 unreserved characters and the sub-delimiters a path segment may hold.
    static func encodeSegment(_ segment: String) -> String {
        encode(segment) { allowedInSegment[Int($0)] }
    }

    /// Escapes everything but unreserved characters (for a value inside a query string).
    static func encodeQueryValue(_ value: String) -> String {
        encode(value) { isUnreserved($0) }
    }

    private static func encode(_ text: String, keeping keep: (UInt8) -> Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keep(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || "-._~".utf8.contains(b)
    }

    // `%` is escaped so a name holding "%2C" comes back as itself; `?` and `#` would end the path.
    private static let allowedInSegment: [Bool] = (0..<256).map { b in
        let byte = UInt8(b)
        return isUnreserved(byte) || "!$&'()*+,;=:@".utf8.contains(byte)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}
