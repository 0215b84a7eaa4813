import HTMLEscaping
import Testing

/// The memchr search against the standard library's on random byte strings with many near misses.
@Suite struct ByteSearchTests {
    @Test func agreesWithFirstRangeOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            // A small alphabet makes partial matches (first byte equal, rest not) common.
            let haystack = (0..<Int.random(in: 0...64, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let needle = (0..<Int.random(in: 1...4, using: &generator)).map { _ in UInt8.random(in: 97...99, using: &generator) }
            let from = Int.random(in: 0...max(0, haystack.count), using: &generator)
            let expected = haystack[from...].firstRange(of: needle)?.lowerBound
            let found = haystack.withUnsafeBufferPointer { ByteSearch.firstIndex(of: needle, in: $0, from: from) }
            #expect(found == expected, "needle \(needle) in \(haystack) from \(from)")
            #expect(ByteSearch.contains(needle, in: haystack) == (haystack.firstRange(of: needle) != nil))
        }
    }

    @Test func edgesOfTheHaystack() {
        let text = "<img src=a><IMG"
        #expect(ByteSearch.contains(Array("<IMG".utf8), in: text))
        #expect(ByteSearch.contains(Array("<img".utf8), in: text))
        #expect(!ByteSearch.contains(Array("<IMGX".utf8), in: text))
        #expect(!ByteSearch.contains([], in: text))
        #expect(!ByteSearch.contains(Array("a".utf8), in: ""))
        let bytes = Array(text.utf8)
        #expect(bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array("<".utf8), in: $0, from: 1) } == 11)
        #expect(bytes.withUnsafeBufferPointer { ByteSearch.firstIndex(of: Array("<".utf8), in: $0, from: 12) } == nil)
    }

    @Test func replacingAgreesWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["{n}", "{", "n", "}", "é", "\r\n", "\r", "\n", "ab", "🚀"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            for (needle, replacement) in [("{n}", "42"), ("\r\n", "\n"), ("ab", ""), ("\"/x.md\"", "\"/posts/x/\"")] {
                #expect(ByteSearch.replacing(needle, with: replacement, in: text) == text.replacing(needle, with: replacement), "\(text.debugDescription)")
            }
        }
    }
}
