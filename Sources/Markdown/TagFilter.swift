import Glibc

/// The tags GFM's tag filter escapes in raw HTML (spec section 6.11), found so the build can say
/// that an embed did not pass.
enum TagFilter {
    static let tags = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]

    /// Adds the filtered tags that open or close in `html` (`<iframe`, `</script`), case-insensitively.
    static func collect(_ html: UnsafePointer<CChar>?, into found: inout Set<String>) {
        guard let html else { return }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self), count: strlen(html))
        var i = 0
        while let open = bytes[i...].firstIndex(of: UInt8(ascii: "<")) {
            var start = open + 1
            if start < bytes.count, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < bytes.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[end] | 0x20) { end += 1 }
            let name = String(decoding: bytes[start..<end].map { $0 | 0x20 }, as: UTF8.self)
            // The name must end the tag's name: `<scripts>` is not `<script`.
            if tags.contains(name), end == bytes.count || !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) { found.insert(name) }
            i = max(end, open + 1)
        }
    }
}
