import ContentAddressing
import Foundation

/// A kubo node, through its RPC API (every command a POST; docs.ipfs.tech "Kubo RPC"). The CAR
/// goes to `dag/import`; when the node still holds the previous deployment, only the blocks that
/// deployment lacked are sent and the pin is moved with `pin/update` (cheap for shared blocks).
struct KuboTarget: PublishTarget {
    let config: TargetConfig
    let api: URL
    let authorization: Secret?
    let gateway: URL?
    let transport: HTTPTransport

    var endpoint: String { api.absoluteString }

    func publish(_ job: TargetJob) async throws(PublishError) -> TargetRecord {
        let root = job.site.root
        var progress = TargetProgress(target: config.name, phase: "checking the node's pins")
        job.progress(progress)
        if try await isPinned(root) {
            progress.phase = "already pinned"
            job.progress(progress)
            try await announce(root, job: job, progress: &progress)
            return record(.pinned, pin: root.string, bytes: job.resume?.bytesSent ?? 0, blocks: job.resume?.blocksSent ?? 0)
        }
        // The node still holds the previous deployment: send only what it lacks, then move the pin.
        if let previous = job.previous.flatMap({ try? CID($0.deployment.cid) }), let held = job.previousBlocks,
            try await isPinned(previous)
        {
            let delta: DAGBlocks
            do {
                delta = try DAGBlocks.walk(root: root, store: job.site.store, excluding: held.contains) { job.site.store.size(of: $0) }
            } catch {
                throw .target(target: config.name, "listing the blocks to send: \(error)")
            }
            let sent = try await importCAR(delta, pinRoots: false, job: job, progress: &progress)
            progress.phase = "pinning \(root) from the pin of \(previous)"
            job.progress(progress)
            // The previous pin stays (for rollback, up to publish.keep): `unpin=false`.
            let moved = try await call("pin/update", ["arg": [previous.string, root.string], "unpin": ["false"]], purpose: "update the pin")
            if moved.status == 200 {
                try await release(job.retired, progress: &progress, job: job)
                try await announce(root, job: job, progress: &progress)
                return record(.pinned, pin: root.string, bytes: sent.bytes, blocks: sent.blocks)
            }
            // The node lost blocks since (a garbage collection): send the whole DAG instead.
            progress.phase = "pin/update failed (\(HTTPTransport.summary(of: moved))); sending the whole site"
            job.progress(progress)
        }
        let sent = try await importCAR(job.site.blocks, pinRoots: true, job: job, progress: &progress)
        try await release(job.retired, progress: &progress, job: job)
        try await announce(root, job: job, progress: &progress)
        return record(.pinned, pin: root.string, bytes: sent.bytes, blocks: sent.blocks)
    }

    /// Unpins deployments beyond `publish.keep` (one already gone is fine).
    private func release(_ retired: [(deployment: Deployment, record: TargetRecord)], progress: inout TargetProgress, job: TargetJob)
        async throws(PublishError)
    {
        for (old, _) in retired {
            progress.phase = "unpinning \(old.cid) (older than publish.keep)"
            job.progress(progress)
            let answer = try await call("pin/rm", ["arg": [old.cid]], purpose: "unpin an old deployment")
            guard answer.status == 200 || answer.text.contains("not pinned") else {
                throw answer.failure(target: config.name, doing: "unpinning \(old.cid)")
            }
        }
    }

    func holds(_ cid: CID, record: TargetRecord) async throws(PublishError) -> Bool { try await isPinned(cid) }

    /// The node's multiaddrs that name its peer ID (what a pinning service fetches from).
    func origins() async -> [String] {
        guard let answer = try? await call("id", [:], purpose: "ask the node's addresses"), answer.status == 200,
            let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
            let addresses = object["Addresses"] as? [String]
        else { return [] }
        return addresses.filter { $0.contains("/p2p/") }.sorted()
    }

