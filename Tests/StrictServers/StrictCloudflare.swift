import Foundation
import Hummingbird
import NIOCore

/// Cloudflare's API v4 for DNS records of one zone (developers.cloudflare.com/api): bearer token,
/// zones looked up by name, TXT records listed page by page (per_page capped to make paging
/// happen), created, patched and deleted, with Cloudflare's envelope, error codes and checks
/// (TTL 1 or 60-86400, names inside the zone, identical records refused, TXT content quoted or warned about).
public final class StrictCloudflare: Sendable {
    public let faults: FaultPlan
    public let server: RunningServer
    public let zoneID: String
    let state: Shared<CloudflareState>

    /// The API base URL blogctl is given (`…/client/v4`).
    public var api: URL { server.url.appendingPathComponent("client/v4") }

    public static func start(zone: String, token: String, perPageCap: Int = 2) async throws -> StrictCloudflare {
        let faults = FaultPlan()
        let zoneID = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let state = Shared(CloudflareState(zone: zone.lowercased(), perPageCap: perPageCap))
        let server = try await RunningServer.start(FaultingResponder(plan: faults, inner: CloudflareAPI(token: token, zoneID: zoneID, state: state)))
        return StrictCloudflare(faults: faults, server: server, zoneID: zoneID, state: state)
    }

    private init(faults: FaultPlan, server: RunningServer, zoneID: String, state: Shared<CloudflareState>) {
        self.faults = faults
        self.server = server
        self.zoneID = zoneID
        self.state = state
    }

    /// Adds a TXT record as another hand would (through the dashboard, say).
    public func insertTXT(_ name: String, content: String) {
        state.withLock { $0.add(type: "TXT", name: name, content: content, ttl: 1) }
    }

    /// The TXT contents at `name`, as stored (quoted character-strings).
    public func txt(at name: String) -> [String] {
        state.value.records.filter { $0.type == "TXT" && $0.name == name.lowercased() }.map(\.content).sorted()
    }

    /// Warnings Cloudflare would have sent back (unquoted TXT content).
    public var warnings: [String] { state.value.warnings }

    public func stop() async { await server.stop() }
}

struct CloudflareState: Sendable {
    struct Record: Sendable {
        var id: String
        var type: String
        var name: String
        var content: String
        var ttl: Int
    }

    let zone: String
    let perPageCap: Int
    var records: [Record] = []
    var warnings: [String] = []

    mutating func add(type: String, name: String, content: String, ttl: Int) {
        records.append(Record(id: UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased(), type: type, name: name.lowercased(), content: content, ttl: ttl))
    }
}

struct CloudflareAPI: HTTPResponder {
    typealias Context = BasicRequestContext
    let token: String
    let zoneID: String
    let state: Shared<CloudflareState>

