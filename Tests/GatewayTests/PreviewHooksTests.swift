import ContentAddressing
import Foundation
import Gateway
import Hummingbird
import Testing

/// What the authoring preview plugs in: live content swapped after each build, its own routes ahead of the
/// gateway, and its snippet in the HTML pages (and nowhere else).
@Suite struct PreviewHooksTests {
    static let snippet = "<script src=\"/.blogctl/reload.js\"></script>"

    static func build(_ files: [String: [UInt8]]) async throws -> (MemoryBlockStore, CID) {
        var tree = InMemoryTree()
        for (path, bytes) in files { tree.addFile(path, bytes) }
        let store = MemoryBlockStore()
        return (store, try await Importer.importTree(tree, into: store).root)
    }

    static func preview() -> PreviewHooks {
        let router = Router(context: BasicRequestContext.self)
        router.get("/.blogctl/events") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/event-stream"], body: ResponseBody(byteBuffer: ByteBuffer(string: "data: built\n\n")))
        }
        return PreviewHooks(pathPrefix: "/.blogctl/", routes: router, htmlSnippet: snippet)
    }

    @Test func snippetInHTMLPagesOnlyWithTheirOwnETag() async throws {
        let page = "<!DOCTYPE html><html><body><p>v1</p></BODY></html>"
        let (store, root) = try await Self.build(["index.html": Array(page.utf8), "style.css": Array("p{}".utf8), "docs/a.txt": Array("a".utf8)])
        let content = LiveContent(ContentSnapshot(blocks: store, roots: [root]))
        try await TestGateway.with(content, preview: Self.preview()) { gw in
            let home = try await gw.request("/")
            #expect(home.status == 200)
            #expect(home.text == "<!DOCTYPE html><html><body><p>v1</p>\(Self.snippet)</BODY></html>")
            let etag = try #require(home.header("Etag"))
            #expect(etag != "\"\(root)\"" && etag.hasPrefix("\"\(root)") && etag.hasSuffix("\""))
            #expect(home.header("Cache-Control") == "no-cache")
            #expect(home.header("Content-Length") == "\(home.body.count)")
            #expect(try await gw.request("/", headers: [("If-None-Match", etag)]).status == 304)
            #expect(try await gw.request("/", headers: [("If-None-Match", "\"\(root)\"")]).status == 200, "the pure ETag never matches the page with the snippet")
            let head = try await gw.request("/", method: .HEAD)
            #expect(head.header("Content-Length") == "\(home.body.count)" && head.body.isEmpty)

            let immutable = try await gw.request("/ipfs/\(root)/")
            #expect(immutable.text.contains(Self.snippet))
            #expect(immutable.header("Cache-Control") == "public, max-age=29030400, immutable")

            #expect(try await gw.request("/style.css").text == "p{}")
            let listing = try await gw.request("/docs/")
            #expect(listing.text.contains(Self.snippet), "generated listings are pages too")
            let raw = try await gw.request("/?format=raw")
            #expect(!raw.text.contains(Self.snippet))
            let car = try await gw.request("/?format=car")
            #expect(!car.text.contains("reload.js"))
            let range = try await gw.request("/index.html", headers: [("Range", "bytes=0-14")])
            #expect(range.status == 206 && range.text == String(page.prefix(15)))

            let events = try await gw.request("/.blogctl/events")
            #expect(events.status == 200 && events.header("Content-Type") == "text/event-stream" && events.text == "data: built\n\n")
            #expect(try await gw.request("/.blogctl/other").status == 404, "the preview's prefix never reaches the gateway")
        }
    }

    @Test func publishingSwapsTheWholeSiteAtOnce() async throws {
        let (first, rootA) = try await Self.build(["index.html": Array("<p>one</p>".utf8)])
        let (second, rootB) = try await Self.build(["index.html": Array("<p>two</p>".utf8)])
        let content = LiveContent(ContentSnapshot(blocks: first, roots: [rootA]))
        try await TestGateway.with(content, preview: Self.preview()) { gw in
            #expect(try await gw.request("/").text.hasPrefix("<p>one</p>"))
            content.publish(blocks: second, siteRoot: rootB)
            let after = try await gw.request("/")
            #expect(after.text.hasPrefix("<p>two</p>") && after.header("X-Ipfs-Path") == "/ipfs/\(rootB)/")
            #expect(try await gw.request("/ipfs/\(rootA)/").status == 404, "the previous build's blocks are gone with it")
            #expect(try await gw.request("/ipfs/\(rootB)/").status == 200)
        }
    }
}
