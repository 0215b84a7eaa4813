import Foundation

extension String {
    /// Whether this string sorts before `other` by raw UTF-8 bytes (the order of UnixFS links,
    /// and of every list a build must give the same way on any machine and locale). Compares the
    /// stored bytes with memcmp: `utf8.lexicographicallyPrecedes` walks them one index at a time,
    /// which was the most expensive step of sorting a 10,000-post site's 14,000 paths.
    public func precedesInUTF8(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0 {
                    let order = memcmp(x.baseAddress!, y.baseAddress!, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }
}
