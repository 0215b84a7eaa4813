import ContentAddressing
import Foundation
import Gateway
import Testing

/// A site packed by the test (and SampleSite's own folder) served from a CAR: the site at `/` of a plain host,
/// the same DAG under `/ipfs/` and on its subdomain, every file byte for byte.
@Suite struct SiteServingTests {
    @Test func theSiteAtTheRootOfAPlainHost() async throws {
        let folder = try TemporaryFolder()
        let files = TestSite.files()
        let (car, root) = try await TestSite.car(files, in: folder.url)
        try await TestGateway.with(try CARContent(files: [car])) { gw in
            let home = try await gw.request("/")
            #expect(home.status == 200 && home.body == files["index.html"])
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("Cache-Control") == "no-cache", "the site at / is not immutable: it is whatever the server serves now")
            #expect(home.header("X-Ipfs-Path") == "/ipfs/\(root)/")

            let post = try await gw.request("/posts/hello-ipfs")
            #expect(post.status == 301 && post.header("Location") == "/posts/hello-ipfs/")
            #expect(try await gw.request("/posts/hello-ipfs/").body == files["posts/hello-ipfs/index.html"])
            #expect(try await gw.request("/css/site.css").header("Content-Type") == "text/css; charset=utf-8")
            #expect(try await gw.request("/notes/README").header("Content-Type") == "text/plain; charset=utf-8", "sniffed")

            // _redirects applies at / and on the subdomain, never under /ipfs/.
            let moved = try await gw.request("/old/hello-ipfs")
            #expect(moved.status == 301 && moved.header("Location") == "/posts/hello-ipfs")
            let missing = try await gw.request("/no/such/page")
            #expect(missing.status == 404 && missing.body == files["404.html"])
            let onSubdomain = try await gw.request("/no/such/page", host: gw.subdomain(root))
            #expect(onSubdomain.status == 404 && onSubdomain.body == files["404.html"])
            let onPath = try await gw.request("/ipfs/\(root)/no/such/page")
            #expect(onPath.status == 404 && onPath.body != files["404.html"])

            let listing = try await gw.request("/empty/")
            #expect(listing.status == 200 && listing.text.contains(">.keep</a>"))
            #expect(listing.header("Cache-Control") == "no-cache")
        }
    }

    @Test func bigFilesStreamWithRangesAcrossBlocks() async throws {
        let folder = try TemporaryFolder()
        let files = TestSite.files()
        let big = try #require(files["media/big.bin"])
        // The v0 profile cuts 256 KiB chunks: the ranges below cross chunk boundaries.
        let (car, root) = try await TestSite.car(files, in: folder.url, profile: .unixfsV0_2015)
        try await TestGateway.with(try CARContent(files: [car])) { gw in
            let whole = try await gw.request("/ipfs/\(root)/media/big.bin")
            #expect(whole.status == 200 && whole.body == big)
            #expect(whole.header("Content-Type") == "application/octet-stream")
            for (from, to) in [(262_140, 262_150), (0, 0), (1_000_000, 2_500_000), (big.count - 1, big.count - 1)] {
                let part = try await gw.request("/ipfs/\(root)/media/big.bin", headers: [("Range", "bytes=\(from)-\(to)")])
                #expect(part.status == 206)
                #expect(part.header("Content-Range") == "bytes \(from)-\(to)/\(big.count)")
                #expect(part.body == Array(big[from...to]))
            }
            let car = try await gw.request("/ipfs/\(root)/media/big.bin?format=car")
            let blocks = try CARBytes(car.body)
            #expect(blocks.roots == [root])
            #expect(blocks.blocks.reduce(0) { $0 + $1.data.count } > big.count, "every block of the file, each verified")
        }
    }

    @Test func sampleSiteFolderServedByteForByte() async throws {
        let sampleSite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleSite")
        let folder = try TemporaryFolder()
        let (car, root) = try await TestSite.pack(sampleSite, into: folder.url.appendingPathComponent("sample.car"))
        var paths: [String] = []
        let enumerator = try #require(FileManager.default.enumerator(at: sampleSite, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(sampleSite.standardizedFileURL.path.count + 1)))
        }
        #expect(paths.contains("site.yml") && paths.count > 5)
        try await TestGateway.with(try CARContent(files: [car])) { gw in
            for path in paths {
                let encoded = path.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! }.joined(separator: "/")
                let expected = try Array(Data(contentsOf: sampleSite.appendingPathComponent(path)))
                let viaSite = try await gw.request("/" + encoded)
                #expect(viaSite.status == 200 && viaSite.body == expected, "\(path)")
                let viaPath = try await gw.request("/ipfs/\(root)/" + encoded)
                #expect(viaPath.body == expected, "\(path)")
                if path.hasSuffix(".md") { #expect(viaSite.header("Content-Type") == "text/markdown; charset=utf-8") }
            }
        }
    }

    @Test func severalCARsWithoutASiteShowAnIndexOfTheirRoots() async throws {
        let folder = try TemporaryFolder()
        let one = try TemporaryFolder(), two = try TemporaryFolder()
        let (carA, rootA) = try await TestSite.car(["a.txt": Array("A".utf8)], in: one.url)
        let (carB, rootB) = try await TestSite.car(["b.txt": Array("B".utf8)], in: two.url)
        _ = folder
        try await TestGateway.with(try CARContent(files: [carA, carB])) { gw in
            let index = try await gw.request("/")
            #expect(index.status == 200)
            #expect(index.text.contains("href=\"/ipfs/\(rootA)/\"") && index.text.contains("href=\"/ipfs/\(rootB)/\""))
            #expect(try await gw.request("/a.txt").status == 404)
            #expect(try await gw.request("/ipfs/\(rootA)/a.txt").text == "A")
            #expect(try await gw.request("/ipfs/\(rootB)/b.txt").text == "B")
        }
    }

    @Test func unreadableCARsAreRefusedNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let bogus = folder.url.appendingPathComponent("bogus.car")
        try Data("not a car".utf8).write(to: bogus)
        #expect { try CARContent(files: [bogus]) } throws: { "\($0)".contains(bogus.path) }
        let absent = folder.url.appendingPathComponent("absent.car")
        #expect { try CARContent(files: [absent]) } throws: { "\($0)".contains(absent.path) }
    }
}