    /// Streams `blocks` as a CAR to `dag/import` and checks the node's answer for every root.
    private func importCAR(_ blocks: DAGBlocks, pinRoots: Bool, job: TargetJob, progress: inout TargetProgress)
        async throws(PublishError) -> (bytes: UInt64, blocks: Int)
    {
        let body = MultipartCAR.upload(blocks.blocks, of: job, phase: pinRoots ? "uploading the site" : "uploading the changed blocks",
            progress: &progress)
        let answer = try await call("dag/import", ["pin-roots": [pinRoots ? "true" : "false"], "stats": ["true"]],
            body: body, purpose: "upload the CAR", timeout: .seconds(3600))
        guard answer.status == 200 else { throw answer.failure(target: config.name, doing: "uploading the CAR") }
        var confirmed = !pinRoots
        for line in answer.text.split(whereSeparator: \.isNewline) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let rootObject = object["Root"] as? [String: Any]
            else { continue }
            let cid = (rootObject["Cid"] as? [String: Any])?["/"] as? String
            let pinError = rootObject["PinErrorMsg"] as? String ?? ""
            guard cid == job.site.root.string || cid.flatMap({ try? CID($0) }) == job.site.root else { continue }
            // An incomplete DAG is answered 200 with the reason here, not as an error.
            if !pinError.isEmpty { throw .target(target: config.name, "the node did not pin the site: \(pinError)") }
            confirmed = true
        }
        if !confirmed { throw .target(target: config.name, "dag/import answered without confirming the root \(job.site.root)") }
        progress.bytesSent = body.car.length
        progress.blocksSent = blocks.blocks.count
        job.progress(progress)
        return (body.car.length, blocks.blocks.count)
    }

    /// Whether the node holds `cid` pinned recursively.
    private func isPinned(_ cid: CID) async throws(PublishError) -> Bool {
        let answer = try await call("pin/ls", ["arg": [cid.string], "type": ["recursive"]], purpose: "ask for the pin")
        if answer.status == 200 {
            guard let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
                let keys = object["Keys"] as? [String: Any]
            else { return false }
            return keys.keys.contains { $0 == cid.string || (try? CID($0)) == cid }
        }
        // kubo answers 500 `… is not pinned` for a CID it does not pin.
        if answer.status == 500, answer.text.contains("not pinned") { return false }
        throw answer.failure(target: config.name, doing: "asking for the pin of \(cid)")
    }

    /// Announces `root` to the network (`provide/once`, or `routing/provide` on older nodes); a
    /// node that cannot (no network) is reported, not a failure: it holds the site either way.
    private func announce(_ root: CID, job: TargetJob, progress: inout TargetProgress) async throws(PublishError) {
        for command in ["provide/once", "routing/provide"] {
            let answer = try await call(command, ["arg": [root.string]], purpose: "announce the site")
            if answer.status == 404 { continue }
            progress.phase = answer.status == 200 ? "pinned and announced" : "pinned; not announced (\(HTTPTransport.summary(of: answer)))"
            job.progress(progress)
            return
        }
        progress.phase = "pinned; this node has no command to announce it"
        job.progress(progress)
    }

    /// kubo's answer to a command that failed: a 500 with `{"Message", "Code", "Type": "error"}` (a
    /// proxy's or an overloaded node's 500 has another body, and is tried again).
    @Sendable static func isCommandError(_ answer: HTTPAnswer) -> Bool {
        guard answer.status == 500, let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any] else { return false }
        return object["Type"] as? String == "error" && object["Message"] is String
    }

    private func call(_ command: String, _ arguments: [String: [String]], body: MultipartCAR? = nil, purpose: String,
        timeout: Duration = .seconds(120)) async throws(PublishError) -> HTTPAnswer
    {
        var components = URLComponents(url: api.appendingPathComponent("api/v0/" + command), resolvingAgainstBaseURL: false)!
        components.queryItems = arguments.keys.sorted().flatMap { name in arguments[name]!.map { URLQueryItem(name: name, value: $0) } }
        var headers: [(String, String)] = []
        if let authorization { headers.append(("Authorization", authorization.value)) }
        if let body { headers.append(("Content-Type", body.contentType)) }
        var request = HTTPCall(method: .POST, url: components.url!.absoluteString, headers: headers, timeout: timeout, purpose: purpose,
            isFinal: Self.isCommandError)
        if let body { request.body = { body.body() } }
        return try await transport.send(request)
    }
}
