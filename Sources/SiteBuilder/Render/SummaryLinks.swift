/// Same-page links of a post's HTML shown on another page. A summary or content placed on a home
/// or tag page (or in a feed) keeps links such as `#fn-1` (footnote references) and `#later`,
/// which would point at nothing there; they must point at the post.
enum SummaryLinks {
    /// `html` with every `href="#x"` (either quote) turned into `href="<postURL>#x"`.
    static func rebasingFragments(_ html: String, to postURL: String) -> String {
        rebasingFragments(html, at: fragmentOffsets(in: html), to: postURL)
    }

    /// UTF-8 offsets of the `#` of every same-page `href` in `html`. A post is shown on several
    /// list pages and feeds: its links are found once, when it is loaded, not on every page.
    static func fragmentOffsets(in html: String) -> [Int] {
        var html = html
        return html.withUTF8 { bytes in
            var offsets: [Int] = []
            var index = 1
            let count = bytes.count
            while index + 6 < count {
                // ` href="#`, `href` in any case, preceded by whitespace so `data-href` is left alone.
                if bytes[index + 6] == UInt8(ascii: "#"), bytes[index] | 0x20 == UInt8(ascii: "h"),
                    bytes[index + 1] | 0x20 == UInt8(ascii: "r"), bytes[index + 2] | 0x20 == UInt8(ascii: "e"),
                    bytes[index + 3] | 0x20 == UInt8(ascii: "f"), bytes[index + 4] == UInt8(ascii: "="),
                    bytes[index + 5] == UInt8(ascii: "\"") || bytes[index + 5] == UInt8(ascii: "'"), isSpace(bytes[index - 1])
                {
                    offsets.append(index + 6)
                    index += 7
                } else {
                    index += 1
                }
            }
            return offsets
        }
    }

    /// `html` with `postURL` (attribute-escaped) inserted at `offsets`, as found by `fragmentOffsets(in:)`.
    static func rebasingFragments(_ html: String, at offsets: [Int], to postURL: String) -> String {
        guard !offsets.isEmpty else { return html }
        var url = postURL
        // Escaped once per call; URLs almost never need it.
        let insert = url.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
            ? String(decoding: url.withUTF8(escape), as: UTF8.self) : url
        // Built from slices of valid Strings (each offset is an ASCII `#`, so a scalar
        // boundary), which appending never validates again; a list page does this for every post.
        let utf8 = html.utf8
        var result = ""
        result.reserveCapacity(utf8.count + offsets.count * insert.utf8.count)
        var copied = utf8.startIndex
        for offset in offsets {
            let index = utf8.index(utf8.startIndex, offsetBy: offset)
            result += html[copied..<index]
            result += insert
            copied = index
        }
        result += html[copied...]
        return result
    }

    private static func escape(_ url: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(url.count + 16)
        for byte in url {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return result
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
