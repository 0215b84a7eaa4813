import ContentAddressing
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#endif

/// A response of the preview server.
struct Fetched {
    let status: Int
    let headers: [AnyHashable: Any]
    let body: Data

    func header(_ name: String) -> String? {
        headers.first { ($0.key as? String)?.lowercased() == name.lowercased() }?.value as? String
    }
}

extension ServePreviewTests {
    static let scriptStart = Data("<script data-blogctl-preview>".utf8)
    static let scriptEnd = Data("</script>\n".utf8)
    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    func get(_ path: String, port: Int) async throws -> Fetched {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
        let (body, response) = try await Self.session.data(from: url)
        let http = try #require(response as? HTTPURLResponse)
        return Fetched(status: http.statusCode, headers: http.allHeaderFields, body: body)
    }

    /// `blogctl build --no-cache` of the site into a new folder: its printed root CID and the folder.
    func freshBuild(_ extra: [String] = []) throws -> (cid: String, output: URL) {
        let output = scratch.appendingPathComponent("build-\(UUID().uuidString)")
        let built = try BlogctlRunner.run(["build", site.path, "--no-cache", "--output", output.path] + extra)
        #expect(built.status == 0, "\(built.stderr)")
        return (built.stdout.trimmingCharacters(in: .newlines), output)
    }

    /// `root` is a fresh build's, and every file of that build is served at `/` with those bytes
    /// (HTML pages with the reload script, once, which is all that differs).
    func expectServed(root: String, port: Int, step: String) async throws {
        let fresh = try freshBuild()
        defer { try? FileManager.default.removeItem(at: fresh.output) }
        #expect(root == fresh.cid, "after \(step): the root served is a fresh build's")
        let files = FileManager.default.enumerator(at: fresh.output, includingPropertiesForKeys: [.isRegularFileKey])!
        let base = fresh.output.standardizedFileURL.path.count
        var checked = 0
        for case let url as URL in files where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base))
            let served = try await get(try #require(path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)), port: port)
            #expect(served.status == 200, "after \(step): \(path)")
            var body = served.body
            if served.header("Content-Type")?.hasPrefix("text/html") == true {
                let (page, scripts) = Self.withoutPreviewScript(body)
                #expect(scripts == 1, "after \(step): \(path) has the reload script once")
                body = page
            }
            #expect(body == (try Data(contentsOf: url)), "after \(step): \(path) as built")
            checked += 1
        }
        #expect(checked > 30, "after \(step): \(checked) files")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path), "after \(step): serve never writes public/")
    }

    /// What is not a page is never given the script: the root block, a page's own block, the CAR.
    func expectRawBlocksHaveNoScript(root: String, port: Int) async throws {
        let rootBlock = try await get("/ipfs/\(root)/?format=raw", port: port)
        #expect(rootBlock.status == 200 && rootBlock.header("Content-Type") == "application/vnd.ipld.raw")
        #expect(Block(data: Array(rootBlock.body), codec: CID.dagPB, cidVersion: 1).cid.string == root, "the root block, unchanged")
        let fresh = try freshBuild()
        defer { try? FileManager.default.removeItem(at: fresh.output) }
        let pageBlock = try await get("/index.html?format=raw", port: port)
        #expect(pageBlock.body == (try Data(contentsOf: fresh.output.appendingPathComponent("index.html"))), "the home page's block as built")
        let car = try await get("/?format=car", port: port)
        #expect(car.status == 200 && car.body.count > 10_000)
        for body in [rootBlock.body, pageBlock.body, car.body] {
            #expect(body.range(of: Self.scriptStart) == nil)
        }
    }

    /// `page` without the preview's script, and how many there were.
    static func withoutPreviewScript(_ page: Data) -> (Data, Int) {
        var page = page
        var count = 0
        while let start = page.range(of: scriptStart), let end = page.range(of: scriptEnd, in: start.upperBound..<page.endIndex) {
            page.removeSubrange(start.lowerBound..<end.upperBound)
            count += 1
        }
        return (page, count)
    }

    /// The built-in footer with its colophon replaced by `colophon`.
    func footer(_ colophon: String) throws -> String {
        let builtIn = try String(contentsOf: Self.repository.appendingPathComponent("Templates/partials/footer.mustache"), encoding: .utf8)
        let edited = builtIn.replacingOccurrences(of: "{{t.published_with}}", with: colophon)
        #expect(edited != builtIn)
        return edited
    }

    func write(_ text: String, to path: String) throws {
        let url = site.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent(path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    func replace(_ old: String, with new: String, in path: String, atomically: Bool = false) throws {
        let url = site.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try #require(text.contains(old), "\(path) holds \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url, options: atomically ? .atomic : [])
    }

    /// `blogctl ARGUMENTS` fails with one line, `blogctl: error: …` naming `name`.
    func expectOneLineFailure(_ arguments: [String], naming name: String) throws {
        let result = try BlogctlRunner.run(arguments)
        #expect(result.status != 0, "\(arguments)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("blogctl: error: ") && lines[0].contains(name), "\(arguments): \(result.stderr)")
    }

    /// A socket listening on a free loopback port, and that port.
    static func listeningSocket() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }
}
