/// MurmurHash3 x64 128-bit, the hash UnixFS HAMT shards bucket names by.
public enum Murmur3 {
    /// The two 64-bit halves (h1, h2) of murmur3 x64 128 over `bytes`.
    public static func x64_128<Bytes: Sequence<UInt8>>(_ bytes: Bytes, seed: UInt32 = 0) -> (UInt64, UInt64) {
        let data = Array(bytes)
        return data.withUnsafeBytes { hash($0, seed: seed) }
    }

    /// The first 64-bit half as 8 big-endian bytes: the digest a HAMT reads its bucket indexes from.
    public static func hamtDigest<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        let h1 = x64_128(bytes).0
        return (0..<8).map { UInt8(truncatingIfNeeded: h1 >> (56 - 8 * $0)) }
    }

    private static let c1: UInt64 = 0x87c3_7b91_1142_53d5
    private static let c2: UInt64 = 0x4cf5_ad43_2745_937f

    private static func hash(_ p: UnsafeRawBufferPointer, seed: UInt32) -> (UInt64, UInt64) {
        let length = p.count
        var h1 = UInt64(seed), h2 = UInt64(seed)
        let blocks = length / 16
        for i in 0..<blocks {
            var k1 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i * 16, as: UInt64.self))
            var k2 = UInt64(littleEndian: p.loadUnaligned(fromByteOffset: i * 16 + 8, as: UInt64.self))
            k1 = (k1 &* c1).rotl(31) &* c2
            h1 ^= k1
            h1 = (h1.rotl(27) &+ h2) &* 5 &+ 0x52dc_e729
            k2 = (k2 &* c2).rotl(33) &* c1
            h2 ^= k2
            h2 = (h2.rotl(31) &+ h1) &* 5 &+ 0x3849_5ab5
        }
        let tail = blocks * 16
        var k1: UInt64 = 0, k2: UInt64 = 0
        let rest = length & 15
        if rest > 8 {
            for i in stride(from: rest - 1, through: 8, by: -1) { k2 = k2 << 8 | UInt64(p[tail + i]) }
            k2 = (k2 &* c2).rotl(33) &* c1
            h2 ^= k2
        }
        if rest > 0 {
            for i in stride(from: min(rest, 8) - 1, through: 0, by: -1) { k1 = k1 << 8 | UInt64(p[tail + i]) }
            k1 = (k1 &* c1).rotl(31) &* c2
            h1 ^= k1
        }
        h1 ^= UInt64(length)
        h2 ^= UInt64(length)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        h1 = fmix(h1)
        h2 = fmix(h2)
        h1 = h1 &+ h2
        h2 = h2 &+ h1
        return (h1, h2)
    }

    private static func fmix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k = k &* 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k = k &* 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }
}

extension UInt64 {
    fileprivate func rotl(_ r: UInt64) -> UInt64 { self << r | self >> (64 - r) }
}
