import ContentAddressing
import HTTPTypes

/// The page at `/` when there is no site root (several CARs, several roots): a link to each DAG.
struct RootsIndex {
    let roots: [CID]

    func response(method: HTTPRequest.Method) -> GatewayResponse {
        let items = roots.map { "<li><a href=\"/ipfs/\($0.string)/\">\($0.string)</a></li>" }.joined(separator: "\n")
        let page = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>IPFS gateway</title></head>
            <body>
            <h1>\(roots.count) DAG\(roots.count == 1 ? "" : "s") served here</h1>
            <ul>
            \(items)
            </ul>
            </body>
            </html>

            """
        return GatewayResponse(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-cache"], body: .bytes(Array(page.utf8)))
    }
}
