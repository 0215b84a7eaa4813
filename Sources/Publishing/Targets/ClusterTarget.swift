import ContentAddressing
import Foundation

/// IPFS Cluster's REST API: the CAR goes to `add?format=car` with the wanted replication, then the
/// pin is watched until at least `replication_min` peers hold it.
struct ClusterTarget: PublishTarget {
    let config: TargetConfig
    let api: URL
    let authorization: Secret?
    let replicationMin: Int
    let replicationMax: Int
    let siteName: String
    let transport: HTTPTransport
    var schedule = PollSchedule()

    var endpoint: String { api.absoluteString }

    func publish(_ job: TargetJob) async throws(PublishError) -> TargetRecord {
        let root = job.site.root
        var progress = TargetProgress(target: config.name, phase: "checking the cluster's pins")
        job.progress(progress)
        var sent: (bytes: UInt64, blocks: Int) = (0, 0)
        if try await peers(root).pinned < replicationMin {
            sent = try await upload(job, progress: &progress)
            try await job.remember(record(.pending, pin: root.string, bytes: sent.bytes, blocks: sent.blocks))
        }
        let deadline = ContinuousClock.now + job.timeout
        var poll = 0
        while true {
            let state = try await peers(root)
            if state.pinned >= replicationMin { break }
            if state.pinned + state.working < replicationMin {
                throw .target(target: config.name, "only \(state.pinned) of the \(replicationMin) peers needed pinned \(root): \(state.errors.joined(separator: "; "))")
            }
            guard ContinuousClock.now < deadline else {
                throw .target(target: config.name, "\(state.pinned) of \(replicationMin) peers pinned after \(job.timeout); run publish again to keep waiting")
            }
            progress.phase = "\(state.pinned) of \(replicationMin) peers pinned"
            job.progress(progress)
            try? await Task.sleep(for: schedule.wait(after: poll))
            poll += 1
        }
        for (old, _) in job.retired {
            let answer = try await transport.send(HTTPCall(method: .DELETE, url: api.appendingPathComponent("pins/" + old.cid).absoluteString,
                headers: authHeaders, purpose: "unpin an old deployment"))
            guard answer.status == 200 || answer.status == 202 || answer.status == 404 else {
                throw answer.failure(target: config.name, doing: "unpinning \(old.cid)")
            }
        }
        progress.phase = "pinned on \(replicationMin)+ peers"
        job.progress(progress)
        return record(.pinned, pin: root.string, bytes: sent.bytes, blocks: sent.blocks)
    }

    func holds(_ cid: CID, record: TargetRecord) async throws(PublishError) -> Bool {
        try await peers(cid).pinned >= replicationMin
    }

    private func upload(_ job: TargetJob, progress: inout TargetProgress) async throws(PublishError) -> (bytes: UInt64, blocks: Int) {
        let body = MultipartCAR.upload(job.site.blocks.blocks, of: job, phase: "uploading the site", progress: &progress)
        var components = URLComponents(url: api.appendingPathComponent("add"), resolvingAgainstBaseURL: false)!
        // Both bounds: replication-min alone keeps the default max of -1 (everywhere), which the cluster refuses.
        components.queryItems = [URLQueryItem(name: "format", value: "car"), URLQueryItem(name: "name", value: job.site.root.pinName(site: siteName)),
            URLQueryItem(name: "replication-min", value: String(replicationMin)), URLQueryItem(name: "replication-max", value: String(replicationMax))]
        let answer = try await transport.send(HTTPCall(method: .POST, url: components.url!.absoluteString,
            headers: authHeaders + [("Content-Type", body.contentType)], body: { body.body() }, timeout: .seconds(3600), purpose: "upload the CAR"))
        guard answer.status == 200 else { throw answer.failure(target: config.name, doing: "uploading the CAR") }
        let added = answer.text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["cid"] as? String) ?? ((object["cid"] as? [String: Any])?["/"] as? String)
        }
        guard added.contains(where: { (try? CID($0)) == job.site.root }) else {
            throw .target(target: config.name, "the cluster's answer to the upload does not name the root \(job.site.root)")
        }
        return (body.car.length, job.site.blocks.blocks.count)
    }

    /// How many peers hold `cid`, how many are still working on it, and the errors of the others.
    private func peers(_ cid: CID) async throws(PublishError) -> (pinned: Int, working: Int, errors: [String]) {
        let answer = try await transport.send(HTTPCall(method: .GET, url: api.appendingPathComponent("pins/" + cid.string).absoluteString,
            headers: authHeaders, purpose: "ask for the pin's status"))
        if answer.status == 404 { return (0, replicationMin, []) }
        guard answer.status == 200 else { throw answer.failure(target: config.name, doing: "asking for the pin's status") }
        guard let object = try? JSONSerialization.jsonObject(with: Data(answer.body)) as? [String: Any],
            let peerMap = object["peer_map"] as? [String: [String: Any]]
        else { throw .target(target: config.name, "the pin's status has no peer_map") }
        var pinned = 0, working = 0
        var errors: [String] = []
        for (peer, info) in peerMap.sorted(by: { $0.key < $1.key }) {
            switch info["status"] as? String ?? "" {
            case "pinned": pinned += 1
            case "pin_queued", "pinning", "queued": working += 1
            case "remote", "sharded": continue
            case let other:
                let error = info["error"] as? String ?? ""
                errors.append("\(info["peername"] as? String ?? peer): \(other)\(error.isEmpty ? "" : " (\(error))")")
            }
        }
        return (pinned, working, errors)
    }

    private var authHeaders: [(String, String)] { authorization.map { [("Authorization", $0.value)] } ?? [] }
}
