import ContentAddressing

/// Puts the preview's snippet (its live-reload script) into an HTML page: before the last `</body>`, or at the end.
struct HTMLInjection: Sendable {
    let snippet: [UInt8]
    /// Appended to the pure page's ETag: caches must never take one version for the other.
    let etagSuffix: String

    init(snippet: String) {
        self.snippet = Array(snippet.utf8)
        etagSuffix = "-live-" + SHA256.digest(self.snippet).prefix(4).map { String($0, radix: 16).leftPadded(2) }.joined()
    }

    func inject(into page: [UInt8]) -> [UInt8] {
        let marker = Array("</body".utf8)
        var index = page.count - marker.count
        while index >= 0 {
            if page[index] == UInt8(ascii: "<"), zip(page[index..<(index + marker.count)], marker).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return Array(page[..<index]) + snippet + page[index...]
            }
            index -= 1
        }
        return page + snippet
    }

    /// `"<cid>"` becomes `"<cid>-live-…"`.
    func etag(_ pure: String) -> String { String(pure.dropLast()) + etagSuffix + "\"" }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
