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
        var html = html
        var url = postURL
        return url.withUTF8 { url in
            // Escaped once per call; URLs almost never need it.
            let escaped: [UInt8]? = url.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") })
                ? Array(escape(url)) : nil
            return html.withUTF8 { bytes in
                func splice(_ insert: UnsafeBufferPointer<UInt8>) -> String {
                    String(unsafeUninitializedCapacity: bytes.count + offsets.count * insert.count) { buffer in
                        var written = 0
                        var copied = 0
                        func append(_ part: UnsafeBufferPointer<UInt8>) {
                            guard let base = part.baseAddress, part.count > 0 else { return }
                            UnsafeMutableRawPointer(buffer.baseAddress! + written).copyMemory(from: base, byteCount: part.count)
                            written += part.count
                        }
                        for offset in offsets {
                            append(UnsafeBufferPointer(rebasing: bytes[copied..<offset]))
                            append(insert)
                            copied = offset
                        }
                        append(UnsafeBufferPointer(rebasing: bytes[copied...]))
                        return written
                    }
                }
                if let escaped { return escaped.withUnsafeBufferPointer(splice) }
                return splice(url)
            }
        }
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
