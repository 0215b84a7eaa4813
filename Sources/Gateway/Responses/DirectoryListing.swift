import ContentAddressing
import HTMLEscaping

/// The HTML page for a directory without `index.html`, with the links the gateway conformance suite expects:
/// breadcrumbs into the path gateway, a `..` link below the root, each entry by name and by CID.
struct DirectoryListing {
    let request: ContentRequest
    let directory: CID
    let entries: [(name: String, cid: CID)]

    /// Bump when the page's markup changes: the ETag must change with it.
    static let version = "blogctl-1"

    var etag: String { ETag.quoted("DirIndex-\(Self.version)_CID-\(directory.string)") }

    /// Where the path gateway is, for breadcrumbs and CID links: this host, or the subdomain gateway's own host.
    private var gatewayBase: String {
        if case .subdomain(let host, _) = request.origin { return "//" + host }
        return ""
    }

    func html() -> [UInt8] {
        let names = request.path.names
        let here = request.origin.linkPrefix + (names.isEmpty ? "" : "/" + names.map(PercentEncoding.encodeSegment).joined(separator: "/"))
        let rootCID = request.root.string
        var crumbs = "/ipfs/<a href=\"\(gatewayBase)/ipfs/\(rootCID)\">\(rootCID)</a>"
        var crumbPath = gatewayBase + "/ipfs/" + rootCID
        for name in names {
            crumbPath += "/" + PercentEncoding.encodeSegment(name)
            crumbs += "/<a href=\"\(crumbPath)\">\(HTMLEscaper.escape(name, .xml))</a>"
        }
        var rows = ""
        if !names.isEmpty { rows += "<tr><td><a href=\"\(here)/..\">..</a></td><td></td></tr>\n" }
        for (name, cid) in entries {
            let encoded = PercentEncoding.encodeSegment(name)
            let hashLink = "\(gatewayBase)/ipfs/\(cid.string)?filename=\(PercentEncoding.encodeQueryValue(encoded))"
            rows += "<tr><td><a href=\"\(here)/\(encoded)\">\(HTMLEscaper.escape(name, .xml))</a></td>"
                + "<td><a class=\"ipfs-hash\" translate=\"no\" href=\"\(hashLink)\">\(cid.string)</a></td></tr>\n"
        }
        let title = HTMLEscaper.escape("/ipfs/\(rootCID)" + (names.isEmpty ? "" : "/" + names.joined(separator: "/")) + "/", .xml)
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}h1{font-size:1.1rem;font-weight:normal;word-break:break-all}
            table{border-collapse:collapse}td{padding:.2rem 1rem .2rem 0;font-family:ui-monospace,monospace;font-size:.9rem}
            .ipfs-hash{color:#777}</style>
            </head>
            <body>
            <h1>Index of \(crumbs)</h1>
            <p>\(directory.string)</p>
            <table>
            \(rows)</table>
            </body>
            </html>

            """
        return Array(page.utf8)
    }
}
