import ContentAddressing
import Foundation
import Hummingbird
import NIOCore

/// IPFS Cluster's REST API (v1.1) for what blogctl uses: `POST /add?format=car` (the CAR checked
/// block by block, answered at once in NDJSON), `GET /pins/{cid}` with each peer's status moving
/// pin_queued -> pinning -> pinned (or pin_error on a broken peer, or when the DAG is incomplete),
/// `DELETE /pins/{cid}`; replication bounds checked as the cluster checks them; Cluster's error shape.
public final class StrictCluster: Sendable {
    public let faults: FaultPlan
    public let server: RunningServer
    /// The cluster's peers, each with its own node.
    public let peers: [IPFSNode]
    let state: Shared<ClusterState>

    public static func start(peers count: Int, authorization: String? = nil) async throws -> StrictCluster {
        let faults = FaultPlan()
        let peers = (0..<count).map { _ in IPFSNode() }
        let state = Shared(ClusterState())
        let server = try await RunningServer.start(FaultingResponder(plan: faults, inner: ClusterAPI(peers: peers, authorization: authorization, state: state)))
        return StrictCluster(faults: faults, server: server, peers: peers, state: state)
    }

    private init(faults: FaultPlan, server: RunningServer, peers: [IPFSNode], state: Shared<ClusterState>) {
        self.faults = faults
        self.server = server
        self.peers = peers
        self.state = state
    }

    /// Peers (by index) that fail every pin with this error.
    public func breakPeers(_ indexes: Set<Int>, error: String = "context deadline exceeded") {
        state.withLock { $0.broken = Dictionary(uniqueKeysWithValues: indexes.map { ($0, error) }) }
    }

    /// The CIDs the cluster tracks, with the peers each is allocated to.
    public var pinset: [String: [Int]] { state.value.pins.mapValues(\.allocations) }

    public func stop() async { await server.stop() }
}

struct ClusterState: Sendable {
    struct Tracked: Sendable {
        var name: String
        var allocations: [Int]
        /// Status reads so far: each moves every allocated peer one step.
        var polls = 0
        var created: Date
    }

    var pins: [String: Tracked] = [:]
    var broken: [Int: String] = [:]
}

struct ClusterAPI: HTTPResponder {
    typealias Context = BasicRequestContext
    let peers: [IPFSNode]
    let authorization: String?
    let state: Shared<ClusterState>

    func respond(to request: Request, context: Context) async throws -> Response {
        if let authorization, request.headers[.authorization] != authorization {
            return Self.error(.unauthorized, "Unauthorized")
        }
        let segments = request.uri.path.split(separator: "/").map(String.init)
        switch (request.method, segments.first, segments.count) {
        case (.post, "add", 1): return try await add(request)
        case (.get, "pins", 2): return status(segments[1])
        case (.delete, "pins", 2): return remove(segments[1])
        case (.get, "id", 1): return Self.json(["id": peers[0].peerID, "peername": "peer0", "version": "1.1.4"])
        default: return Self.error(.notFound, "404 page not found")
        }
    }

    private func add(_ request: Request) async throws -> Response {
        let arguments = Arguments(request.uri.queryParameters)
        guard arguments.all("format").first == "car" else {
            return Self.error(.badRequest, "this server takes only format=car uploads")
        }
        let minimum = Int(arguments.all("replication-min").first ?? "-1") ?? -2
        let maximum = Int(arguments.all("replication-max").first ?? "-1") ?? -2
        guard minimum >= -1, maximum >= -1 else { return Self.error(.badRequest, "replication factors must be integers") }
        // As the cluster's pin options validation: -1 means everywhere, and a bounded min needs a bounded max >= it.
        if minimum != -1, maximum == -1 || maximum < minimum {
            return Self.error(.badRequest, "wrong replication factors: replication-max must be at least replication-min")
        }
        let wanted = minimum == -1 ? peers.count : maximum
        if minimum > peers.count {
            return Self.error(.internalServerError, "not enough peers to allocate CID. Needed at least: \(minimum). Wanted at most: \(maximum). Available candidates: \(peers.count)")
        }
        let files: [[UInt8]]
        do { files = try await Multipart.files(of: request, limit: 1 << 30) } catch let error as StrictServerError {
            return Self.error(.badRequest, error.description)
        }
        guard files.count == 1 else { return Self.error(.badRequest, "a CAR upload takes exactly one file, not \(files.count)") }
        // The first peer receives the upload; the others fetch from it when they pin.
        let imported: (roots: [CID], blocks: Int, bytes: Int)
        do { imported = try peers[0].importCAR(files[0]) } catch { return Self.error(.internalServerError, error.description) }
        guard imported.roots.count == 1, let root = imported.roots.first else {
            return Self.error(.badRequest, "a CAR upload must have exactly one root")
        }
        let name = arguments.all("name").first ?? ""
        let allocations = Array(0..<min(wanted, peers.count))
        state.withLock { $0.pins[root.string] = ClusterState.Tracked(name: name, allocations: allocations, created: Date()) }
        let line = ["name": name, "cid": root.string, "size": imported.bytes, "allocations": allocations.map { peers[$0].peerID }] as [String: Any]
        let text = String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self) + "\n"
        return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The global pin info: each peer's status, moved on one step per read.
    private func status(_ text: String) -> Response {
        guard let cid = try? CID(text) else { return Self.error(.badRequest, "error decoding Cid: \(text)") }
        let tracked: ClusterState.Tracked? = state.withLock { state in
            guard var entry = state.pins[cid.string] else { return nil }
            entry.polls += 1
            state.pins[cid.string] = entry
            return entry
        }
        let broken = state.value.broken
        var peerMap: [String: Any] = [:]
        for (index, peer) in peers.enumerated() {
            var status = "unpinned"
            var error = ""
            if let tracked, tracked.allocations.contains(index) {
                if let reason = broken[index] {
                    status = "pin_error"
                    error = reason
                } else if tracked.polls < 3 {
                    status = tracked.polls == 1 ? "pin_queued" : "pinning"
                } else if peer.isPinned(cid) || (index == 0 || peer.fetch(cid, from: peers[0])) && (try? peer.pin(cid)) != nil {
                    status = "pinned"
                } else {
                    status = "pin_error"
                    error = "block was not found locally (offline): \(peers[0].missingBlock(under: cid).map(\.string) ?? cid.string)"
                }
            } else if tracked != nil {
                status = "remote"
            }
            peerMap[peer.peerID] = ["peername": "peer\(index)", "ipfs_peer_id": peer.peerID, "status": status, "error": error,
                "timestamp": "2026-01-01T00:00:00Z", "attempt_count": 0, "priority_pin": false]
        }
        return Self.json(["cid": cid.string, "name": tracked?.name ?? "", "allocations": tracked?.allocations.map { peers[$0].peerID } ?? [],
            "origins": [], "metadata": NSNull(), "peer_map": peerMap])
    }

    private func remove(_ text: String) -> Response {
        guard let cid = try? CID(text) else { return Self.error(.badRequest, "error decoding Cid: \(text)") }
        guard let removed = state.withLock({ $0.pins.removeValue(forKey: cid.string) }) else {
            return Self.error(.notFound, "cid is not part of the global state")
        }
        for index in removed.allocations { peers[index].unpin(cid) }
        return Self.json(["cid": cid.string, "name": removed.name])
    }

    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        json(["code": Int(status.code), "message": message], status: status)
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
