import ContentAddressing
import Foundation
import Gateway
import Testing

/// `_redirects` on subdomain and DNSLink-style hosts, never on the path gateway; each test names the
/// conformance test (tests/redirects_file_test.go) it follows.
@Suite(.enabled(if: hasConformanceCARs, "../shared/gateway-conformance is absent"))
struct RedirectsFileTests {
    // TestRedirectsFileSupport
    @Test func redirectsOnSubdomains() async throws {
        let fixture = try ConformanceFixture("redirects_file/redirects.car")
        let examples = try fixture.cid("examples")
        try await TestGateway.with(fixture.content) { gw in
            let host = gw.subdomain(examples)
            let redirects: [(String, Int, String)] = [
                ("/redirect-one", 301, "/one.html"), ("/301-redirect-one", 301, "/one.html"), ("/302-redirect-two", 302, "/two.html"),
                ("/posts/2022/01/01/hello-world", 301, "/articles/2022/01/01/hello-world"),
                ("/splat/one.html", 301, "/redirected-splat/one.html"),
            ]
            for (path, status, location) in redirects {
                let response = try await gw.request(path, host: host)
                #expect(response.status == status && response.header("Location") == location, "\(path)")
            }
            for path in ["/200-index", "/catch-all"] {
                let rewrite = try await gw.request(path, host: host)
                #expect(rewrite.status == 200 && rewrite.text.contains("my index"), "\(path)")
            }
            for (path, status, page) in [("/not-found/has-no-redirects-entry", 404, "404.html"), ("/gone/has-no-redirects-entry", 410, "410.html"),
                                         ("/unavail/has-no-redirects-entry", 451, "451.html")] {
                let custom = try await gw.request(path, host: host)
                #expect(custom.status == status)
                #expect(custom.header("Cache-Control") == "public, max-age=29030400, immutable")
                #expect(custom.header("Etag") == "\"\(try fixture.cid("examples", page))\"")
                #expect(custom.body == (try fixture.data("examples", page)))
            }
            // Existing paths are never redirected (no forced redirects).
            #expect(try await gw.request("/one.html", host: host).status == 200)

            let forced = try await gw.request("/not-found", host: gw.subdomain(try fixture.cid("forced")))
            #expect(forced.status == 500 && forced.text.contains("could not parse _redirects:"))
            let tooLarge = try await gw.request("/not-found", host: gw.subdomain(try fixture.cid("too-large")))
            #expect(tooLarge.status == 500 && tooLarge.text.contains("could not parse _redirects:") && tooLarge.text.contains("redirects file size cannot exceed"))
            let newlines = try await gw.request("/redirect-one", host: gw.subdomain(try fixture.cid("newlines")))
            #expect(newlines.status == 301 && newlines.header("Location") == "/one.html")
            let good = try await gw.request("/a301", host: gw.subdomain(try fixture.cid("good-codes")))
            #expect(good.status == 301 && good.header("Location") == "/b301")
            let bad = try await gw.request("/found.html", host: gw.subdomain(try fixture.cid("bad-codes")))
            #expect(bad.status == 200 && bad.text.contains("my found") && !bad.text.contains("unsupported redirect status"))

            // The path gateway never reads _redirects: there is no origin isolation under /ipfs/.
            #expect(try await gw.request("/ipfs/\(examples)/redirect-one").status == 404)
            #expect(try await gw.request("/ipfs/\(examples)/not-found/x").status == 404)
        }
    }

    // TestRedirectsFileSupportWithDNSLink: our "DNSLink-style" site at / of a plain host.
    @Test func redirectsOnTheSiteRoot() async throws {
        let fixture = try ConformanceFixture("redirects_file/redirects.car")
        let examples = try fixture.cid("examples")
        let content = LiveContent(ContentSnapshot(blocks: fixture.store, roots: [fixture.root], siteRoot: examples))
        try await TestGateway.with(content) { gw in
            for host in ["dnslink-redirects-examples.example.org", "127.0.0.1:\(gw.port)", gw.localhost] {
                let redirect = try await gw.request("/redirect-one", host: host)
                #expect(redirect.status == 301 && redirect.header("Location") == "/one.html", "\(host)")
                let notFound = try await gw.request("/not-found/has-no-redirects-entry", host: host)
                #expect(notFound.status == 404)
                #expect(notFound.header("Etag") == "\"Qmd9GD7Bauh6N2ZLfNnYS3b7QVAijbud83b8GE8LPMNBBP\"")
                #expect(notFound.header("Cache-Control")?.contains("immutable") == false)
                #expect(notFound.header("Date") != nil)
                #expect(notFound.text.contains("my 404"))
            }
        }
    }

    // TestRedirectsFileWithIfNoneMatchHeader
    @Test func rewritesAnswerIfNoneMatch() async throws {
        let fixture = try ConformanceFixture("redirects_file/redirects-spa.car")
        let content = LiveContent(ContentSnapshot(blocks: fixture.store, roots: [fixture.root]))
        try await TestGateway.with(content) { gw in
            for host in [gw.subdomain(fixture.root), "dnslink-enabled-with-spa.example.org"] {
                let page = try await gw.request("/missing-page", host: host, headers: [("Accept", "text/html")])
                #expect(page.status == 200)
                let etag = try #require(page.header("Etag"))
                let again = try await gw.request("/missing-page", host: host, headers: [("Accept", "text/html"), ("If-None-Match", etag)])
                #expect(again.status == 304, "\(host)")
            }
        }
    }
}
