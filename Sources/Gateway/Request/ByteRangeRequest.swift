/// A `Range` request header for a body of known size: one range is served (the first of a list, as the path
/// gateway spec allows); malformed and unsatisfiable headers get 416, as Go's http.ServeContent (kubo) answers.
enum ByteRangeRequest: Equatable {
    case whole
    case part(Range<UInt64>)
    case unsatisfiable

    init(header: String?, size: UInt64) {
        guard let header else {
            self = .whole
            return
        }
        guard header.hasPrefix("bytes="), header.utf8.count <= 1024 else {
            self = .unsatisfiable
            return
        }
        var first: Range<UInt64>?
        for spec in header.dropFirst(6).split(separator: ",", omittingEmptySubsequences: false) {
            guard let range = Self.parse(spec.trimmingWhitespace(), size: size) else {
                self = .unsatisfiable
                return
            }
            if first == nil, !range.isEmpty { first = range }
        }
        guard let first else {
            self = .unsatisfiable
            return
        }
        self = first == 0..<size ? .whole : .part(first)
    }

    /// One `first-last`, `first-` or `-suffix` spec clipped to the body; an empty range when it lies outside, nil when malformed.
    private static func parse(_ spec: Substring, size: UInt64) -> Range<UInt64>? {
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let from = spec[..<dash], to = spec[spec.index(after: dash)...]
        if from.isEmpty {
            guard let suffix = UInt64(digits: to) else { return nil }
            return (size - min(suffix, size))..<size
        }
        guard let first = UInt64(digits: from) else { return nil }
        var last = size == 0 ? 0 : size - 1
        if !to.isEmpty {
            guard let value = UInt64(digits: to), value >= first else { return nil }
            last = min(value, last)
        }
        guard first < size else { return size..<size }
        return first..<(last + 1)
    }
}

extension UInt64 {
    /// Decimal digits only (no sign, no spaces), as HTTP numbers are written.
    init?(digits: Substring) {
        guard !digits.isEmpty, digits.utf8.count <= 19, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        self.init(digits)
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        let isSpace = { (c: Character) in c == " " || c == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        return self[start...end]
    }
}
