import Foundation

/// Splits text into search terms, the same way `Templates/static/js/search.js` splits a query:
/// runs of letters and digits, with diacritics removed (NFD, marks dropped) and lower-cased by
/// Unicode's own mapping, so the result depends on no locale. A term is at least two characters
/// long (one for a non-ASCII letter, a CJK character is a word) and at most `maxLength`.
enum SearchTokenizer {
    /// Longer runs (hashes, base64) are left out: nobody types them, and they only grow the index.
    static let maxLength = 40

    /// The terms of plain `text`, in order, repeats kept.
    static func terms(of text: String) -> [String] {
        var out: [String] = []
        terms(of: text, into: &out)
        return out
    }

    /// The terms of plain `text`, in order, given to `out`.
    static func terms<Sink: SearchTermSink>(of text: String, into out: inout Sink) {
        var state = State()
        for scalar in text.unicodeScalars { state.add(scalar, into: &out) }
        state.finish(into: &out)
    }

    /// The terms of the text of an HTML fragment: tags and the content of `<script>` and `<style>`
    /// left out, every entity a word break (the body's HTML escapes only `<>&"'`, none of them letters).
    static func terms(ofHTML html: String) -> [String] {
        var out: [String] = []
        terms(ofHTML: html, into: &out)
        return out
    }

    /// `terms(ofHTML:)` given to `out`, in order.
    static func terms<Sink: SearchTermSink>(ofHTML html: String, into out: inout Sink) {
        var html = html
        html.withUTF8 { terms(ofHTML: $0, into: &out) }
    }

    /// `terms(ofHTML:)` on the UTF-8 bytes: a post's HTML is mostly ASCII, taken byte by byte.
    private static func terms<Sink: SearchTermSink>(ofHTML bytes: UnsafeBufferPointer<UInt8>, into out: inout Sink) {
        var state = State()
        let count = bytes.count
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                state.finish(into: &out)
                let skipped = isTag(bytes, at: index + 1, named: script) ? script : isTag(bytes, at: index + 1, named: style) ? style : nil
                guard let close = (index..<count).first(where: { bytes[$0] == UInt8(ascii: ">") }) else { break }
                index = close + 1
                // Raw HTML may embed code or styles that are not the post's text.
                if let skipped {
                    while index < count,
                        !(bytes[index] == UInt8(ascii: "<") && index + 1 < count && bytes[index + 1] == UInt8(ascii: "/")
                            && isTag(bytes, at: index + 2, named: skipped))
                    {
                        index += 1
                    }
                }
                continue
            }
            if byte == UInt8(ascii: "&") {
                state.finish(into: &out)
                // The entity up to its `;` (a stray `&` is just a break).
                var probe = index + 1
                while probe < count, probe - index < 12, bytes[probe] != UInt8(ascii: ";"), bytes[probe] != UInt8(ascii: "<") { probe += 1 }
                index = probe < count && bytes[probe] == UInt8(ascii: ";") ? probe + 1 : index + 1
                continue
            }
            if byte < 0x80 {
                guard isWordByte(byte), state.isEmpty else {
                    state.add(ascii: byte, into: &out)
                    index += 1
                    continue
                }
                // A run of ASCII letters and digits, taken whole: most of a post's words.
                var end = index + 1
                var upper = isUpper(byte)
                while end < count, isWordByte(bytes[end]) {
                    upper = upper || isUpper(bytes[end])
                    end += 1
                }
                if end < count, bytes[end] >= 0x80 {
                    // The word goes on past ASCII (`café`): the slow path folds it.
                    while index < end {
                        state.add(ascii: bytes[index], into: &out)
                        index += 1
                    }
                    continue
                }
                let length = end - index
                if length >= 2, length <= maxLength {
                    if upper {
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { lower in
                            for offset in 0..<length { lower[offset] = lowercased(bytes[index + offset]) }
                            out.add(ascii: UnsafeBufferPointer(lower))
                        }
                    } else {
                        out.add(ascii: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    }
                }
                index = end
                continue
            }
            // A multi-byte scalar: its length from the lead byte (the String's bytes are valid UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(index + length, count)
            var scalars = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self).unicodeScalars.makeIterator()
            if let scalar = scalars.next() { state.add(scalar, into: &out) }
            index = end
        }
        state.finish(into: &out)
    }

    /// An ASCII letter or digit.
    @inline(__always)
    fileprivate static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    private static func isUpper(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }

    /// An ASCII byte, lower-cased.
    @inline(__always)
    fileprivate static func lowercased(_ byte: UInt8) -> UInt8 { isUpper(byte) ? byte | 0x20 : byte }

    private static let script = Array("script".utf8)
    private static let style = Array("style".utf8)

    /// Whether the tag name starting at `start` (just after `<` or `</`) is `name` (lower case), in any case.
    private static func isTag(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, named name: [UInt8]) -> Bool {
        guard start + name.count <= bytes.count else { return false }
        for (offset, letter) in name.enumerated() where bytes[start + offset] | 0x20 != letter { return false }
        guard start + name.count < bytes.count else { return true }
        let next = bytes[start + name.count] | 0x20
        return !(next >= 0x61 && next <= 0x7A)
    }

    /// The term being built and whether it holds anything but ASCII.
    private struct State {
        var term: [UInt8] = []
        var folded = String.UnicodeScalarView()
        var ascii = true

        /// Whether no term has begun.
        var isEmpty: Bool { ascii && term.isEmpty }

        /// The fast path, nearly every character of an English post.
        @inline(__always)
        mutating func add<Sink: SearchTermSink>(ascii byte: UInt8, into out: inout Sink) {
            if SearchTokenizer.isWordByte(byte) {
                append(SearchTokenizer.lowercased(byte))
            } else {
                finish(into: &out)
            }
        }

        mutating func add<Sink: SearchTermSink>(_ scalar: Unicode.Scalar, into out: inout Sink) {
            if scalar.isASCII {
                add(ascii: UInt8(scalar.value), into: &out)
                return
            }
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    continue  // a diacritic: `é` is `e`
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber:
                    for lower in part.properties.lowercaseMapping.unicodeScalars {
                        // A final sigma is a sigma (a query typed mid-word has no final form).
                        appendScalar(lower == "\u{3C2}" ? "\u{3C3}" : lower)
                    }
                default:
                    finish(into: &out)
                }
            }
        }

        private mutating func append(_ byte: UInt8) {
            if ascii { term.append(byte) } else { folded.append(Unicode.Scalar(byte)) }
        }

        private mutating func appendScalar(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                append(UInt8(scalar.value))
                return
            }
            if ascii {
                ascii = false
                folded = String.UnicodeScalarView(term.map { Unicode.Scalar($0) })
                term.removeAll(keepingCapacity: true)
            }
            folded.append(scalar)
        }

        mutating func finish<Sink: SearchTermSink>(into out: inout Sink) {
            if ascii {
                if term.count >= 2, term.count <= SearchTokenizer.maxLength { term.withUnsafeBufferPointer { out.add(ascii: $0) } }
                term.removeAll(keepingCapacity: true)
            } else {
                if folded.count <= SearchTokenizer.maxLength { out.add(String(folded)) }
                folded = String.UnicodeScalarView()
                ascii = true
            }
        }
    }
}

