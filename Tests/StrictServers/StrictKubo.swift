import ContentAddressing
import Foundation
import Gateway
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// kubo's RPC API as kubo v0.4x answers it (POST only, multipart CAR import with every block's
/// hash checked, recursive pins, `pin/update` refused when the old pin is missing, kubo's error
/// shapes, `API.Authorizations`), and its gateway over the same blocks on a second port.
public final class StrictKubo: Sendable {
    public let node: IPFSNode
    public let faults: FaultPlan
    public let api: RunningServer
    public let gateway: RunningServer
    /// CIDs announced with `routing/provide`.
    public var provided: [String] { announced.withLock { $0 } }
    private let announced: Shared<[String]>

    /// A node with no pins; with `authorization`, every RPC call must carry exactly that header value.
    public static func start(authorization: String? = nil, network: IPFSNetwork? = nil) async throws -> StrictKubo {
        let node = IPFSNode()
        network?.join(node)
        let faults = FaultPlan()
        let announced = Shared<[String]>([])
        let api = try await RunningServer.start(FaultingResponder(plan: faults, inner: KuboRPC(node: node, authorization: authorization, announced: announced)))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = GatewayServer(configuration: GatewayConfiguration(host: "127.0.0.1", port: 0), content: NodeContent(node: node))
        let gatewayTask = Task { try await server.run { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw StrictServerError("the gateway did not start") }
        return StrictKubo(node: node, faults: faults, api: api, gateway: RunningServer(port: port, task: gatewayTask), announced: announced)
    }

    private init(node: IPFSNode, faults: FaultPlan, api: RunningServer, gateway: RunningServer, announced: Shared<[String]>) {
        self.node = node
        self.faults = faults
        self.api = api
        self.gateway = gateway
        self.announced = announced
    }

    public func stop() async {
        await api.stop()
        await gateway.stop()
    }
}

/// The gateway's view of a node: its blocks, its pins as roots.
struct NodeContent: GatewayContent {
    let node: IPFSNode
    func snapshot() -> ContentSnapshot { ContentSnapshot(blocks: node.store, roots: node.pins, siteRoot: nil) }
}

/// The RPC commands blogctl uses, each as strict as kubo.
struct KuboRPC: HTTPResponder {
    typealias Context = BasicRequestContext
    let node: IPFSNode
    let authorization: String?
    let announced: Shared<[String]>

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix("/api/v0/") else { return Self.text(.notFound, "404 page not found") }
        guard request.method == .post else { return Self.text(.methodNotAllowed, "405 - Method Not Allowed") }
        if let origin = request.headers[.origin], !origin.hasPrefix("http://127.0.0.1") && !origin.hasPrefix("http://localhost") {
            return Self.text(.forbidden, "403 - Forbidden")
        }
        if let authorization, request.headers[.authorization] != authorization {
            return Self.text(.forbidden, "Kubo RPC Access Denied: Please provide a valid authorization token as defined in the API.Authorizations configuration.")
        }
        let arguments = Arguments(request.uri.queryParameters)
        do {
            switch String(path.dropFirst("/api/v0/".count)) {
            case "id": return Self.json(["ID": node.peerID, "Addresses": node.addresses, "AgentVersion": "kubo/0.42.0/strict-test", "Protocols": []])
            case "pin/ls": return try pinList(arguments)
            case "pin/add": return try pinAdd(arguments)
            case "pin/update": return try pinUpdate(arguments)
            case "pin/rm": return try pinRemove(arguments)
            case "dag/import": return try await dagImport(arguments, request: request)
            case "routing/provide": return try provide(arguments)
            default: return Self.text(.notFound, "404 page not found")
            }
        } catch let problem as ArgumentProblem {
            return Self.text(.badRequest, problem.message)
        } catch {
            return Self.commandError("\(error)")
        }
    }

    private func pinList(_ arguments: Arguments) throws -> Response {
        let type = try arguments.one("type") ?? "all"
        guard ["all", "direct", "indirect", "recursive"].contains(type) else {
            throw StrictServerError("invalid type '\(type)', must be one of {direct, indirect, recursive, all}")
        }
        let wanted = try arguments.all("arg").map(cid)
        var keys: [String: Any] = [:]
        if wanted.isEmpty {
            for pin in node.pins { keys[pin.string] = ["Type": "recursive"] }
        }
        for cid in wanted {
            guard node.isPinned(cid), type != "direct", type != "indirect" else { throw StrictServerError("path '\(cid)' is not pinned") }
            keys[cid.string] = ["Type": "recursive"]
        }
        return Self.json(["Keys": keys])
    }

