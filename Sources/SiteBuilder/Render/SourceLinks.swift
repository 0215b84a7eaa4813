import Foundation
import HTMLEscaping

/// Links to other Markdown sources (`[earlier](../2024-01-01-hello.md)`, `{{< ref … >}}`) made
/// links to those pages. When a document is loaded they become `/content/…/hello.md`
/// (`SiteURLs.contentNormalizer`), which says nothing of where the page is; each build's plan
/// looks the sources up (`OutputPlan`) and the pages showing the document put in their URLs.
/// So a renamed or re-slugged target changes the pages linking to it, through their keys.
enum SourceLinks {
    /// Whether a page-relative reference names a Markdown file (`x.md`, `x.md#part`).
    static func isSourceLink(_ url: Substring) -> Bool {
        let path = url.prefix { $0 != "#" && $0 != "?" }
        return path.hasSuffix(".md") || path.hasSuffix(".markdown")
    }

    private static let prefix = Array("\"/content/".utf8)

    /// The source paths (`content/posts/x.md`, percent-decoded) that `html` links to, sorted.
    static func targets(in html: String) -> [String] {
        var html = html
        return html.withUTF8 { bytes -> [String] in
            var found: Set<String> = []
            var from = 0
            while let hit = ByteSearch.firstIndex(of: prefix, in: bytes, from: from) {
                let start = hit + 2
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "#"), bytes[end] != UInt8(ascii: "?") { end += 1 }
                let path = String(decoding: bytes[start..<end], as: UTF8.self)
                if isSourceLink(Substring(path)) { found.insert(path.removingPercentEncoding ?? path) }
                from = end
            }
            return found.sorted { $0.precedesInUTF8($1) }
        }
    }

    /// `html` with each link to a source in `links` (source path -> site path) leading to its page.
    static func resolve(_ html: String, _ links: [String: String]) -> String {
        guard !links.isEmpty else { return html }
        var html = html
        for (source, path) in links.sorted(by: { $0.key.precedesInUTF8($1.key) }) {
            let encoded = source.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? source
            for end in ["\"", "#", "?"] { html = ByteSearch.replacing("\"/\(encoded)\(end)", with: "\"\(path)\(end)", in: html) }
        }
        return html
    }

    /// Where `document` first names the file of `target` (read again only for this error).
    static func location(of target: String, in document: Document) -> SourceLocation {
        let name = String(target.split(separator: "/").last ?? Substring(target))
        guard let text = try? String(contentsOfFile: document.displayPath, encoding: .utf8) else {
            return SourceLocation(file: document.displayPath, line: 1)
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: name) {
                return SourceLocation(file: document.displayPath, line: number + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return SourceLocation(file: document.displayPath, line: 1)
    }
}
