import ContentAddressing
import Foundation
import Hummingbird
import NIOCore

/// The IPFS Pinning Service API v1 as its OpenAPI file (ipfs/pinning-services-api-spec) describes
/// it: bearer auth, validated bodies, opaque request ids, statuses moving queued -> pinning ->
/// pinned as the service fetches the DAG from the pin's origins (or any provider on `network`),
/// or failed when nobody has all of it; replace and delete; a pin quota answered with 409.
public final class StrictPinningService: Sendable {
    public let faults: FaultPlan
    public let server: RunningServer
    /// The service's own node: what it holds once a pin is `pinned`.
    public let node: IPFSNode
    /// The bearer token it takes.
    public let token: String
    let state: Shared<PinningState>

    /// What the tests steer.
    public struct Behaviour: Sendable {
        /// Pins stay `queued` while true (a busy service).
        public var hold = false
        /// Status reads a pin spends `pinning` while its content cannot be found before it is `failed`.
        public var searchPolls = 3
        /// Pins the account may hold (beyond it: 409 INSUFFICIENT_FUNDS).
        public var quota = 1000
    }

    public static func start(token: String, network: IPFSNetwork) async throws -> StrictPinningService {
        let faults = FaultPlan()
        let node = IPFSNode()
        let state = Shared(PinningState())
        let api = PinningAPI(token: token, network: network, node: node, state: state)
        let server = try await RunningServer.start(FaultingResponder(plan: faults, inner: api))
        return StrictPinningService(faults: faults, server: server, node: node, token: token, state: state)
    }

    private init(faults: FaultPlan, server: RunningServer, node: IPFSNode, token: String, state: Shared<PinningState>) {
        self.token = token
        self.faults = faults
        self.server = server
        self.node = node
        self.state = state
    }

    public var behaviour: Behaviour {
        get { state.value.behaviour }
        set { state.withLock { $0.behaviour = newValue } }
    }

    /// Every pin request the service holds, by request id.
    public var pins: [String: (cid: String, status: String, name: String?)] {
        state.value.pins.mapValues { ($0.pin.cid, $0.status, $0.pin.name) }
    }

    /// How many pin requests were created (`POST /pins` and replacements).
    public var created: Int { state.value.created }

    public func stop() async { await server.stop() }
}

struct PinningState: Sendable {
    struct Entry: Sendable {
        var pin: ServicePin
        var status: String
        var created: Date
        var polls = 0
    }

    var pins: [String: Entry] = [:]
    var created = 0
    var behaviour = StrictPinningService.Behaviour()
}

/// The API's `Pin`, decoded strictly: `cid` is required, nothing else may have the wrong type.
struct ServicePin: Codable, Sendable {
    var cid: String
    var name: String?
    var origins: [String]?
    var meta: [String: String]?
}

