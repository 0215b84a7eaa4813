/// A file's `Content-Type`: by its name's extension first, then by sniffing its first bytes (as kubo does).
enum MediaTypes {
    static func type<E: Error>(forName name: String, firstBytes: () throws(E) -> ArraySlice<UInt8>) throws(E) -> String {
        if let dot = name.lastIndex(of: "."), let known = byExtension[name[name.index(after: dot)...].lowercased()] { return known }
        return sniff(try firstBytes())
    }

    static func isHTML(_ contentType: String) -> Bool { contentType.hasPrefix("text/html") }

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8", "htm": "text/html; charset=utf-8", "xhtml": "application/xhtml+xml",
        "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
        "json": "application/json", "map": "application/json", "webmanifest": "application/manifest+json",
        "xml": "application/xml", "rss": "application/rss+xml", "atom": "application/atom+xml", "xsl": "application/xml",
        "txt": "text/plain; charset=utf-8", "md": "text/markdown; charset=utf-8", "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
        "webp": "image/webp", "avif": "image/avif", "ico": "image/vnd.microsoft.icon", "bmp": "image/bmp",
        "woff": "font/woff", "woff2": "font/woff2", "ttf": "font/ttf", "otf": "font/otf",
        "mp4": "video/mp4", "webm": "video/webm", "ogv": "video/ogg", "mp3": "audio/mpeg", "ogg": "audio/ogg",
        "oga": "audio/ogg", "wav": "audio/wav", "flac": "audio/flac", "m4a": "audio/mp4",
        "pdf": "application/pdf", "wasm": "application/wasm", "zip": "application/zip", "gz": "application/gzip",
        "tar": "application/x-tar", "car": "application/vnd.ipld.car", "ics": "text/calendar; charset=utf-8",
    ]

    /// A small part of the WHATWG sniffing algorithm, enough for files without an extension.
    static func sniff(_ bytes: ArraySlice<UInt8>) -> String {
        let head = Array(bytes.prefix(512))
        for (signature, type) in signatures where head.starts(with: signature) { return type }
        if head.count >= 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) { return "image/webp" }
        let text = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0a || $0 == 0x0d || $0 == 0x0c }
        let lowered = text.prefix(20).map { $0 >= 0x41 && $0 <= 0x5a ? $0 | 0x20 : $0 }
        for tag in htmlTags where lowered.starts(with: tag.utf8) {
            // A tag name must end there: "<a " or "<a>", not "<abbr".
            let next = lowered.count > tag.utf8.count ? lowered[tag.utf8.count] : 0x3e
            if tag == "<!--" || next == 0x20 || next == 0x3e { return "text/html; charset=utf-8" }
        }
        if lowered.starts(with: "<?xml".utf8) { return "text/xml; charset=utf-8" }
        let binary = head.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0a && $0 != 0x0d && $0 != 0x0c && $0 != 0x1b }
        return binary ? "application/octet-stream" : "text/plain; charset=utf-8"
    }

    private static let htmlTags = ["<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1", "<div", "<font",
                                   "<table", "<a", "<style", "<title", "<b", "<br", "<p", "<!--"]

    private static let signatures: [([UInt8], String)] = [
        ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "image/png"),
        ([0xff, 0xd8, 0xff], "image/jpeg"),
        (Array("GIF87a".utf8), "image/gif"), (Array("GIF89a".utf8), "image/gif"),
        (Array("%PDF-".utf8), "application/pdf"),
        ([0x50, 0x4b, 0x03, 0x04], "application/zip"),
        ([0x1f, 0x8b, 0x08], "application/x-gzip"),
        ([0x00, 0x61, 0x73, 0x6d], "application/wasm"),
        ([0xef, 0xbb, 0xbf], "text/plain; charset=utf-8"),
    ]
}
