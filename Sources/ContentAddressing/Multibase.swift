/// The two multibase encodings CIDs are printed in: base32 lower (`b…`) and base58btc (`z…`, bare for CIDv0).
public enum Multibase {
    private static let base32Alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
    private static let base58Alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let base32Table: [Int8] = table(for: base32Alphabet, caseInsensitive: true)
    private static let base58Table: [Int8] = table(for: base58Alphabet, caseInsensitive: false)

    private static func table(for alphabet: [UInt8], caseInsensitive: Bool) -> [Int8] {
        var t = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() {
            t[Int(c)] = Int8(i)
            if caseInsensitive, c >= UInt8(ascii: "a"), c <= UInt8(ascii: "z") { t[Int(c - 32)] = Int8(i) }
        }
        return t
    }

    /// RFC 4648 base32, lower case, no padding.
    public static func base32(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 8 + 4) / 5)
        var buffer: UInt32 = 0
        var bits = 0
        for b in bytes {
            buffer = (buffer << 8) | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(base32Alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 { out.append(base32Alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes unpadded RFC 4648 base32 (either case); nil on a character outside the alphabet.
    public static func decodeBase32(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v = base32Table[Int(c)]
            guard v >= 0 else { return nil }
            buffer = (buffer << 5) | UInt32(v)
            bits += 5
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero padding, fewer than one byte's worth.
        guard bits < 5, buffer & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }

    /// Bitcoin's base58.
    public static func base58(_ bytes: [UInt8]) -> String {
        let zeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []  // little-endian base-58 digits
        for b in bytes[zeros...] {
            var carry = Int(b)
            for i in digits.indices {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        var out = [UInt8](repeating: base58Alphabet[0], count: zeros)
        for d in digits.reversed() { out.append(base58Alphabet[Int(d)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes base58btc; nil on a character outside the alphabet.
    public static func decodeBase58(_ text: Substring) -> [UInt8]? {
        let chars = Array(text.utf8)
        let zeros = chars.prefix { $0 == base58Alphabet[0] }.count
        var bytes: [UInt8] = []  // little-endian base-256
        for c in chars[zeros...] {
            let v = base58Table[Int(c)]
            guard v >= 0 else { return nil }
            var carry = Int(v)
            for i in bytes.indices {
                carry += Int(bytes[i]) * 58
                bytes[i] = UInt8(carry & 0xff)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xff))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: zeros) + bytes.reversed()
    }
}
