import ContentAddressing
import Testing

@Suite struct Murmur3Tests {
    /// Published murmur3 x64 128 reference values (as in spaolacci/murmur3, which boxo's HAMT uses).
    static let references: [(seed: UInt32, h1: UInt64, h2: UInt64, text: String)] = [
        (0x00, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000, ""),
        (0x00, 0xcbd8_a7b3_41bd_9b02, 0x5b1e_906a_48ae_1d19, "hello"),
        (0x00, 0x342f_ac62_3a5e_bc8e, 0x4cdc_bc07_9642_414d, "hello, world"),
        (0x00, 0xb89e_5988_b737_affc, 0x664f_c295_0231_b2cb, "19 Jan 2038 at 3:14:07 AM"),
        (0x00, 0xcd99_481f_9ee9_02c9, 0x695d_a1a3_8987_b6e7, "The quick brown fox jumps over the lazy dog."),
        (0x01, 0x4610_abe5_6eff_5cb5, 0x5162_2daa_78f8_3583, ""),
        (0x01, 0xa78d_dff5_adae_8d10, 0x1289_00ef_2090_0135, "hello"),
        (0x01, 0x2a92_9de9_c8f9_7b2f, 0x56a4_1d99_af43_a2db, "19 Jan 2038 at 3:14:07 AM"),
        (0x2a, 0xf02a_a77d_fa1b_8523, 0xd101_6610_da11_cbb9, ""),
        (0x2a, 0x74f3_3c65_9cda_5af7, 0x4ec7_a891_caf3_16f0, "The quick brown fox jumps over the lazy dog."),
    ]

    @Test func matchesReferenceValues() {
        for r in Murmur3Tests.references {
            let (h1, h2) = Murmur3.x64_128(r.text.utf8, seed: r.seed)
            #expect(h1 == r.h1, "h1 of '\(r.text)' seed \(r.seed)")
            #expect(h2 == r.h2, "h2 of '\(r.text)' seed \(r.seed)")
        }
    }

    @Test func everyTailLengthDiffers() {
        // Inputs of 0...32 bytes exercise each tail length of both 8-byte lanes.
        let bytes = (0..<33).map { UInt8($0 * 7 + 1) }
        let digests = (0...32).map { Murmur3.x64_128(bytes.prefix($0)).0 }
        #expect(Set(digests).count == 33)
    }

    @Test func hamtDigestIsFirstHalfBigEndian() {
        #expect(Murmur3.hamtDigest("hello".utf8) == [0xcb, 0xd8, 0xa7, 0xb3, 0x41, 0xbd, 0x9b, 0x02])
    }
}