    func respond(to request: Request, context: Context) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            return Self.failure(.badRequest, 9106, "Missing X-Auth-Key, X-Auth-Email or Authorization headers")
        }
        guard header == "Bearer \(token)" else { return Self.failure(.forbidden, 10000, "Authentication error") }
        let segments = request.uri.path.split(separator: "/").map(String.init)
        guard segments.starts(with: ["client", "v4", "zones"]) else { return Self.failure(.notFound, 7000, "No route for that URI") }
        let rest = Array(segments.dropFirst(3))
        let arguments = Arguments(request.uri.queryParameters)
        switch (request.method, rest.count) {
        case (.get, 0):
            let name = arguments.all("name").first?.lowercased()
            let zone = state.value.zone
            let result: [[String: Any]] = name == nil || name == zone ? [["id": zoneID, "name": zone, "status": "active"]] : []
            return Self.success(result, info: ["page": 1, "per_page": 20, "count": result.count, "total_count": result.count, "total_pages": 1])
        case (_, 2...3) where rest[0] == zoneID && rest[1] == "dns_records":
            return try await records(request, arguments: arguments, id: rest.count == 3 ? rest[2] : nil)
        case (_, 1...):
            return Self.failure(.notFound, 7003, "Could not route to \(request.uri.path), perhaps your object identifier is invalid?")
        default:
            return Self.failure(.methodNotAllowed, 10405, "Method not allowed")
        }
    }

    private func records(_ request: Request, arguments: Arguments, id: String?) async throws -> Response {
        switch (request.method, id) {
        case (.get, nil):
            let type = arguments.all("type").first
            let name = arguments.all("name").first?.lowercased()
            let perPage = min(Int(arguments.all("per_page").first ?? "100") ?? 100, state.value.perPageCap)
            let page = Int(arguments.all("page").first ?? "1") ?? 0
            guard page >= 1, perPage >= 1 else { return Self.failure(.badRequest, 1004, "DNS Validation Error: page and per_page must be positive") }
            let matching = state.value.records.filter { (type == nil || $0.type == type) && (name == nil || $0.name == name) }
            let slice = matching.dropFirst((page - 1) * perPage).prefix(perPage)
            let pages = max(1, (matching.count + perPage - 1) / perPage)
            return Self.success(slice.map(Self.object), info: ["page": page, "per_page": perPage, "count": slice.count,
                "total_count": matching.count, "total_pages": pages])
        case (.post, nil), (.patch, _?), (.put, _?):
            let body = try await request.body.collect(upTo: 1 << 16)
            guard request.headers[.contentType]?.hasPrefix("application/json") == true,
                let fields = (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any]
            else { return Self.failure(.badRequest, 9207, "Request body is invalid.") }
            return change(fields, id: id, replacing: request.method != .post)
        case (.delete, let id?):
            let removed = state.withLock { state -> Bool in
                guard let index = state.records.firstIndex(where: { $0.id == id }) else { return false }
                state.records.remove(at: index)
                return true
            }
            return removed ? Self.success(["id": id]) : Self.failure(.notFound, 81044, "Record does not exist.")
        default:
            return Self.failure(.methodNotAllowed, 10405, "Method not allowed")
        }
    }

    /// A create (`id` nil) or an edit, with Cloudflare's checks.
    private func change(_ fields: [String: Any], id: String?, replacing: Bool) -> Response {
        state.withLock { state -> Response in
            let existing = id.flatMap { id in state.records.firstIndex { $0.id == id } }
            if id != nil, existing == nil { return Self.failure(.notFound, 81044, "Record does not exist.") }
            let old = existing.map { state.records[$0] }
            guard let type = fields["type"] as? String ?? old?.type, type == "TXT" || old != nil else {
                return Self.failure(.badRequest, 9000, "DNS record type is invalid.")
            }
            guard let name = (fields["name"] as? String ?? old?.name)?.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) else {
                return Self.failure(.badRequest, 9005, "Content for the name is required")
            }
            guard name == state.zone || name.hasSuffix("." + state.zone) else {
                return Self.failure(.badRequest, 9005, "Record name \(name) is not in zone \(state.zone)")
            }
            guard let content = fields["content"] as? String ?? old?.content else { return Self.failure(.badRequest, 9021, "Content is required") }
            guard content.utf8.count <= 2048 else { return Self.failure(.badRequest, 9100, "TXT content is too long (2048 at most)") }
            let ttl = fields["ttl"] as? Int ?? old?.ttl ?? 1
            guard ttl == 1 || (60...86400).contains(ttl) else {
                return Self.failure(.badRequest, 9021, "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic.")
            }
            if state.records.contains(where: { $0.id != id && $0.type == type && $0.name == name && $0.content == content }) {
                return Self.failure(.badRequest, 81058, "An identical record already exists.")
            }
            if !content.hasPrefix("\"") { state.warnings.append("Content for TXT record is invalid. Must be enclosed in quotes") }
            let record: CloudflareState.Record
            if let existing {
                state.records[existing].name = name
                state.records[existing].content = content
                state.records[existing].ttl = ttl
                record = state.records[existing]
            } else {
                state.add(type: type, name: name, content: content, ttl: ttl)
                record = state.records[state.records.count - 1]
            }
            return Self.success(Self.object(record))
        }
    }

    static func object(_ record: CloudflareState.Record) -> [String: Any] {
        ["id": record.id, "type": record.type, "name": record.name, "content": record.content, "ttl": record.ttl, "proxied": false]
    }

    static func success(_ result: Any, info: [String: Any]? = nil) -> Response {
        var envelope: [String: Any] = ["success": true, "errors": [], "messages": [], "result": result]
        if let info { envelope["result_info"] = info }
        return json(envelope, status: .ok)
    }

    static func failure(_ status: HTTPResponse.Status, _ code: Int, _ message: String) -> Response {
        json(["success": false, "errors": [["code": code, "message": message]], "messages": [], "result": NSNull()], status: status)
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status) -> Response {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
