import COniguruma

/// A state's rules as one regex, `(?:(rule 1)|(rule 2)|…)`. Chroma tries the rules in order at a
/// position, then at the next one; an alternation tried at each start in turn does the same, in
/// one search instead of one per rule. Each rule's groups keep their order behind its own group.
struct StateMatcher: Sendable {
    let regex: CompiledRegex
    /// Rule n's whole match is group `wrappers[n]`; its groups follow, `groupCounts[n]` of them.
    let wrappers: [Int]
    let groupCounts: [Int]

    /// nil when a rule refers to groups by number or name (renumbering would change its meaning),
    /// or the whole fails to compile: the tokenizer then tries the rules one by one.
    init?(_ rules: [CompiledRegex], prefix: String) {
        guard !rules.isEmpty, rules.allSatisfy({ !Self.refersToGroups($0.source) }) else { return nil }
        var wrappers: [Int] = []
        var next = 1
        for rule in rules {
            wrappers.append(next)
            next += 1 + rule.captureCount
        }
        let pattern = prefix + "(?:" + rules.map { "((?:" + $0.source + "))" }.joined(separator: "|") + ")"
        guard let regex = try? CompiledRegex(pattern, number: -1), regex.captureCount == next - 1 else { return nil }
        self.regex = regex
        self.wrappers = wrappers
        groupCounts = rules.map(\.captureCount)
    }

    /// Which rule matched, from the groups of a match of `regex`: the first whose group spans it.
    func rule(in region: CompiledRegex.Region) -> Int? {
        guard let whole = region.range(0) else { return nil }
        return wrappers.firstIndex { region.range($0) == whole }
    }

    /// Rule `rule`'s groups in `region`, whole match first, as its own regex would number them.
    func groups(of rule: Int, in region: CompiledRegex.Region) -> [Range<Int>?] {
        (0...groupCounts[rule]).map { region.range(wrappers[rule] + $0) }
    }

    /// Backreferences (`\1`, `\k<n>`, `\g<n>`), conditionals on a group (`(?(1)…)`) and named
    /// groups, whose numbers or names would change or clash in the alternation.
    static func refersToGroups(_ pattern: String) -> Bool {
        let bytes = Array(pattern.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                let next = bytes[index + 1]
                if (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "k") || next == UInt8(ascii: "g") { return true }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "("), index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") {
                let kind = bytes[index + 2]
                if kind == UInt8(ascii: "(") || kind == UInt8(ascii: "P") || kind == UInt8(ascii: "'") { return true }
                if kind == UInt8(ascii: "<"), index + 3 < bytes.count, bytes[index + 3] != UInt8(ascii: "="), bytes[index + 3] != UInt8(ascii: "!") {
                    return true
                }
            }
            index += 1
        }
        return false
    }
}
