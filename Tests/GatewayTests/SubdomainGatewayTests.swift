import ContentAddressing
import Foundation
import Gateway
import Testing

/// The subdomain gateway (`<cid>.ipfs.localhost:PORT`) and the redirect to it from `localhost/ipfs/<cid>`;
/// each test names the conformance test (tests/subdomain_gateway_ipfs_test.go) it follows.
@Suite(.enabled(if: hasConformanceCARs, "../shared/gateway-conformance is absent"))
struct SubdomainGatewayTests {
    // TestGatewaySubdomains
    @Test func subdomains() async throws {
        let fixture = try ConformanceFixture("subdomain_gateway/fixtures.car")
        let percent = try ConformanceFixture("path_gateway_unixfs/dir-with-percent-encoded-filename.car")
        let dir = try fixture.cid("testdirlisting")
        let v1 = try fixture.cid("hello-CIDv1"), v0 = try fixture.cid("hello-CIDv0"), v0to1 = try fixture.cid("hello-CIDv0to1")
        let tooLong = try fixture.cid("hello-CIDv1_TOO_LONG")
        let hello = String(decoding: try fixture.data("hello-CIDv1"), as: UTF8.self)
        let content = LiveContent(ContentSnapshot(blocks: UnionForTests([fixture.store, percent.store]), roots: [fixture.root, percent.root]))
        try await TestGateway.with(content) { gw in
            let host = gw.localhost
            for cid in [v1, dir] {
                let redirect = try await gw.request("/ipfs/\(cid)/", host: host)
                #expect(redirect.status == 301)
                #expect(redirect.header("Location")?.contains("http://\(cid).ipfs.\(host)/") == true)
            }
            let encoded = try await gw.request("/ipfs/\(percent.root)/Portugal%252C+Espa%C3%B1a=Peninsula%20Ib%C3%A9rica.txt", host: host)
            #expect(encoded.header("Location") == "http://\(percent.root).ipfs.\(host)/Portugal%252C+Espa%C3%B1a=Peninsula%20Ib%C3%A9rica.txt")
            #expect(v0.version == 0 && v0to1 == v0.v1)
            #expect(try await gw.request("/ipfs/\(v0)/", host: host).header("Location")?.contains("http://\(v0to1).ipfs.\(host)/") == true)

            let payload = try await gw.request("/", host: gw.subdomain(v1))
            #expect(payload.status == 200 && payload.text.contains(hello))
            #expect(try await gw.request("/ipfs/\(v1)/", host: gw.subdomain(v1)).status == 404, "/ipfs/ is not mounted on a subdomain")
            let inRoot = try await gw.request("/ipfs/file.txt", host: gw.subdomain(dir))
            #expect(inRoot.status == 200 && inRoot.text.contains("I am a txt file"))

            let listing = try await gw.request("/", host: gw.subdomain(dir))
            #expect(listing.text.contains("<a href=\"/hello\">hello</a>") && listing.text.contains("<a href=\"/ipfs\">ipfs</a>"))
            let sub = try await gw.request("/ipfs/ipns/", host: gw.subdomain(dir))
            #expect(sub.status == 200)
            #expect(sub.text.contains("<a href=\"/ipfs/ipns/..\">..</a>") && sub.text.contains("<a href=\"/ipfs/ipns/bar\">bar</a>"))
            #expect(sub.text.contains("Index of"))
            #expect(sub.text.contains("/ipfs/<a href=\"//\(host)/ipfs/\(dir)\">\(dir)</a>/<a href=\"//\(host)/ipfs/\(dir)/ipfs\">ipfs</a>/<a href=\"//\(host)/ipfs/\(dir)/ipfs/ipns\">ipns</a>"))
            #expect(try await gw.request("/ipfs/ipns/bar", host: gw.subdomain(dir)).text.contains("text-file-content"))

            let invalid = try await gw.request("/ipfs/QmInvalidCID", host: host)
            #expect(invalid.status == 400 && invalid.text.contains("invalid path \"/ipfs/QmInvalidCID\""))
            for proto in ["https", "http"] {
                let forwarded = try await gw.request("/ipfs/\(v1)/", host: host, headers: [("X-Forwarded-Proto", proto)])
                #expect(forwarded.header("Location") == "\(proto)://\(v1).ipfs.\(host)/")
            }
            let handler = try await gw.request("/ipfs/?uri=ipfs%3A%2F%2FQmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco%2Fwiki%2FDiego_Maradona.html", host: host)
            #expect(handler.status == 301 && handler.header("Location") == "/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/Diego_Maradona.html")

            let long = try await gw.request("/ipfs/\(tooLong)/", host: host)
            #expect(long.status == 400 && long.text.contains("CID incompatible with DNS label length limit of 63"))
            let longDirect = try await gw.request("/", host: "\(tooLong.v1).ipfs.\(host)")
            #expect(longDirect.status == 400 && longDirect.text.contains("CID incompatible with DNS label length limit of 63"))

            #expect(try await gw.request("/ipfs/\(v1)", host: "fake.domain.com").status == 200, "no Host match: a path gateway")
            for proto in ["https", "http"] {
                let forwardedHost = try await gw.request("/ipfs/\(v1)", host: "fake.domain.com", headers: [("X-Forwarded-Host", host), ("X-Forwarded-Proto", proto)])
                #expect(forwardedHost.status == 301 && forwardedHost.header("Location") == "\(proto)://\(v1).ipfs.\(host)/")
            }
            // 127.0.0.1 is not a subdomain gateway: the path form is served as is.
            #expect(try await gw.request("/ipfs/\(v1)").status == 200)
        }
    }

