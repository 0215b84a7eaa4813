import Foundation
import POSIXFiles

/// One deployment as `.blogctl/deployments.json` records it. Names of targets and of the
/// variables holding their secrets appear there, never a secret.
public struct Deployment: Codable, Sendable, Equatable {
    /// When it started, ISO 8601 in UTC.
    public var time: String
    public var cid: String
    public var profile: String
    /// Blocks and bytes of the site's DAG.
    public var blocks: Int
    public var bytes: UInt64
    /// Every required target confirmed and every verification passed.
    public var complete: Bool
    public var targets: [TargetRecord]
    /// Gateways the site was fetched back from, whole.
    public var verified: [String]
    /// The DNSLink change that pointed the domain at this deployment, once applied.
    public var dnslink: DNSLinkRecord?

    public init(time: String, cid: String, profile: String, blocks: Int, bytes: UInt64) {
        self.time = time
        self.cid = cid
        self.profile = profile
        self.blocks = blocks
        self.bytes = bytes
        complete = false
        targets = []
        verified = []
    }

    /// The record of target `name`.
    public func target(_ name: String) -> TargetRecord? { targets.first { $0.name == name } }

    mutating func set(_ record: TargetRecord) {
        if let index = targets.firstIndex(where: { $0.name == record.name }) { targets[index] = record } else { targets.append(record) }
    }
}

/// A DNSLink record pointed at a deployment.
public struct DNSLinkRecord: Codable, Sendable, Equatable {
    /// `_dnslink.<domain>`.
    public var name: String
    public var value: String
    /// The dnslink value before, for `rollback`.
    public var previous: String?
    /// When it was applied (ISO 8601, UTC); nil while it waits (a manual provider with --no-wait).
    public var applied: String?
    public var provider: String
}

/// What one target did for a deployment.
public struct TargetRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Asked to pin, not confirmed yet (a rerun waits for it instead of asking again).
        case pending
        /// The target holds the whole DAG (a CAR target: the file is written).
        case pinned
        case failed
        /// Pinned once, unpinned since (beyond `publish.keep`).
        case released
    }

    public var name: String
    public var type: String
    /// Where the target is (its API or path), so a changed configuration is not taken for the same target.
    public var endpoint: String
    public var status: Status
    /// The pin's identity at the target: a pinning service's request id, a cluster's or node's CID.
    public var pin: String?
    public var bytesSent: UInt64
    public var blocksSent: Int
    public var error: String?

    public init(name: String, type: String, endpoint: String, status: Status, pin: String? = nil, bytesSent: UInt64 = 0,
        blocksSent: Int = 0, error: String? = nil)
    {
        self.name = name
        self.type = type
        self.endpoint = endpoint
        self.status = status
        self.pin = pin
        self.bytesSent = bytesSent
        self.blocksSent = blocksSent
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case name, type, endpoint, status, pin, error
        case bytesSent = "bytes_sent"
        case blocksSent = "blocks_sent"
    }
}

/// `.blogctl/deployments.json` in the site folder: every deployment, oldest first, rewritten whole
/// through a temporary file and a rename (a killed publish never leaves it half written).
public struct DeploymentLog: Sendable {
    public let file: URL
    public private(set) var deployments: [Deployment] = []

    private struct Stored: Codable {
        var version: Int
        var deployments: [Deployment]
    }

    /// The log of the site folder `siteDirectory`.
    public static func file(in siteDirectory: URL) -> URL {
        siteDirectory.appendingPathComponent(".blogctl").appendingPathComponent("deployments.json")
    }

    /// Reads the log (empty when there is none); throws `.record` for a file that is not one.
    public init(siteDirectory: URL) throws(PublishError) {
        file = Self.file(in: siteDirectory)
        guard let data = FileManager.default.contents(atPath: file.path) else { return }
        do {
            let stored = try JSONDecoder().decode(Stored.self, from: data)
            guard stored.version == 1 else { throw PublishError.record("\(file.path): version \(stored.version) is newer than this blogctl reads") }
            deployments = stored.deployments
        } catch let error as PublishError {
            throw error
        } catch {
            throw .record("\(file.path) is damaged (\(error)); move it away to start a new log")
        }
    }

    /// The newest deployment of `cid`.
    public func latest(cid: String) -> Deployment? { deployments.last { $0.cid == cid } }

    /// The newest complete deployment.
    public var lastComplete: Deployment? { deployments.last { $0.complete } }

    /// The newest complete deployment of `cid`.
    public func complete(cid: String) -> Deployment? { deployments.last { $0.complete && $0.cid == cid } }

    /// The newest deployment in which target `name` (at `endpoint`) holds the DAG.
    public func lastPinned(target name: String, endpoint: String) -> (deployment: Deployment, record: TargetRecord)? {
        for deployment in deployments.reversed() {
            if let record = deployment.target(name), record.endpoint == endpoint, record.status == .pinned { return (deployment, record) }
        }
        return nil
    }

    /// The deployments target `name` (at `endpoint`) still holds pinned, newest first.
    public func pinned(target name: String, endpoint: String) -> [(deployment: Deployment, record: TargetRecord)] {
        deployments.reversed().compactMap { deployment in
            guard let record = deployment.target(name), record.endpoint == endpoint, record.status == .pinned else { return nil }
            return (deployment, record)
        }
    }

    /// Notes that the DNSLink record now points at the newest complete deployment of `cid`.
    public mutating func recordDNSLink(_ record: DNSLinkRecord, cid: String) throws(PublishError) {
        guard var deployment = complete(cid: cid) else { throw .record("no complete deployment of \(cid) to note the DNSLink change in") }
        deployment.dnslink = record
        try save(deployment)
    }

    /// Puts `deployment` in the log (replacing an unfinished one of the same CID and time) and writes the file.
    public mutating func save(_ deployment: Deployment) throws(PublishError) {
        if let index = deployments.lastIndex(where: { $0.cid == deployment.cid && $0.time == deployment.time }) {
            deployments[index] = deployment
        } else {
            deployments.append(deployment)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(Stored(version: 1, deployments: deployments))
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicOutput.writeFile(file, temporaryPrefix: ".deployments.json.tmp-") { try $0.write(Array(data) + [0x0A]) }
        } catch {
            throw .record("cannot write \(file.path): \(error)")
        }
    }
}
