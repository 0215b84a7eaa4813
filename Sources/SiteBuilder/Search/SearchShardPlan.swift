/// Which shard file holds each term: terms are grouped by their first character, and a group
/// bigger than `target` bytes is split by its first two characters, and so on (up to
/// `maxPrefixLength`), a term as long as its group's prefix staying in the group's own shard.
/// A term's shard is then the longest listed prefix of it, which the reader's script finds from
/// the manifest alone; a new post changes only the shards of its terms' prefixes.
struct SearchShardPlan: Sendable, Equatable {
    /// A prefix and the indexes of the sorted terms its shard holds.
    struct Shard: Sendable, Equatable {
        var prefix: String
        var terms: [Int]
    }

    static let maxPrefixLength = 4

    /// The shards, in prefix order.
    private(set) var shards: [Shard] = []

    /// The plan for `terms` (sorted by UTF-8 bytes, so those sharing a prefix are adjacent),
    /// `sizes[i]` the bytes term `i` takes in its shard.
    init(terms: [String], sizes: [Int], target: Int) {
        let prefixes = terms.map { Array($0.unicodeScalars.prefix(Self.maxPrefixLength)) }
        var found: [Shard] = []
        func split(_ members: [Int], length: Int) {
            var start = 0
            while start < members.count {
                let key = prefixes[members[start]].prefix(length)
                var end = start + 1
                while end < members.count, prefixes[members[end]].prefix(length) == key { end += 1 }
                let group = Array(members[start..<end])
                let size = group.reduce(0) { $0 + sizes[$1] }
                let prefix = String(String.UnicodeScalarView(key))
                if size <= target || length >= Self.maxPrefixLength {
                    found.append(Shard(prefix: prefix, terms: group))
                } else {
                    let own = group.filter { prefixes[$0].count <= length }
                    if !own.isEmpty { found.append(Shard(prefix: prefix, terms: own)) }
                    split(group.filter { prefixes[$0].count > length }, length: length + 1)
                }
                start = end
            }
        }
        split(Array(terms.indices), length: 1)
        // Children come after their parent's own shard, which sorts first: keep prefix order.
        shards = found.sorted { $0.prefix.precedesInUTF8($1.prefix) }
    }

    /// The shard file name of `prefix`: itself when plain ASCII letters and digits, else `_` and
    /// the hex of its UTF-8 (the same rule as search.js).
    static func fileName(of prefix: String) -> String {
        if prefix.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) { return prefix }
        let hex = Array("0123456789abcdef".utf8)
        var name: [UInt8] = [UInt8(ascii: "_")]
        for byte in prefix.utf8 {
            name.append(hex[Int(byte >> 4)])
            name.append(hex[Int(byte & 15)])
        }
        return String(decoding: name, as: UTF8.self)
    }
}
