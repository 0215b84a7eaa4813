import ContentAddressing
import Foundation
import Gateway
import Testing

/// Requests an attacker or a broken client sends, over raw TCP: each gets a 4xx (never a 5xx, never a crash),
/// and the server goes on answering a good request afterwards.
@Suite struct HostileRequestTests {
    static func site() async throws -> (CARContent, CID, TemporaryFolder) {
        let folder = try TemporaryFolder()
        let (car, root) = try await TestSite.car(TestSite.files(), in: folder.url)
        return (try CARContent(files: [car]), root, folder)
    }

    /// What follows the request line of a well-formed request.
    static let host = "Host: 127.0.0.1\r\n\r\n"

    static func corpus(root: CID) -> [(name: String, request: [UInt8])] {
        let r = root.string
        let cases: [(String, String)] = [
            ("dot-dot", "GET /ipfs/\(r)/../../etc/passwd HTTP/1.1\r\n\(host)"),
            ("encoded dot-dot", "GET /ipfs/\(r)/%2e%2e/%2E%2E/etc/passwd HTTP/1.1\r\n\(host)"),
            ("dot-dot on the site", "GET /../../etc/passwd HTTP/1.1\r\n\(host)"),
            ("encoded slash", "GET /ipfs/\(r)/posts%2Fhello-ipfs HTTP/1.1\r\n\(host)"),
            ("encoded NUL", "GET /ipfs/\(r)/index.html%00.txt HTTP/1.1\r\n\(host)"),
            ("broken escape", "GET /ipfs/\(r)/%zz HTTP/1.1\r\n\(host)"),
            ("invalid UTF-8", "GET /ipfs/\(r)/%ff%fe HTTP/1.1\r\n\(host)"),
            ("invalid UTF-8 in the query", "GET /ipfs/\(r)/?filename=%c3%28 HTTP/1.1\r\n\(host)"),
            ("overlong path", "GET /ipfs/\(r)/" + String(repeating: "a/", count: 6_000) + " HTTP/1.1\r\n\(host)"),
            ("overlong header", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + String(repeating: "x", count: 100_000) + "\r\n\r\n"),
            ("too many headers", "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String(repeating: "X-A: b\r\n", count: 500) + "\r\n"),
            ("invalid CID", "GET /ipfs/not-a-cid/ HTTP/1.1\r\n\(host)"),
            ("CID of an unknown multibase", "GET /ipfs/mAXASIA HTTP/1.1\r\n\(host)"),
            ("unknown CID", "GET /ipfs/bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e HTTP/1.1\r\n\(host)"),
            ("invalid subdomain CID", "GET / HTTP/1.1\r\nHost: nonsense.ipfs.localhost\r\n\r\n"),
            ("IPNS subdomain", "GET / HTTP/1.1\r\nHost: example.ipns.localhost\r\n\r\n"),
            ("bad Range syntax", "GET /ipfs/\(r)/media/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=abc\r\n\r\n"),
            ("reversed Range", "GET /ipfs/\(r)/media/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=9-1\r\n\r\n"),
            ("Range of another unit", "GET /ipfs/\(r)/media/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: items=0-1\r\n\r\n"),
            ("Range past the end", "GET /ipfs/\(r)/css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=99999999-\r\n\r\n"),
            ("huge Range numbers", "GET /ipfs/\(r)/css/site.css HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=99999999999999999999999-1\r\n\r\n"),
            ("absolute-form target", "GET http://evil.example/ipfs/\(r)/ HTTP/1.1\r\n\(host)"),
            ("asterisk target", "OPTIONS * HTTP/1.1\r\n\(host)"),
            ("missing Host", "GET / HTTP/1.1\r\n\r\n"),
            ("missing Host, HTTP/1.0", "GET / HTTP/1.0\r\n\r\n"),
            ("malformed Host", "GET / HTTP/1.1\r\nHost: a/b@c\r\n\r\n"),
            ("POST", "POST /ipfs/\(r)/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n\r\nabc"),
            ("DELETE", "DELETE /ipfs/\(r)/ HTTP/1.1\r\n\(host)"),
            ("unknown format", "GET /ipfs/\(r)/?format=tar HTTP/1.1\r\n\(host)"),
            ("bad dag-scope", "GET /ipfs/\(r)/?format=car&dag-scope=%00 HTTP/1.1\r\n\(host)"),
            ("bad entity-bytes", "GET /ipfs/\(r)/?format=car&entity-bytes=1:2:3 HTTP/1.1\r\n\(host)"),
            ("CARv2 asked", "GET /ipfs/\(r)/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/vnd.ipld.car; version=2\r\n\r\n"),
            ("bad uri handler", "GET /ipfs/?uri=javascript:alert(1) HTTP/1.1\r\n\(host)"),
            ("path through a file", "GET /ipfs/\(r)/css/site.css/x HTTP/1.1\r\n\(host)"),
            ("missing page", "GET /ipfs/\(r)/nope HTTP/1.1\r\n\(host)"),
        ]
        var all = cases.map { ($0.0, Array($0.1.utf8)) }
        all.append(("raw NUL in the path", Array("GET /ipfs/\(r)/a".utf8) + [0] + Array(" HTTP/1.1\r\n\(host)".utf8)))
        all.append(("TLS handshake bytes", [0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, 0xfc, 0x03, 0x03] + Array(repeating: 0x41, count: 64)))
        all.append(("request line without version", Array("GET /\r\n\r\n".utf8)))
        return all
    }

    @Test func everyHostileRequestGetsA4xxAndTheServerGoesOn() async throws {
        let (content, root, folder) = try await Self.site()
        _ = folder
        try await TestGateway.with(content) { gw in
            for (name, request) in Self.corpus(root: root) {
                let connection = try RawConnection(port: gw.port)
                connection.send(request)
                let (status, head) = connection.readResponse()
                let code = try #require(status, "\(name): no response (\(head.prefix(80)))")
                #expect((400..<500).contains(code), "\(name): \(code) \(head.prefix(120))")
                let good = try await gw.request("/ipfs/\(root)/css/site.css")
                #expect(good.status == 200, "after \(name)")
            }
        }
    }

    @Test func halfSentRequestsAreClosedByTheIdleTimeoutWhileOthersAreServed() async throws {
        let (content, root, folder) = try await Self.site()
        _ = folder
        try await TestGateway.with(content, configure: { $0.idleTimeout = .seconds(1) }) { gw in
            // A slowloris client: one header byte every 200 ms for 30 s, never finishing the request head.
            let slow = try RawConnection(port: gw.port, receiveTimeout: 25)
            let stalled = try RawConnection(port: gw.port, receiveTimeout: 25)
            stalled.send("GET /ipfs/\(root)/index.html HTTP/1.1\r\nHost: 127.0.")
            let trickle = Task.detached {
                for byte in Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8) + Array(repeating: UInt8(ascii: "z"), count: 120) {
                    slow.send([byte])
                    try? await Task.sleep(for: .milliseconds(200))
                    if Task.isCancelled { return false }
                }
                return true
            }
            for _ in 0..<10 {
                #expect(try await gw.request("/ipfs/\(root)/index.html").status == 200, "others are served meanwhile")
            }
            #expect(stalled.isClosedByServer(), "a half-sent request is closed by the idle timeout")
            #expect(slow.isClosedByServer(), "trickled bytes that never make a request head do not keep a connection open")
            trickle.cancel()
            #expect(await trickle.value == false, "closed while the trickle was still going, not after it")
            #expect(try await gw.request("/ipfs/\(root)/index.html").status == 200)
        }
    }
}
