import ContentAddressing
import Foundation
import SiteBuilder

/// What a publish tells its caller as it goes: for progress bars on a terminal, plain lines in CI.
public enum PublishEvent: Sendable {
    case building
    case built(BuildStats, warnings: [BuildWarning])
    case packed(root: CID, blocks: Int, bytes: UInt64, references: Int)
    /// A target's progress: phase, bytes and blocks sent.
    case target(TargetProgress)
    /// A request is tried again.
    case retrying(target: String, purpose: String, attempt: Int, wait: Duration, reason: String)
    case targetDone(TargetRecord)
    case targetFailed(String, PublishError)
    case verifying(URL)
    case verified(URL, bytes: UInt64)
    case recorded(URL)
}

/// What a publish did, as `--json` prints it.
public struct PublishResult: Sendable, Encodable {
    public var cid: String
    public var profile: String
    public var blocks: Int
    public var bytes: UInt64
    public var dryRun: Bool
    /// Every required target confirmed and every verification passed.
    public var complete: Bool
    public var targets: [TargetRecord]
    public var verified: [String]
    /// The first failure, if any.
    public var error: String?
    public var failedStep: String?
    public var exitCode: Int32
    /// Where readers can look at the site.
    public var gatewayURLs: [String]
    /// No target is configured: only the site's CAR was written.
    public var defaultTarget = false
    /// The DNSLink change made once the deployment was complete (by the command, after `run`).
    public var dnslink: DNSLinkRecord?

    enum CodingKeys: String, CodingKey {
        case cid, profile, blocks, bytes, complete, targets, verified, error, dnslink
        case dryRun = "dry_run"
        case defaultTarget = "no_targets_configured"
        case failedStep = "failed_step"
        case exitCode = "exit_code"
        case gatewayURLs = "gateway_urls"
    }
}
