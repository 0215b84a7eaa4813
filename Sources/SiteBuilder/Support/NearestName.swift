/// "Did you mean" for a misspelt key or file name: the closest of the known names, when it is
/// close enough to be a typo (two edits, or a third of the name for long ones).
public enum NearestName {
    /// ` (did you mean 'home'?)`, or "" when nothing is that close.
    public static func hint(for name: String, among known: [String]) -> String {
        suggestion(for: name, among: known).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// The known name closest to `name`, when it is a likely typo of it.
    public static func suggestion(for name: String, among known: [String]) -> String? {
        let scored = known.map { ($0, distance($0.lowercased(), name.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(2, name.count / 3) && best.1 < max(name.count, best.0.count) ? best.0 : nil
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
