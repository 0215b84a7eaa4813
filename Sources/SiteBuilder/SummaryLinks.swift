/// Same-page links of a post's HTML shown on another page. A summary or content placed on a home
/// or tag page (or in a feed) keeps links such as `#fn-1` (footnote references) and `#later`,
/// which would point at nothing there; they must point at the post.
enum SummaryLinks {
    /// `html` with every `href="#x"` (either quote) turned into `href="<postURL>#x"`.
    static func rebasingFragments(_ html: String, to postURL: String) -> String {
        // Called for every post on every list page: scan in place, copy only when a link is found.
        var html = html
        let rebased: String? = html.withUTF8 { bytes in
            var out: [UInt8] = []
            var copied = 0
            var index = 1
            let count = bytes.count
            while index + 6 < count {
                // ` href="#`, `href` in any case, preceded by whitespace so `data-href` is left alone.
                if bytes[index + 6] == UInt8(ascii: "#"), bytes[index] | 0x20 == UInt8(ascii: "h"),
                    bytes[index + 1] | 0x20 == UInt8(ascii: "r"), bytes[index + 2] | 0x20 == UInt8(ascii: "e"),
                    bytes[index + 3] | 0x20 == UInt8(ascii: "f"), bytes[index + 4] == UInt8(ascii: "="),
                    bytes[index + 5] == UInt8(ascii: "\"") || bytes[index + 5] == UInt8(ascii: "'"), isSpace(bytes[index - 1])
                {
                    if out.isEmpty { out.reserveCapacity(count + 64) }
                    out += bytes[copied..<index + 6]
                    out += escaped(postURL).utf8
                    copied = index + 6
                    index += 7
                } else {
                    index += 1
                }
            }
            guard copied > 0 else { return nil }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        }
        return rebased ?? html
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func escaped(_ url: String) -> String {
        url.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
