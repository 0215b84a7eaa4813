import AsyncHTTPClient
import ContentAddressing
import Foundation
import NIOCore
import NIOHTTP1
import StrictServers
import Testing

/// The stand-ins refuse what the real services refuse: a test against them can only pass when the
/// client speaks the published contract.
@Suite struct StrictServersTests {
    struct Answer {
        let status: Int
        let headers: HTTPHeaders
        let text: String
        var json: [String: Any]? { try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] }
    }

    static func send(_ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 24)
        return Answer(status: Int(response.status.code), headers: response.headers, text: String(buffer: bytes))
    }

    /// A small DAG and its CAR, and the CAR wrapped as kubo's and Cluster's upload commands take it.
    static func dag(_ files: [String: String] = ["index.html": "home", "a/b.html": String(repeating: "b", count: 3000)]) async throws -> (root: CID, car: [UInt8]) {
        let store = MemoryBlockStore()
        let root = try await Importer.importTree(InMemoryTree(files: files.mapValues { Array($0.utf8) }), into: store).root
        let blocks = try DAGBlocks.walk(root: root, store: store)
        return (root, Array(CARPieces(root: root, blocks: blocks.blocks, store: store).joined()))
    }

    static func multipart(_ car: [UInt8]) -> (contentType: String, body: [UInt8]) {
        let boundary = "test-boundary"
        let body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.car\"\r\nContent-Type: application/vnd.ipld.car\r\n\r\n".utf8)
            + car + Array("\r\n--\(boundary)--\r\n".utf8)
        return ("multipart/form-data; boundary=\(boundary)", body)
    }

    @Test func kuboRefusesWhatKuboRefuses() async throws {
        let kubo = try await StrictKubo.start(authorization: "Bearer k")
        let api = kubo.api.url.absoluteString + "/api/v0/"
        let auth = [("Authorization", "Bearer k")]
        #expect(try await Self.send(.GET, api + "id", headers: auth).status == 405, "every command is a POST")
        #expect(try await Self.send(.POST, api + "id").status == 403, "API.Authorizations: missing")
        #expect(try await Self.send(.POST, api + "id", headers: [("Authorization", "Bearer x")]).status == 403, "wrong")
        #expect(try await Self.send(.POST, api + "id", headers: auth + [("Origin", "https://evil.example")]).status == 403, "a foreign origin")
        #expect(try await Self.send(.POST, api + "no/such", headers: auth).status == 404)

        let (root, car) = try await Self.dag()
        let notPinned = try await Self.send(.POST, api + "pin/ls?arg=\(root)&type=recursive", headers: auth)
        #expect(notPinned.status == 500 && notPinned.json?["Type"] as? String == "error" && (notPinned.json?["Message"] as? String)?.contains("not pinned") == true)
        #expect(try await Self.send(.POST, api + "pin/ls?type=sideways", headers: auth).status == 500)
        #expect(try await Self.send(.POST, api + "dag/import?pin-roots=maybe", headers: auth).status == 400, "a bool that is not one")
        #expect(try await Self.send(.POST, api + "dag/import", headers: auth + [("Content-Type", "application/octet-stream")], body: car).status == 400,
            "the CAR must be a multipart file")

        // A changed byte: refused whole, nothing kept.
        var corrupt = car
        corrupt[corrupt.count - 5] ^= 1
        let bad = Self.multipart(corrupt)
        let refused = try await Self.send(.POST, api + "dag/import", headers: auth + [("Content-Type", bad.contentType)], body: bad.body)
        #expect(refused.status == 500 && refused.text.contains("does not match its hash"))
        #expect(kubo.node.blocksReceived == 0)

        // A CAR cut inside a block cannot be read; a whole CAR of an incomplete DAG is taken, with the reason in PinErrorMsg.
        let cut = Self.multipart(Array(car.dropLast(3)))
        #expect(try await Self.send(.POST, api + "dag/import", headers: auth + [("Content-Type", cut.contentType)], body: cut.body).status == 500)
        let store = MemoryBlockStore()
        let partialRoot = try await Importer.importTree(InMemoryTree(files: ["x.html": Array(repeating: 120, count: 600_000)]), into: store).root
        let partialBlocks = try DAGBlocks.walk(root: partialRoot, store: store).blocks.dropLast()
        let partial = Self.multipart(Array(CARPieces(root: partialRoot, blocks: Array(partialBlocks), store: store).joined()))
        let incomplete = try await Self.send(.POST, api + "dag/import", headers: auth + [("Content-Type", partial.contentType)], body: partial.body)
        #expect(incomplete.status == 200 && incomplete.text.contains("could not find"), "\(incomplete.text)")
        #expect(!kubo.node.isPinned(partialRoot))

        let good = Self.multipart(car)
        let imported = try await Self.send(.POST, api + "dag/import?stats=true", headers: auth + [("Content-Type", good.contentType)], body: good.body)
        #expect(imported.status == 200 && imported.text.contains("\"PinErrorMsg\":\"\"") && imported.text.contains("BlockCount"))
        #expect(kubo.node.pins == [root])

        let (other, otherCar) = try await Self.dag(["index.html": "other"])
        let otherPart = Self.multipart(otherCar)
        _ = try await Self.send(.POST, api + "dag/import?pin-roots=false", headers: auth + [("Content-Type", otherPart.contentType)], body: otherPart.body)
        let missingFrom = try await Self.send(.POST, api + "pin/update?arg=\(other)&arg=\(root)", headers: auth)
        #expect(missingFrom.status == 500 && missingFrom.text.contains("'from' cid was not recursively pinned already"))
        let alreadyTo = try await Self.send(.POST, api + "pin/update?arg=\(root)&arg=\(root)", headers: auth)
        #expect(alreadyTo.status == 500 && alreadyTo.text.contains("'to' cid was already recursively pinned"))
        #expect(try await Self.send(.POST, api + "pin/update?arg=\(root)", headers: auth).status == 400)
        #expect(try await Self.send(.POST, api + "pin/update?arg=\(root)&arg=\(other)&unpin=false", headers: auth).status == 200)
        #expect(kubo.node.pins == [root, other])
        // The node's gateway serves what it holds.
        #expect(try await Self.send(.GET, kubo.gateway.url.absoluteString + "/ipfs/\(root)/index.html").text == "home")
        await kubo.stop()
    }

    @Test func thePinningServiceFollowsItsOpenAPIFile() async throws {
        let network = IPFSNetwork()
        let service = try await StrictPinningService.start(token: "t", network: network)
        let pins = service.server.url.absoluteString + "/pins"
        let auth = [("Authorization", "Bearer t"), ("Content-Type", "application/json")]
        let (root, _) = try await Self.dag()
        #expect(try await Self.send(.GET, pins).status == 401)
        #expect(try await Self.send(.GET, pins, headers: [("Authorization", "Bearer nope")]).json?["error"] != nil)
        for body in [#"{"name":"no cid"}"#, #"{"cid":"not-a-cid"}"#, #"{"cid":"\#(root)","origins":["/ip4/1.2.3.4/tcp/4001"]}"#,
            #"{"cid":"\#(root)","name":"\#(String(repeating: "n", count: 256))"}"#, #"{"cid":"\#(root)","meta":{"a":1}}"#]
        {
            let answer = try await Self.send(.POST, pins, headers: auth, body: Array(body.utf8))
            #expect(answer.status == 400 && (answer.json?["error"] as? [String: Any])?["reason"] as? String == "BAD_REQUEST", "\(body)")
        }
        #expect(try await Self.send(.GET, pins + "/unknown", headers: auth).status == 404)

        // Nobody provides it: queued, pinning, then failed with the reason.
        let created = try await Self.send(.POST, pins, headers: auth, body: Array(#"{"cid":"\#(root)","name":"x"}"#.utf8))
        #expect(created.status == 202 && created.json?["status"] as? String == "queued")
        let id = try #require(created.json?["requestid"] as? String)
        #expect(id != root.string, "request ids are opaque")
        var statuses: [String] = []
        for _ in 0..<5 { statuses.append(try await Self.send(.GET, pins + "/\(id)", headers: auth).json?["status"] as? String ?? "") }
        #expect(statuses == ["pinning", "pinning", "pinning", "failed", "failed"])
        // GET /pins without status lists only pinned ones.
        #expect(try await Self.send(.GET, pins, headers: auth).json?["count"] as? Int == 0)
        #expect(try await Self.send(.GET, pins + "?status=failed", headers: auth).json?["count"] as? Int == 1)
        #expect(try await Self.send(.DELETE, pins + "/\(id)", headers: auth).status == 202)
        #expect(try await Self.send(.DELETE, pins + "/\(id)", headers: auth).status == 404)
        service.behaviour.quota = 0
        let over = try await Self.send(.POST, pins, headers: auth, body: Array(#"{"cid":"\#(root)"}"#.utf8))
        #expect(over.status == 409 && (over.json?["error"] as? [String: Any])?["reason"] as? String == "INSUFFICIENT_FUNDS")
        await service.stop()
    }

    @Test func theClusterChecksReplicationAndReportsEachPeer() async throws {
        let cluster = try await StrictCluster.start(peers: 2)
        let base = cluster.server.url.absoluteString
        let (root, car) = try await Self.dag()
        let part = Self.multipart(car)
        let headers = [("Content-Type", part.contentType)]
        #expect(try await Self.send(.POST, base + "/add?format=car&replication-min=1", headers: headers, body: part.body).status == 400,
            "min alone leaves max at -1")
        let tooMany = try await Self.send(.POST, base + "/add?format=car&replication-min=3&replication-max=3", headers: headers, body: part.body)
        #expect(tooMany.status == 500 && tooMany.json?["message"] as? String != nil)
        let added = try await Self.send(.POST, base + "/add?format=car&replication-min=2&replication-max=2&name=s", headers: headers, body: part.body)
        #expect(added.status == 200 && added.text.contains("\"cid\":\"\(root)\""))
        var statuses: [[String]] = []
        for _ in 0..<3 {
            let info = try await Self.send(.GET, base + "/pins/\(root)").json
            let peerMap = info?["peer_map"] as? [String: [String: Any]] ?? [:]
            statuses.append(peerMap.values.compactMap { $0["status"] as? String }.sorted())
        }
        #expect(statuses == [["pin_queued", "pin_queued"], ["pinning", "pinning"], ["pinned", "pinned"]])
        #expect(try await Self.send(.DELETE, base + "/pins/\(root)").status == 200)
        #expect(try await Self.send(.DELETE, base + "/pins/\(root)").status == 404)
        await cluster.stop()
    }
}
