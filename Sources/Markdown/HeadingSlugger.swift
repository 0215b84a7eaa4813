/// Turns heading text into unique `id` values for one document.
///
/// Lowercase ASCII letters and digits are kept, as are Unicode letters, marks and numbers
/// (lowercased); every run of anything else becomes one `-`, trimmed from both ends. An empty
/// result becomes `section`; a repeated id gets `-1`, `-2`, … appended.
struct HeadingSlugger {
    private var used: Set<String> = []
    /// The last suffix tried per base id: every lower one is taken (`used` only grows), so a post
    /// repeating one heading thousands of times does not re-probe `-1`, `-2`, … each time.
    private var lastSuffix: [String: Int] = [:]
    /// cmark-gfm's footnote ids: `fn-<label>` on the note, `fnref-<label>` (then `fnref-<label>-2`, …) on its references.
    private let footnoteIDs: Set<String>
    /// The number of footnote references: the `<n>` of `fnref-<label>-<n>` never exceeds it.
    private let references: Int

    init(footnoteLabels: [String] = [], references: Int = 0) {
        footnoteIDs = Set(footnoteLabels.flatMap { ["fn-\($0)", "fnref-\($0)"] })
        self.references = references
    }

    private func isTaken(_ id: String) -> Bool {
        if used.contains(id) || footnoteIDs.contains(id) { return true }
        // `fnref-<label>-<n>`: the n-th reference to one note.
        guard id.hasPrefix("fnref-"), let dash = id.lastIndex(of: "-"), let n = Int(id[id.index(after: dash)...]),
              n >= 2, n <= references
        else { return false }
        return footnoteIDs.contains(String(id[..<dash]))
    }

    mutating func uniqueID(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var n = lastSuffix[base] ?? 0
        if n > 0 { candidate = "\(base)-\(n)" }
        while isTaken(candidate) {
            n += 1
            candidate = "\(base)-\(n)"
        }
        lastSuffix[base] = n
        used.insert(candidate)
        return candidate
    }

    static func slug(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingDash = false
        func emit(_ bytes: some Sequence<UInt8>) {
            if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(contentsOf: bytes)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    emit(CollectionOfOne(b))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    emit(CollectionOfOne(b + 32))
                default:
                    pendingDash = true
                }
            } else if isWordScalar(scalar) {
                emit(scalar.properties.lowercaseMapping.utf8)
            } else {
                pendingDash = true
            }
        }
        return out.isEmpty ? "section" : String(decoding: out, as: UTF8.self)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