    // TestUnixFSDirectoryListingOnSubdomainGateway
    @Test func directoryListingOnSubdomain() async throws {
        let fixture = try ConformanceFixture("dir_listing/fixtures.car")
        let file = try fixture.cid("ą", "ę", "file-źł.txt")
        try await TestGateway.with(fixture.content) { gw in
            let host = gw.localhost
            let root = try await gw.request("/", host: gw.subdomain(fixture.root))
            #expect(root.text.contains("Index of") && !root.text.contains("<a href=\"/\">..</a>"))
            let redirect = try await gw.request("/%C4%85/%C4%99", host: gw.subdomain(fixture.root))
            #expect(redirect.status == 301 && redirect.header("Location") == "/%C4%85/%C4%99/")
            let listing = try await gw.request("/%C4%85/%C4%99/", host: gw.subdomain(fixture.root))
            #expect(listing.header("Etag")?.contains("\"DirIndex-") == true)
            let html = listing.text
            let r = fixture.root
            #expect(html.contains("<a href=\"/%C4%85/%C4%99/..\">..</a>"))
            #expect(html.contains("/ipfs/<a href=\"//\(host)/ipfs/\(r)\">\(r)</a>/<a href=\"//\(host)/ipfs/\(r)/%C4%85\">ą</a>/<a href=\"//\(host)/ipfs/\(r)/%C4%85/%C4%99\">ę</a>"))
            #expect(html.contains("<a href=\"/%C4%85/%C4%99/file-%C5%BA%C5%82.txt\">file-źł.txt</a>"))
            #expect(html.contains("<a class=\"ipfs-hash\" translate=\"no\" href=\"//\(host)/ipfs/\(file)?filename=file-%25C5%25BA%25C5%2582.txt\">"))
        }
    }
}

/// Several stores as one, for content made of several fixtures.
struct UnionForTests: BlockStore {
    let stores: [any BlockStore]
    init(_ stores: [any BlockStore]) { self.stores = stores }
    func put(_ block: Block) throws {}
    func get(_ cid: CID) throws -> [UInt8]? {
        for store in stores { if let data = try store.get(cid) { return data } }
        return nil
    }
}