struct PinningAPI: HTTPResponder {
    typealias Context = BasicRequestContext
    let token: String
    let network: IPFSNetwork
    let node: IPFSNode
    let state: Shared<PinningState>

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "), header.dropFirst(7) == token else {
            return Self.error(.unauthorized, "UNAUTHORIZED", "Access token is missing or invalid")
        }
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard segments.first == "pins", segments.count <= 2 else { return Self.error(.notFound, "NOT_FOUND", "no such endpoint") }
        let requestID = segments.count == 2 ? segments[1].removingPercentEncoding ?? segments[1] : nil
        switch (request.method, requestID) {
        case (.get, nil): return list(Arguments(request.uri.queryParameters))
        case (.post, nil): return try await create(request, replacing: nil)
        case (.get, let id?): return status(id)
        case (.post, let id?): return try await create(request, replacing: id)
        case (.delete, let id?):
            let removed = state.withLock { $0.pins.removeValue(forKey: id) != nil }
            return removed ? Response(status: .accepted) : Self.error(.notFound, "NOT_FOUND", "The specified resource was not found")
        default:
            return Self.error(.methodNotAllowed, "METHOD_NOT_ALLOWED", "\(request.method) is not allowed here")
        }
    }

    private func create(_ request: Request, replacing: String?) async throws -> Response {
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
            return Self.error(.badRequest, "BAD_REQUEST", "Content-Type must be application/json")
        }
        let body = try await request.body.collect(upTo: 1 << 20)
        let pin: ServicePin
        do { pin = try JSONDecoder().decode(ServicePin.self, from: Data(buffer: body)) } catch {
            return Self.error(.badRequest, "BAD_REQUEST", "the body is not a Pin object: \(error)")
        }
        if let problem = Self.problem(with: pin) { return Self.error(.badRequest, "BAD_REQUEST", problem) }
        let outcome: Result<(String, PinningState.Entry), PinningRefusal> = state.withLock { state in
            if let replacing, state.pins[replacing] == nil { return .failure(.notFound) }
            if replacing == nil, state.pins.count >= state.behaviour.quota { return .failure(.quota(state.behaviour.quota)) }
            if let replacing { state.pins.removeValue(forKey: replacing) }
            let id = UUID().uuidString.lowercased()
            let entry = PinningState.Entry(pin: pin, status: "queued", created: Date())
            state.pins[id] = entry
            state.created += 1
            return .success((id, entry))
        }
        switch outcome {
        case .failure(.notFound): return Self.error(.notFound, "NOT_FOUND", "The specified resource was not found")
        case .failure(.quota(let quota)): return Self.error(.conflict, "INSUFFICIENT_FUNDS", "the account may hold \(quota) pins")
        case .success(let (id, entry)): return Self.json(Self.statusObject(id, entry, delegates: node.addresses), status: .accepted)
        }
    }

    /// The status of `id`, moved on one step: queued -> pinning -> pinned once a provider holds the whole DAG, or failed.
    private func status(_ id: String) -> Response {
        let entry: PinningState.Entry? = state.withLock { state in
            guard var entry = state.pins[id] else { return nil }
            if !state.behaviour.hold {
                switch entry.status {
                case "queued": entry.status = "pinning"
                case "pinning":
                    entry.polls += 1
                    if fetch(entry.pin) { entry.status = "pinned" } else if entry.polls >= state.behaviour.searchPolls { entry.status = "failed" }
                default: break
                }
            }
            state.pins[id] = entry
            return entry
        }
        guard let entry else { return Self.error(.notFound, "NOT_FOUND", "The specified resource was not found") }
        return Self.json(Self.statusObject(id, entry, delegates: node.addresses))
    }

    /// Copies the DAG from an origin or, failing that, any node on the network that provides it.
    private func fetch(_ pin: ServicePin) -> Bool {
        guard let root = try? CID(pin.cid) else { return false }
        let origins = (pin.origins ?? []).compactMap(network.node(at:))
        for source in origins + network.providers(of: root) where node.fetch(root, from: source) {
            try? node.pin(root)
            return true
        }
        return false
    }

    private func list(_ arguments: Arguments) -> Response {
        let statuses = (arguments.all("status").first ?? "pinned").split(separator: ",").map(String.init)
        guard statuses.allSatisfy(["queued", "pinning", "pinned", "failed"].contains) else {
            return Self.error(.badRequest, "BAD_REQUEST", "status must be queued, pinning, pinned or failed")
        }
        let cids = arguments.all("cid").first.map { $0.split(separator: ",").map(String.init) }
        let limit = arguments.all("limit").first.flatMap(Int.init) ?? 10
        guard (1...1000).contains(limit) else { return Self.error(.badRequest, "BAD_REQUEST", "limit must be 1 to 1000") }
        let name = arguments.all("name").first
        let matching = state.value.pins.filter { _, entry in
            statuses.contains(entry.status) && (cids?.contains(entry.pin.cid) ?? true) && (name.map { $0 == entry.pin.name } ?? true)
        }.sorted { $0.value.created > $1.value.created }
        let results = matching.prefix(limit).map { Self.statusObject($0.key, $0.value, delegates: node.addresses) }
        return Self.json(["count": matching.count, "results": results])
    }

    /// What the spec's schema refuses in a `Pin`.
    static func problem(with pin: ServicePin) -> String? {
        guard (try? CID(pin.cid)) != nil else { return "cid '\(pin.cid)' is not a CID" }
        if let name = pin.name, name.count > 255 { return "name is longer than 255 characters" }
        if let origins = pin.origins {
            guard origins.count <= 20 else { return "at most 20 origins" }
            for origin in origins where !origin.hasPrefix("/") || !origin.contains("/p2p/") {
                return "origin '\(origin)' is not a multiaddr ending in /p2p/<peerID>"
            }
        }
        if let meta = pin.meta {
            guard meta.count <= 1000 else { return "at most 1000 meta entries" }
            for (key, value) in meta where key.count > 255 || value.count > 65536 { return "meta '\(key.prefix(20))' is too long" }
        }
        return nil
    }

    static func statusObject(_ id: String, _ entry: PinningState.Entry, delegates: [String]) -> [String: Any] {
        var pin: [String: Any] = ["cid": entry.pin.cid]
        if let name = entry.pin.name { pin["name"] = name }
        if let origins = entry.pin.origins { pin["origins"] = origins }
        if let meta = entry.pin.meta { pin["meta"] = meta }
        var info: [String: String] = [:]
        if entry.status == "failed" { info["status_details"] = "no provider of \(entry.pin.cid) had the whole DAG" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return ["requestid": id, "status": entry.status, "created": formatter.string(from: entry.created), "pin": pin,
            "delegates": Array(delegates.prefix(1)), "info": info]
    }

    static func error(_ status: HTTPResponse.Status, _ reason: String, _ details: String) -> Response {
        json(["error": ["reason": reason, "details": details]], status: status)
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}

enum PinningRefusal: Error {
    case notFound
    case quota(Int)
}
