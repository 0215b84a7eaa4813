/// The byte forms of the search index's JSON files, written by hand so that the same index is
/// always the same bytes (no dictionary order, no float formatting, no escaping choices).
enum SearchEncoding {
    /// Base64 digits of `postings`: 5 bits of a number each, the 6th bit set on all but a number's last.
    private static let digits = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// A sorted list of document numbers as the gaps between them (the first from -1, less one),
    /// each a little-endian run of base64 digits: a term in every post costs one byte a post.
    static func postings(_ ids: [Int32], into out: inout [UInt8]) {
        var previous: Int32 = -1
        for id in ids {
            var gap = UInt32(id - previous - 1)
            previous = id
            repeat {
                var digit = gap & 31
                gap >>= 5
                if gap > 0 { digit |= 32 }
                out.append(digits[Int(digit)])
            } while gap > 0
        }
    }

    /// `text` as a JSON string, quotes included; only `"`, `\` and control characters escaped.
    static func string(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += Array("\\u00".utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
