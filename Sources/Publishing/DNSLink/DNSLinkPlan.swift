import Foundation

/// What `dnslink plan` read at `_dnslink.<domain>` and what applying it changes: exactly one
/// `dnslink=` value afterwards (resolvers refuse a name with several), and every TXT record there
/// that is not a dnslink kept as it is.
public struct DNSLinkPlan: Sendable, Equatable, Encodable {
    public enum Action: String, Sendable, Encodable {
        case create
        case update
        case removeDuplicates = "remove_duplicates"
        case noChange = "no_change"
    }

    /// The record's name, `_dnslink.<domain>`.
    public var name: String
    /// The value wanted: `dnslink=/ipfs/<cid>`.
    public var value: String
    /// Every TXT value the name held when the plan read it: applying is conditional on them.
    public var current: [String]
    public var remove: [String]
    public var add: [String]
    public var action: Action

    /// The plan for pointing `name` at `cid`, given the TXT values it holds now.
    public init(name: String, cid: String, current: [String]) {
        self.name = name
        let wanted = "dnslink=/ipfs/\(cid)"
        value = wanted
        self.current = current
        let links = current.filter(Self.isDNSLink)
        let stale = links.filter { $0 != wanted }
        remove = stale
        // A value listed twice (two equal records) is one record: nothing to add when it is there.
        add = links.contains(wanted) ? [] : [wanted]
        switch (links.isEmpty, links.contains(wanted), stale.isEmpty) {
        case (true, _, _): action = .create
        case (false, true, true): action = .noChange
        case (false, true, false): action = .removeDuplicates
        case (false, false, _): action = .update
        }
    }

    /// What the name holds after the plan is applied.
    public var after: [String] { current.filter { !remove.contains($0) } + add }

    /// The dnslink value the name held before (the first, when there were several).
    public var previous: String? { current.first(where: Self.isDNSLink) }

    /// The values that are not dnslinks, kept as they are.
    public var kept: [String] { current.filter { !Self.isDNSLink($0) } }

    static func isDNSLink(_ value: String) -> Bool { value.hasPrefix("dnslink=") }

    /// The plan as a diff of the name's TXT records; coloured for a terminal.
    public func diff(color: Bool) -> String {
        let (red, green, dim, reset) = color ? ("\u{1B}[31m", "\u{1B}[32m", "\u{1B}[2m", "\u{1B}[0m") : ("", "", "", "")
        var lines = ["\(name) TXT (\(action.rawValue.replacingOccurrences(of: "_", with: " ")))"]
        for value in current {
            if remove.contains(value) { lines.append("\(red)- \"\(value)\"\(reset)") } else { lines.append("\(dim)  \"\(value)\"\(reset)") }
        }
        for value in add { lines.append("\(green)+ \"\(value)\"\(reset)") }
        if current.isEmpty && add.isEmpty { lines.append("  (no records)") }
        return lines.joined(separator: "\n")
    }

    enum CodingKeys: String, CodingKey {
        case name, value, current, remove, add, action, after, previous
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(value, forKey: .value)
        try container.encode(current, forKey: .current)
        try container.encode(remove, forKey: .remove)
        try container.encode(add, forKey: .add)
        try container.encode(action, forKey: .action)
        try container.encode(after, forKey: .after)
        try container.encodeIfPresent(previous, forKey: .previous)
    }
}
