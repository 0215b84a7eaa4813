/// Why a publish stopped, naming the step and, for a target, the target; each step has its own
/// exit status (docs/publish.md), so scripts and CI can tell them apart.
public enum PublishError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `publish:` in site.yml cannot be used (or a secret it names cannot be read).
    case configuration(PublishConfigError)
    /// The site does not build.
    case build(String)
    /// The built site has broken links or assets (`blogctl check`'s findings).
    case check(String)
    /// A target answered with an error that retrying does not cure.
    case service(target: String, status: Int, String)
    /// A target could not be reached, or kept failing.
    case network(target: String, String)
    /// A target refused the token or credentials (401/403).
    case unauthorized(target: String, String)
    /// A target's endpoint does not exist (404 on the API itself).
    case notFound(target: String, String)
    /// A pinning service refused for the account's quota (409).
    case quota(target: String, String)
    /// A target answered, but not as its API says, or the DAG did not end up whole there.
    case target(target: String, String)
    /// A gateway's copy of the site is missing blocks or has wrong ones.
    case verification(gateway: String, String)
    /// The deployment record could not be written.
    case record(String)
    /// The DNSLink record could not be read, changed or confirmed.
    case dns(String)
    /// The DNSLink record changed between the plan and its application; nothing was changed.
    case zoneChanged(String)
    /// An earlier deployment to roll back to is not (or no longer) held by the targets.
    case rollback(String)

    /// The step that failed.
    public var step: String {
        switch self {
        case .configuration: "configuration"
        case .build: "build"
        case .check: "check"
        case .service, .network, .unauthorized, .notFound, .quota, .target: "targets"
        case .verification: "verify"
        case .record: "record"
        case .dns, .zoneChanged: "dnslink"
        case .rollback: "rollback"
        }
    }

    /// The exit status for the step (docs/publish.md).
    public var exitCode: Int32 {
        switch self {
        case .configuration: 2
        case .build: 3
        case .check: 4
        case .service, .network, .unauthorized, .notFound, .quota, .target: 5
        case .verification: 6
        case .record: 7
        case .dns: 8
        case .zoneChanged: 9
        case .rollback: 10
        }
    }

    /// The target it names, if any.
    public var targetName: String? {
        switch self {
        case .service(let target, _, _), .network(let target, _), .unauthorized(let target, _), .notFound(let target, _),
            .quota(let target, _), .target(let target, _):
            target
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .configuration(let error): "\(error)"
        case .build(let message): message
        case .check(let message): message
        case .service(let target, _, let message), .network(let target, let message), .target(let target, let message):
            "target \(target): \(message)"
        case .unauthorized(let target, let message):
            "target \(target): \(message): the token or credentials were refused; check the secret its *_env or *_file names"
        case .notFound(let target, let message): "target \(target): \(message): no such endpoint; check its URL in site.yml"
        case .quota(let target, let message): "target \(target): \(message): the account's quota or funds do not allow this pin"
        case .verification(let gateway, let message): "verify \(gateway): \(message)"
        case .record(let message): "recording the deployment: \(message)"
        case .dns(let message): "dnslink: \(message)"
        case .zoneChanged(let message): "dnslink: \(message)"
        case .rollback(let message): "rollback: \(message)"
        }
    }
}

extension HTTPAnswer {
    /// This answer as a target's error, by its status: 401/403 credentials, 404 endpoint, 409 quota, else the service's.
    func failure(target: String, doing purpose: String) -> PublishError {
        let summary = "\(purpose): \(HTTPTransport.summary(of: self))"
        switch status {
        case 401, 403: return .unauthorized(target: target, summary)
        case 404: return .notFound(target: target, summary)
        case 409: return .quota(target: target, summary)
        default: return .service(target: target, status: status, summary)
        }
    }
}
