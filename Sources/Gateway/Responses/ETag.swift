/// Entity tags: the CID names the bytes, so it is the tag (quoted); generated pages get their own.
enum ETag {
    static func quoted(_ value: String) -> String { "\"" + value + "\"" }

    /// Whether an `If-None-Match` header matches `etag` (weak comparison, as RFC 9110 asks for this header).
    static func matches(ifNoneMatch header: String, _ etag: String) -> Bool {
        let tag = opaque(Substring(etag))
        for candidate in header.split(separator: ",").prefix(64) {
            let value = candidate.trimmingWhitespace()
            if value == "*" || opaque(value) == tag { return true }
        }
        return false
    }

    private static func opaque(_ value: Substring) -> Substring { value.hasPrefix("W/") ? value.dropFirst(2) : value }
}
