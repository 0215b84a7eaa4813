import ContentAddressing
import Foundation
import Gateway
import NIOHTTP1
import Testing

/// The path gateway (`/ipfs/<cid>/…`) against the gateway-conformance fixtures; each test names the
/// conformance test (tests/path_gateway_unixfs_test.go) whose expectations it checks.
@Suite(.enabled(if: hasConformanceCARs, "../shared/gateway-conformance is absent"))
struct PathGatewayTests {
    // TestUnixFSDirectoryListing
    @Test func directoryListing() async throws {
        let fixture = try ConformanceFixture("dir_listing/fixtures.car")
        let root = fixture.root
        let file = try fixture.cid("ą", "ę", "file-źł.txt")
        try await TestGateway.with(fixture.content) { gw in
            let top = try await gw.request("/ipfs/\(root)/")
            #expect(top.status == 200)
            #expect(top.text.contains("Index of"))
            #expect(!top.text.contains("<a href=\"/ipfs/\(root)/\">..</a>"), "no backlink on the root")

            let redirect = try await gw.request("/ipfs/\(root)/%C4%85/%C4%99")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/ipfs/\(root)/%C4%85/%C4%99/")

            let listing = try await gw.request("/ipfs/\(root)/%C4%85/%C4%99/")
            #expect(listing.status == 200)
            #expect(listing.header("Etag")?.contains("\"DirIndex-") == true)
            let html = listing.text
            #expect(html.contains("/ipfs/<a href=\"/ipfs/\(root)\">\(root)</a>/<a href=\"/ipfs/\(root)/%C4%85\">ą</a>/<a href=\"/ipfs/\(root)/%C4%85/%C4%99\">ę</a>"))
            #expect(html.contains("<a href=\"/ipfs/\(root)/%C4%85/%C4%99/..\">..</a>"))
            #expect(html.contains("<a href=\"/ipfs/\(root)/%C4%85/%C4%99/file-%C5%BA%C5%82.txt\">file-źł.txt</a>"))
            #expect(html.contains("<a class=\"ipfs-hash\" translate=\"no\" href=\"/ipfs/\(file)?filename=file-%25C5%25BA%25C5%2582.txt\">"))

            #expect(try await gw.request("/ipfs/\(root)/i-do-not-exist").status == 404)
        }
    }

    // TestGatewayCache
    @Test func cachingHeadersAndConditionalRequests() async throws {
        let fixture = try ConformanceFixture("gateway-cache/fixtures.car")
        let (root, root2, root3, root4) = (fixture.root, try fixture.cid("root2"), try fixture.cid("root2", "root3"), try fixture.cid("root2", "root3", "root4"))
        let index = try fixture.cid("root2", "root3", "root4", "index.html")
        try await TestGateway.with(fixture.content) { gw in
            let listing = try await gw.request("/ipfs/\(root)/root2/root3/")
            #expect(listing.status == 200)
            #expect(listing.header("X-Ipfs-Path") == "/ipfs/\(root)/root2/root3/")
            #expect(listing.header("X-Ipfs-Roots") == "\(root),\(root2),\(root3)")
            let dirETag = try #require(listing.header("Etag"))
            #expect(dirETag.hasPrefix("\"DirIndex-") && dirETag.hasSuffix("_CID-\(root3)\""))
            #expect(listing.header("Cache-Control") == "public, max-age=604800, stale-while-revalidate=2678400")

            let withIndex = try await gw.request("/ipfs/\(root)/root2/root3/root4/")
            #expect(withIndex.status == 200)
            #expect(withIndex.header("Cache-Control") == "public, max-age=29030400, immutable")
            #expect(withIndex.header("X-Ipfs-Roots") == "\(root),\(root2),\(root3),\(root4)")
            #expect(withIndex.header("Etag") == "\"\(root4)\"")

            let file = try await gw.request("/ipfs/\(root)/root2/root3/root4/index.html")
            #expect(file.header("X-Ipfs-Path") == "/ipfs/\(root)/root2/root3/root4/index.html")
            #expect(file.header("X-Ipfs-Roots") == "\(root),\(root2),\(root3),\(root4),\(index)")
            #expect(file.header("Etag") == "\"\(index)\"")
            #expect(file.header("Cache-Control") == "public, max-age=29030400, immutable")

            let raw = try await gw.request("/ipfs/\(root)/root2/root3/root4/?format=raw")
            #expect(raw.status == 200)
            #expect(raw.body == (try fixture.block("root2", "root3", "root4")))
            #expect(raw.header("Cache-Control") == "public, max-age=29030400, immutable")

            let cached = try await gw.request("/ipfs/\(root)/root2/root3/root4/?format=raw", method: .HEAD, headers: [("Cache-Control", "only-if-cached")])
            #expect(cached.status == 200)
            for method in [HTTPMethod.HEAD, .GET] {
                let absent = try await gw.request("/ipfs/QmYzfKSE55XCjD1MW128RfciAf2DViABhEiXfgVFMabSjN", method: method, headers: [("Cache-Control", "only-if-cached")])
                #expect(absent.status == 412)
            }
            for ifNoneMatch in ["\"\(index)\"", "\"fakeEtag1\", \"fakeEtag2\", \"\(index)\"", "W/\"\(index)\"", "*"] {
                let notModified = try await gw.request("/ipfs/\(root)/root2/root3/root4/index.html", headers: [("If-None-Match", ifNoneMatch)])
                #expect(notModified.status == 304, "\(ifNoneMatch)")
                #expect(notModified.body.isEmpty)
            }
            #expect(try await gw.request("/ipfs/\(root)/root2/root3/root4/", headers: [("If-None-Match", "\"\(root4)\"")]).status == 304)
            #expect(try await gw.request("/ipfs/\(root)/root2/root3/", headers: [("If-None-Match", dirETag)]).status == 304)
            #expect(try await gw.request("/ipfs/\(root)/root2/root3/", headers: [("If-None-Match", "W/" + dirETag)]).status == 304)
            #expect(try await gw.request("/ipfs/\(root)/root2/root3/root4/index.html", headers: [("If-None-Match", "\"other\"")]).status == 200)
        }
    }

