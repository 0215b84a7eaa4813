import ContentAddressing
import Foundation
import HTTPTypes
import Testing
@testable import Gateway

/// The HTTP-independent parts, without a socket: parsing the request, ranges, ETags, `_redirects`, media types,
/// and `Gateway.respond` itself.
@Suite struct GatewayCoreTests {
    @Test func requestTargetsDecodeAndRefuse() throws {
        let target = try RequestTarget("/ipfs/x/a%20b/%C4%85//c/?filename=x%2By&download=true", maxLength: 100)
        let path = try target.segments(droppingFirst: 2)
        #expect(path.names == ["a b", "ą", "c"] && path.trailingSlash)
        #expect(path.encodedDirectory == "/a%20b/%C4%85/c/")
        #expect(target.parameter("filename") == "x+y" && target.parameter("download") == "true")
        for bad in ["/a/../b", "/a/%2e%2E/b", "/a%2Fb", "/a%00", "/%zz", "/%ff"] {
            #expect(throws: RequestError.self, "\(bad)") { try RequestTarget(bad, maxLength: 100).segments() }
        }
        #expect(throws: RequestError(status: .uriTooLong, message: "the request target is longer than 10 bytes")) {
            try RequestTarget("/0123456789", maxLength: 10)
        }
        #expect(throws: RequestError.self) { try RequestTarget("http://x/", maxLength: 100) }
    }

    @Test func byteRanges() {
        #expect(ByteRangeRequest(header: nil, size: 10) == .whole)
        #expect(ByteRangeRequest(header: "bytes=2-4", size: 10) == .part(2..<5))
        #expect(ByteRangeRequest(header: "bytes=2-", size: 10) == .part(2..<10))
        #expect(ByteRangeRequest(header: "bytes=-3", size: 10) == .part(7..<10))
        #expect(ByteRangeRequest(header: "bytes=0-", size: 10) == .whole)
        #expect(ByteRangeRequest(header: "bytes=5-100", size: 10) == .part(5..<10))
        #expect(ByteRangeRequest(header: "bytes=20-30, 1-2", size: 10) == .part(1..<3), "the first satisfiable range")
        for bad in ["bytes=4-2", "bytes=x", "items=1-2", "bytes=10-", "bytes=-0", "bytes=--1", "bytes= 1 - 2"] {
            #expect(ByteRangeRequest(header: bad, size: 10) == .unsatisfiable, "\(bad)")
        }
    }

    @Test func entityTags() {
        #expect(ETag.matches(ifNoneMatch: "\"a\", W/\"b\"", "\"b\""))
        #expect(ETag.matches(ifNoneMatch: "*", "\"x\""))
        #expect(!ETag.matches(ifNoneMatch: "\"a\"", "\"ab\""))
        let injection = HTMLInjection(snippet: "<s>")
        #expect(injection.etag("\"cid\"").hasPrefix("\"cid-live-") && injection.etag("\"cid\"").hasSuffix("\""))
        #expect(String(decoding: injection.inject(into: Array("<body>x</body></html>".utf8)), as: UTF8.self) == "<body>x<s></body></html>")
        #expect(String(decoding: injection.inject(into: Array("no body".utf8)), as: UTF8.self) == "no body<s>")
    }

    @Test func redirectsFileRulesAndErrors() throws {
        let file = try RedirectsFile(parsing: Array("""
            # comment
              /posts/:year/:slug   /blog/:year/:slug   302
            /docs/*  /manual/:splat
            /spa/* /index.html 200\r
            """.utf8))
        #expect(file.rules.count == 3)
        #expect(file.match(["posts", "2024", "hello world"])?.to == "/blog/2024/hello%20world")
        #expect(file.match(["posts", "2024"]) == nil)
        #expect(file.match(["docs", "a", "b"])?.to == "/manual/a/b")
        #expect(file.match(["docs"])?.to == "/manual/", "a splat may be empty")
        #expect(file.match(["spa", "x"])?.rule.status == 200)
        for (bad, reason) in [("/a /b 301!", "unsupported redirect status"), ("/a", "expected"), ("a /b", "must start with /"),
                              ("/:x/:x /b", "used twice"), ("/a /b 299", "unsupported redirect status")] {
            #expect { try RedirectsFile(parsing: Array(bad.utf8)) } throws: { ($0 as? RedirectsFileError)?.message.contains(reason) == true }
        }
        #expect(throws: RedirectsFileError.self) { try RedirectsFile(parsing: [UInt8](repeating: 0x23, count: 65_537)) }
    }

    @Test func mediaTypesByNameThenBySniffing() {
        #expect(MediaTypes.type(forName: "a.HTML") { [] } == "text/html; charset=utf-8")
        #expect(MediaTypes.sniff(Array("  <!doctype html><p>".utf8)[...]) == "text/html; charset=utf-8")
        #expect(MediaTypes.sniff(Array("<abbr>".utf8)[...]) == "text/plain; charset=utf-8")
        #expect(MediaTypes.sniff([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0][...]) == "image/png")
        #expect(MediaTypes.sniff([0, 1, 2, 3][...]) == "application/octet-stream")
    }

    @Test func hostsAreClassified() throws {
        let cid = try CID("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e")
        #expect(try HostRoute.classify("\(cid).ipfs.localhost:8080", gatewayHosts: ["localhost"]) == .subdomain(cid, gatewayHost: "localhost:8080"))
        #expect(try HostRoute.classify("LOCALHOST:8080", gatewayHosts: ["localhost"]) == .subdomainGateway(host: "localhost:8080"))
        #expect(try HostRoute.classify("127.0.0.1:8080", gatewayHosts: ["localhost"]) == .plain)
        #expect(try HostRoute.classify("[::1]:8080", gatewayHosts: ["localhost"]) == .plain)
        #expect(try HostRoute.classify("blog.example.org", gatewayHosts: ["localhost"]) == .plain)
        for bad in ["a b", "x/y", "[::1", "host:port", ""] {
            #expect(throws: RequestError.self, "\(bad)") { try HostRoute.classify(bad, gatewayHosts: ["localhost"]) }
        }
    }

    @Test func entityBytesResolveAgainstTheFileSize() throws {
        #expect(try EntityBytes("0:*").range(in: 100) == 0..<100)
        #expect(try EntityBytes("-10:*").range(in: 100) == 90..<100)
        #expect(try EntityBytes("10:-10").range(in: 100) == 10..<91)
        #expect(try EntityBytes("200:*").range(in: 100) == nil)
        #expect(try EntityBytes("-999:5").range(in: 100) == 0..<6)
        #expect(throws: RequestError.self) { try EntityBytes("1") }
    }

    /// The gateway answers without any server: routing, resolution and headers are plain values.
    @Test func respondWithoutASocket() async throws {
        var tree = InMemoryTree()
        tree.addFile("index.html", Array("<p>hi</p>".utf8))
        let store = MemoryBlockStore()
        let root = try await Importer.importTree(tree, into: store).root
        let gateway = Gateway(content: LiveContent(ContentSnapshot(blocks: store, roots: [root])))
        let ok = gateway.respond(to: GatewayRequest(method: .get, target: "/", authority: "127.0.0.1:1"))
        #expect(ok.status == .ok && ok.body.length == 9 && ok.headers[.cacheControl] == "no-cache")
        let redirect = gateway.respond(to: GatewayRequest(method: .get, target: "/ipfs/\(root)/", authority: "localhost:1"))
        #expect(redirect.status == .movedPermanently && redirect.headers[.location] == "http://\(root).ipfs.localhost:1/")
        #expect(gateway.respond(to: GatewayRequest(method: .get, target: "/", authority: nil)).status == .badRequest)
        #expect(gateway.respond(to: GatewayRequest(method: .post, target: "/", authority: "x")).status == .methodNotAllowed)
    }
}
