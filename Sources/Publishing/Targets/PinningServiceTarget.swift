import ContentAddressing
import Foundation

/// A service speaking the IPFS Pinning Service API v1 (Pinata, Filebase, 4EVERLAND, IPFS Cluster's
/// pinsvc endpoint…). It has no upload: the service fetches the DAG from `origins` (the kubo
/// targets' nodes). A later deployment replaces the site's oldest pin beyond `publish.keep`
/// (`POST /pins/{requestid}`; with `keep: 1`, the previous one), so blocks shared with it are not
/// fetched again and are never unpinned in between.
struct PinningServiceTarget: PublishTarget {
    let config: TargetConfig
    let endpoint: String
    let base: URL
    let token: Secret
    let origins: [String]?
    /// The pin's name: the site and a short CID.
    let siteName: String
    let transport: HTTPTransport
    var schedule = PollSchedule()

    func publish(_ job: TargetJob) async throws(PublishError) -> TargetRecord {
        let root = job.site.root
        var progress = TargetProgress(target: config.name, phase: "asking to pin")
        job.progress(progress)
        var status: PinStatus
        if let requestID = job.resume?.pin,
            let known = try await pinStatus(requestID), known.cid == root.string, known.status != "failed"
        {
            // An earlier run asked already: wait for that request (or find it done) rather than asking again.
            status = known
        } else if let found = try await existingRequest(for: root) {
            // An earlier run was stopped between asking and recording the request: take it up.
            status = found
            try await job.remember(record(.pending, pin: found.requestid))
        } else {
            let pin = Pin(cid: root.string, name: root.pinName(site: siteName),
                origins: origins ?? job.origins, meta: ["app": "blogctl", "site": siteName])
            var replaced: PinStatus?
            if let oldest = job.retired.first?.record.pin {
                replaced = try await send(pin, to: "pins/" + Self.escaped(oldest), purpose: "replace an old pin", allowMissing: true)
            }
            for (_, old) in job.retired.dropFirst() {
                guard let requestID = old.pin else { continue }
                let answer = try await transport.send(HTTPCall(method: .DELETE, url: base.appendingPathComponent("pins/" + Self.escaped(requestID)).absoluteString,
                    headers: headers, purpose: "remove an old pin"))
                guard answer.status == 202 || answer.status == 200 || answer.status == 404 else {
                    throw answer.failure(target: config.name, doing: "removing the old pin \(requestID)")
                }
            }
            if let replaced { status = replaced } else { status = try await send(pin, to: "pins", purpose: "ask to pin", allowMissing: false)! }
            try await job.remember(record(.pending, pin: status.requestid))
        }
        let deadline = ContinuousClock.now + job.timeout
        var poll = 0
        while status.status != "pinned" {
            if status.status == "failed" {
                let details = status.info?["status_details"].map { ": \($0)" } ?? ""
                throw .target(target: config.name, "the service could not pin \(root)\(details) (it fetches the blocks from \(status.pin.origins?.joined(separator: ", ") ?? "the network"))")
            }
            guard ContinuousClock.now < deadline else {
                throw .target(target: config.name, "still '\(status.status)' after \(job.timeout); run publish again to keep waiting")
            }
            progress.phase = "pin \(status.status)"
            job.progress(progress)
            try? await Task.sleep(for: schedule.wait(after: poll))
            poll += 1
            guard let next = try await pinStatus(status.requestid) else {
                throw .target(target: config.name, "the service lost pin request \(status.requestid)")
            }
            status = next
        }
        progress.phase = "pinned"
        job.progress(progress)
        return record(.pinned, pin: status.requestid)
    }

    func holds(_ cid: CID, record: TargetRecord) async throws(PublishError) -> Bool {
        guard let requestID = record.pin, let status = try await pinStatus(requestID) else { return false }
        return status.status == "pinned" && (try? CID(status.cid)) == cid
    }

    /// `POST` of `pin` to `path`: its status; nil when `allowMissing` and the path is 404 (a replaced pin that is gone).
    private func send(_ pin: Pin, to path: String, purpose: String, allowMissing: Bool) async throws(PublishError) -> PinStatus? {
        let body: Data
        do { body = try JSONEncoder().encode(pin) } catch { throw .target(target: config.name, "encoding the pin: \(error)") }
        let answer = try await transport.send(HTTPCall(method: .POST, url: base.appendingPathComponent(path).absoluteString,
            headers: headers + [("Content-Type", "application/json")], body: { .bytes(Array(body)) }, purpose: purpose))
        if allowMissing, answer.status == 404 { return nil }
        guard answer.status == 202 || answer.status == 200 else { throw answer.failure(target: config.name, doing: purpose) }
        return try decode(answer, purpose: purpose)
    }

    /// This site's live request for `root` (queued, pinning or pinned), found by CID and name.
    private func existingRequest(for root: CID) async throws(PublishError) -> PinStatus? {
        var components = URLComponents(url: base.appendingPathComponent("pins"), resolvingAgainstBaseURL: false)!
        components.queryItems = [URLQueryItem(name: "cid", value: root.string), URLQueryItem(name: "name", value: root.pinName(site: siteName)),
            URLQueryItem(name: "status", value: "queued,pinning,pinned"), URLQueryItem(name: "limit", value: "1")]
        let answer = try await transport.send(HTTPCall(method: .GET, url: components.url!.absoluteString, headers: headers,
            purpose: "look for an earlier request"))
        guard answer.status == 200 else { throw answer.failure(target: config.name, doing: "looking for an earlier pin request") }
        struct Results: Decodable { let results: [PinStatus] }
        do {
            return try JSONDecoder().decode(Results.self, from: Data(answer.body)).results.first
        } catch {
            throw .target(target: config.name, "looking for an earlier pin request: the answer is not a PinResults (\(error))")
        }
    }

    /// The status of `requestID`; nil when the service does not know it.
    private func pinStatus(_ requestID: String) async throws(PublishError) -> PinStatus? {
        let answer = try await transport.send(HTTPCall(method: .GET, url: base.appendingPathComponent("pins/" + Self.escaped(requestID)).absoluteString,
            headers: headers, purpose: "ask for the pin's status"))
        if answer.status == 404 { return nil }
        guard answer.status == 200 else { throw answer.failure(target: config.name, doing: "asking for the pin's status") }
        return try decode(answer, purpose: "reading the pin's status")
    }

    private var headers: [(String, String)] { [("Authorization", "Bearer " + token.value), ("Accept", "application/json")] }

    private func decode(_ answer: HTTPAnswer, purpose: String) throws(PublishError) -> PinStatus {
        do {
            return try JSONDecoder().decode(PinStatus.self, from: Data(answer.body))
        } catch {
            throw .target(target: config.name, "\(purpose): the answer is not a PinStatus (\(error))")
        }
    }

    /// A request id as one path segment.
    static func escaped(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? id
    }
}

/// The API's `Pin` object.
struct Pin: Codable, Sendable {
    var cid: String
    var name: String?
    var origins: [String]?
    var meta: [String: String]?
}

/// The API's `PinStatus` object.
struct PinStatus: Codable, Sendable {
    var requestid: String
    /// queued, pinning, pinned or failed.
    var status: String
    var created: String
    var pin: Pin
    var delegates: [String]
    var info: [String: String]?

    var cid: String { pin.cid }
}