    private func pinAdd(_ arguments: Arguments) throws -> Response {
        let roots = try arguments.required("arg", "ipfs-path").map(cid)
        for root in roots { try node.pin(root) }
        return Self.json(["Pins": roots.map(\.string)])
    }

    private func pinUpdate(_ arguments: Arguments) throws -> Response {
        let paths = try arguments.required("arg", "from-path")
        guard paths.count == 2 else { throw ArgumentProblem("argument \"to-path\" is required") }
        let unpin = try arguments.bool("unpin") ?? true
        let (from, to) = (try cid(paths[0]), try cid(paths[1]))
        guard node.isPinned(from) else { throw StrictServerError("'from' cid was not recursively pinned already") }
        guard !node.isPinned(to) else { throw StrictServerError("'to' cid was already recursively pinned") }
        try node.pin(to)
        if unpin { node.unpin(from) }
        return Self.json(["Pins": [from.string, to.string]])
    }

    private func pinRemove(_ arguments: Arguments) throws -> Response {
        let roots = try arguments.required("arg", "ipfs-path").map(cid)
        for root in roots where !node.unpin(root) { throw StrictServerError("\(root) is not pinned or pinned indirectly") }
        return Self.json(["Pins": roots.map(\.string)])
    }

    private func dagImport(_ arguments: Arguments, request: Request) async throws -> Response {
        let pinRoots = try arguments.bool("pin-roots") ?? true
        let stats = try arguments.bool("stats") ?? false
        // Up to 3 GiB: the benchmark uploads a site with a 2 GiB file.
        let files: [[UInt8]]
        do { files = try await Multipart.files(of: request, limit: 3 << 30) } catch let error as StrictServerError {
            throw ArgumentProblem(error.description)
        }
        guard !files.isEmpty else { throw ArgumentProblem("file argument 'path' is required") }
        var roots: [CID] = []
        var blocks = 0, bytes = 0
        for file in files {
            let imported = try node.importCAR(file)
            roots += imported.roots
            blocks += imported.blocks
            bytes += imported.bytes
        }
        var lines: [[String: Any]] = []
        if pinRoots {
            for root in roots {
                var message = ""
                do { try node.pin(root) } catch { message = error.description }
                lines.append(["Root": ["Cid": ["/": root.string], "PinErrorMsg": message]])
            }
        }
        if stats { lines.append(["Stats": ["BlockCount": blocks, "BlockBytesCount": bytes]]) }
        let text = lines.map { String(decoding: try! JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) + "\n" }.joined()
        return Response(status: .ok, headers: [.contentType: "application/json", HTTPField.Name("X-Chunked-Output")!: "1"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func provide(_ arguments: Arguments) throws -> Response {
        let roots = try arguments.required("arg", "key").map(cid)
        for root in roots where !node.store.has(root) { throw StrictServerError("block \(root) not found locally, cannot provide") }
        announced.withLock { $0 += roots.map(\.string) }
        return Self.json(["Extra": "", "ID": "", "Responses": NSNull(), "Type": 4])
    }

    private func cid(_ text: String) throws -> CID {
        let trimmed = text.hasPrefix("/ipfs/") ? String(text.dropFirst(6)) : text
        do { return try CID(trimmed) } catch { throw StrictServerError("invalid path \"\(text)\": \(error)") }
    }

    static func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"], body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// kubo's shape for a command that failed.
    static func commandError(_ message: String) -> Response {
        json(["Message": message, "Code": 0, "Type": "error"], status: .internalServerError)
    }
}

/// A 400: an argument kubo's command parser refuses.
struct ArgumentProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Query arguments as kubo's command parser reads them.
struct Arguments {
    let values: [String: [String]]

    init(_ parameters: Parameters) {
        var values: [String: [String]] = [:]
        for (name, value) in parameters { values[String(name), default: []].append(String(value)) }
        self.values = values
    }

    func all(_ name: String) -> [String] { values[name] ?? [] }

    func required(_ name: String, _ shownAs: String) throws -> [String] {
        guard let list = values[name], !list.isEmpty else { throw ArgumentProblem("argument \"\(shownAs)\" is required") }
        return list
    }

    func one(_ name: String) throws -> String? {
        guard let list = values[name] else { return nil }
        guard list.count == 1 else { throw ArgumentProblem("option \"\(name)\" given more than once") }
        return list[0]
    }

    func bool(_ name: String) throws -> Bool? {
        guard let text = try one(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw ArgumentProblem("Could not convert value '\(text)' to type 'bool' (for option '-\(name)')")
        }
    }
}