    // TestGatewaySymlink
    @Test func symlinks() async throws {
        let fixture = try ConformanceFixture("path_gateway_unixfs/symlink.car")
        try await TestGateway.with(fixture.content) { gw in
            let listing = try await gw.request("/ipfs/\(fixture.root)/")
            #expect(listing.text.contains(">foo<") && listing.text.contains(">bar<"))
            let raw = try await gw.request("/ipfs/\(fixture.root)?format=raw")
            #expect(raw.status == 200)
            #expect(raw.body == (try fixture.store.get(fixture.root)))
            let link = try await gw.request("/ipfs/\(fixture.root)/bar")
            #expect(link.status == 200)
            #expect(link.text == "foo", "a symlink is served as its target, never followed")
        }
    }

    // TestGatewayUnixFSFileRanges
    @Test func rangeRequests() async throws {
        let fixture = try ConformanceFixture("path_gateway_unixfs/dir-with-files.car")
        let ascii = try fixture.data("ascii.txt")
        try await TestGateway.with(fixture.content) { gw in
            let whole = try await gw.request("/ipfs/\(fixture.root)/ascii.txt")
            #expect(whole.status == 200 && whole.header("Accept-Ranges") == "bytes" && whole.body == ascii)

            let single = try await gw.request("/ipfs/\(fixture.root)/ascii.txt", headers: [("Range", "bytes=6-16")])
            #expect(single.status == 206)
            #expect(single.header("Content-Range") == "bytes 6-16/31")
            #expect(single.body == Array(ascii[6..<17]))

            let suffix = try await gw.request("/ipfs/\(fixture.root)/ascii.txt", headers: [("Range", "bytes=-3")])
            #expect(suffix.status == 206 && suffix.header("Content-Range") == "bytes 28-30/31" && suffix.body == Array(ascii[28..<31]))

            // Option A of the conformance test: the first range only.
            let multiple = try await gw.request("/ipfs/\(fixture.root)/ascii.txt", headers: [("Range", "bytes=6-16,0-4")])
            #expect(multiple.status == 206 && multiple.header("Content-Range") == "bytes 6-16/31" && multiple.body == Array(ascii[6..<17]))

            let beyond = try await gw.request("/ipfs/\(fixture.root)/ascii.txt", headers: [("Range", "bytes=31-")])
            #expect(beyond.status == 416 && beyond.header("Content-Range") == "bytes */31")

            let head = try await gw.request("/ipfs/\(fixture.root)/ascii.txt", method: .HEAD)
            #expect(head.status == 200 && head.body.isEmpty && head.header("Content-Length") == "31")
        }

        // A range of a multi-block file works when blocks outside it are missing from the gateway.
        let missing = try ConformanceFixture("trustless_gateway_car/file-3k-and-3-blocks-missing-block.car")
        let file = try #require(missing.store.roots.first)
        try await TestGateway.with(missing.content) { gw in
            let after = try await gw.request("/ipfs/\(file)", headers: [("Range", "bytes=997-1000")])
            #expect(after.status == 206 && after.header("Content-Range") == "bytes 997-1000/3072" && after.body.count == 4)
            let before = try await gw.request("/ipfs/\(file)", headers: [("Range", "bytes=2200-2201")])
            #expect(before.status == 206 && before.header("Content-Range") == "bytes 2200-2201/3072" && before.body.count == 2)
        }
    }

    // TestPathGatewayMiscellaneous
    @Test func percentEncodedFileName() async throws {
        let fixture = try ConformanceFixture("path_gateway_unixfs/dir-with-percent-encoded-filename.car")
        try await TestGateway.with(fixture.content) { gw in
            let response = try await gw.request("/ipfs/\(fixture.root)/Portugal%252C+Espa%C3%B1a=Peninsula%20Ib%C3%A9rica.txt")
            #expect(response.status == 200)
            #expect(response.body == (try fixture.data("Portugal%2C+España=Peninsula Ibérica.txt")))
        }
    }
}