/// Where the tokenizer puts the terms it finds.
protocol SearchTermSink {
    /// A term of lower-case ASCII letters and digits, as bytes.
    mutating func add(ascii term: UnsafeBufferPointer<UInt8>)
    mutating func add(_ term: String)
}

extension Array: SearchTermSink where Element == String {
    mutating func add(ascii term: UnsafeBufferPointer<UInt8>) { append(String(decoding: term, as: UTF8.self)) }
    mutating func add(_ term: String) { append(term) }
}

/// Distinct terms in the order they first came, kept as bytes in one buffer and found again by
/// an FNV-1a hash: a post repeats most of its words, and making a String of each repeat, then
/// hashing and sorting them, was most of the index's build time. The index's postings are
/// gathered through one too, by term number.
struct UniqueSearchTerms: SearchTermSink {
    private var bytes: [UInt8] = []
    /// Entries' (start, count) in `bytes`.
    private var entries: [(start: Int, count: Int)] = []
    /// Open addressing: an index into `entries`, or -1.
    private var slots = [Int32](repeating: -1, count: 512)

    /// How many distinct terms came so far.
    var count: Int { entries.count }

    mutating func add(_ term: String) {
        var term = term
        term.withUTF8 { _ = number(of: $0) }
    }

    mutating func add(ascii term: UnsafeBufferPointer<UInt8>) {
        _ = number(of: term)
    }

    /// The number of the term with UTF-8 `term`, added when new (numbers count up from 0).
    mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
        let mask = slots.count - 1
        var slot = Self.hash(term) & mask
        // Probed through plain pointers: this runs for every word of every post.
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                bytes.withUnsafeBufferPointer { bytes in
                    while slots[slot] >= 0 {
                        let number = Int(slots[slot])
                        let entry = entries[number]
                        if entry.count == term.count, Self.equal(bytes.baseAddress.map { $0 + entry.start }, term) { return number }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return found }
        slots[slot] = Int32(entries.count)
        entries.append((bytes.count, term.count))
        bytes.append(contentsOf: term)
        if entries.count * 2 > slots.count { grow() }
        return entries.count - 1
    }

    /// Whether the `term.count` bytes at `stored` are `term`'s (terms are short: no call to memcmp).
    @inline(__always)
    private static func equal(_ stored: UnsafePointer<UInt8>?, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let stored, let base = term.baseAddress else { return term.isEmpty }
        for offset in 0..<term.count where stored[offset] != base[offset] { return false }
        return true
    }

    /// Term number `number`.
    func term(_ number: Int) -> String {
        let entry = entries[number]
        return String(decoding: bytes[entry.start..<entry.start + entry.count], as: UTF8.self)
    }

    /// The terms numbered `range`, a line each (`DocumentTerms`' form).
    func lines(_ range: Range<Int>) -> String {
        guard let first = range.first else { return "" }
        var text: [UInt8] = []
        text.reserveCapacity(entries[range.last!].start + entries[range.last!].count - entries[first].start)
        for number in range {
            if number > first { text.append(UInt8(ascii: "\n")) }
            text += bytes[entries[number].start..<entries[number].start + entries[number].count]
        }
        return String(decoding: text, as: UTF8.self)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        bytes.withUnsafeBufferPointer { bytes in
            for (number, entry) in entries.enumerated() {
                var slot = Self.hash(UnsafeBufferPointer(rebasing: bytes[entry.start..<entry.start + entry.count])) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(number)
            }
        }
    }

    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
