import ContentAddressing
import Foundation

/// How far a target is, for progress bars and lines.
public struct TargetProgress: Sendable, Equatable {
    public var target: String
    /// What it is doing ("uploading", "pinning: queued", "waiting for 2 of 3 peers").
    public var phase: String
    public var bytesSent: UInt64 = 0
    public var bytesTotal: UInt64 = 0
    public var blocksSent: Int = 0
    public var blocksTotal: Int = 0
}

/// What a target is given for one deployment.
struct TargetJob: Sendable {
    let site: PackedSite
    /// The last deployment this target held (same name and endpoint), with its record.
    let previous: (deployment: Deployment, record: TargetRecord)?
    /// This CID's unfinished record for the target, from an earlier run that stopped.
    let resume: TargetRecord?
    /// The blocks of the previous deployment's DAG, when they are known (`BlockListCache`).
    let previousBlocks: Set<CID>?
    /// Older deployments this target holds beyond `publish.keep`, oldest first: to unpin (a
    /// pinning service replaces the first with this one).
    let retired: [(deployment: Deployment, record: TargetRecord)]
    /// Multiaddrs other targets (the kubo nodes) serve the DAG from.
    let origins: [String]
    /// How long the target may take to hold the whole DAG.
    let timeout: Duration
    let progress: @Sendable (TargetProgress) -> Void
    /// Keeps a record before the target is done (a pin request's id), so a rerun resumes it.
    let remember: @Sendable (TargetRecord) async throws(PublishError) -> Void
}

/// A place a deployment puts the site's DAG, confirming it holds all of it.
protocol PublishTarget: Sendable {
    var config: TargetConfig { get }
    /// Where it is, as recorded (its API URL or file path).
    var endpoint: String { get }
    /// Puts the DAG there and waits until the target holds it whole; returns its record.
    func publish(_ job: TargetJob) async throws(PublishError) -> TargetRecord
    /// Multiaddrs peers can fetch what this target holds from (a kubo node's); none by default.
    func origins() async -> [String]
    /// A gateway serving what the target holds, for verification.
    var gateway: URL? { get }
    /// Whether the target still holds the whole DAG of `cid`, which `record` says it held (rollback).
    func holds(_ cid: CID, record: TargetRecord) async throws(PublishError) -> Bool
}

extension PublishTarget {
    func origins() async -> [String] { [] }
    var gateway: URL? { nil }

    /// A record of this target for `job`'s DAG.
    func record(_ status: TargetRecord.Status, pin: String?, bytes: UInt64 = 0, blocks: Int = 0) -> TargetRecord {
        TargetRecord(name: config.name, type: config.kind.typeName, endpoint: endpoint, status: status, pin: pin, bytesSent: bytes,
            blocksSent: blocks)
    }
}

/// Waits between polls: starting short, growing, never beyond `longest`.
public struct PollSchedule: Sendable {
    public var first: Duration = .milliseconds(250)
    public var growth = 1.6
    public var longest: Duration = .seconds(10)

    public init(first: Duration = .milliseconds(250), growth: Double = 1.6, longest: Duration = .seconds(10)) {
        self.first = first
        self.growth = growth
        self.longest = longest
    }

    func wait(after poll: Int) -> Duration {
        min(first * pow(growth, Double(poll)), longest)
    }
}

extension CID {
    /// The name of a site's pin of this root at a service or cluster: the site and the CID's last
    /// characters (at most 255, as the APIs allow), so a later run can find the pin it made.
    func pinName(site: String) -> String { String("\(site) \(string.suffix(8))".prefix(255)) }
}

