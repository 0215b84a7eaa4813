import Foundation
import TemplateEngine

/// One entry of `publish.targets`: a place a deployment puts the site's DAG.
public struct TargetConfig: Sendable, Equatable {
    /// What the target is, with its own settings.
    public enum Kind: Sendable, Equatable {
        /// A kubo node's RPC API; `gateway` (optional) is its HTTP gateway, used to verify.
        case kubo(api: URL, auth: SecretSource?, gateway: URL?)
        /// An IPFS Pinning Service API v1 endpoint; `origins` are multiaddrs the service fetches
        /// the DAG from (default: the kubo targets' addresses).
        case pinningService(endpoint: URL, token: SecretSource, origins: [String]?)
        /// IPFS Cluster's REST API.
        case cluster(api: URL, auth: SecretSource?, replicationMin: Int, replicationMax: Int)
        /// A CAR file to write (for services that take CAR uploads).
        case car(path: String)

        /// The `type:` value.
        public var typeName: String {
            switch self {
            case .kubo: "kubo"
            case .pinningService: "pinning_service"
            case .cluster: "cluster"
            case .car: "car"
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// Whether the deployment counts only when this target confirmed it (default true).
    public var required: Bool

    static let types = ["kubo", "pinning_service", "cluster", "car"]
    static let keysByType: [String: [String]] = [
        "kubo": ["api", "auth_env", "auth_file", "gateway"],
        "pinning_service": ["endpoint", "token_env", "token_file", "origins"],
        "cluster": ["api", "auth_env", "auth_file", "replication_min", "replication_max"],
        "car": ["path"],
    ]
    /// Keys that would hold a secret inline, and the keys that name where it is instead.
    static let inlineSecrets = ["token": "token_env", "auth": "auth_env", "password": "auth_env", "secret": "token_env",
        "authorization": "auth_env", "api_key": "token_env", "jwt": "token_env"]

    static func parse(_ value: DataValue, at key: String, reader: inout ConfigReader) throws(PublishConfigError) -> TargetConfig {
        let map = try reader.map(value, at: key)
        for (inline, instead) in inlineSecrets where map[inline] != nil {
            throw reader.fail("\(key).\(inline)", "secrets are never read from site.yml (it is committed and published); "
                + "put the value in an environment variable and name it with \(instead): NAME, or in a file named by "
                + "\(instead.replacingOccurrences(of: "_env", with: "_file")): PATH")
        }
        guard let nameValue = map["name"] else { throw reader.fail("\(key).name", "missing: every target needs a name") }
        let name = try reader.string(nameValue, at: "\(key).name")
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw reader.fail("\(key).name", "'\(name)' may hold only letters, digits, '-', '_' and '.'")
        }
        guard let typeValue = map["type"] else { throw reader.fail("\(key).type", "missing (one of: \(types.joined(separator: ", ")))") }
        let type = try reader.string(typeValue, at: "\(key).type")
        guard let allowed = keysByType[type] else {
            throw reader.fail("\(key).type", "unknown target type '\(type)' (one of: \(types.joined(separator: ", ")))")
        }
        try reader.refuseUnknown(map, allowed: ["name", "type", "required"] + allowed, at: key)
        let required = try map["required"].map { v throws(PublishConfigError) in try reader.bool(v, at: "\(key).required") } ?? true
        func url(_ field: String) throws(PublishConfigError) -> URL {
            guard let value = map[field] else { throw reader.fail("\(key).\(field)", "missing: a \(type) target needs its \(field) URL") }
            return try reader.httpURL(value, at: "\(key).\(field)")
        }
        func secret(_ base: String, required: Bool) throws(PublishConfigError) -> SecretSource? {
            let fromEnv = try map["\(base)_env"].map { v throws(PublishConfigError) in try reader.string(v, at: "\(key).\(base)_env") }
            let fromFile = try map["\(base)_file"].map { v throws(PublishConfigError) in try reader.string(v, at: "\(key).\(base)_file") }
            switch (fromEnv, fromFile) {
            case (let env?, nil): return .environment(env)
            case (nil, let file?): return .file(file)
            case (nil, nil):
                guard !required else { throw reader.fail("\(key).\(base)_env", "missing: name the environment variable that holds the \(base)") }
                return nil
            case (_?, _?): throw reader.fail("\(key).\(base)_file", "give \(base)_env or \(base)_file, not both")
            }
        }
        let kind: Kind
        switch type {
        case "kubo":
            kind = .kubo(api: try url("api"), auth: try secret("auth", required: false),
                gateway: try map["gateway"].map { v throws(PublishConfigError) in try reader.httpURL(v, at: "\(key).gateway") })
        case "pinning_service":
            let origins = try map["origins"].map { v throws(PublishConfigError) in
                try reader.list(v, at: "\(key).origins").enumerated().map { index, item throws(PublishConfigError) in
                    let address = try reader.string(item, at: "\(key).origins[\(index)]")
                    guard address.hasPrefix("/"), address.contains("/p2p/") else {
                        throw reader.fail("\(key).origins[\(index)]", "'\(address)' is not a multiaddr ending in /p2p/<peer ID>")
                    }
                    return address
                }
            }
            kind = .pinningService(endpoint: try url("endpoint"), token: try secret("token", required: true)!, origins: origins)
        case "cluster":
            let minimum = try map["replication_min"].map { v throws(PublishConfigError) in try reader.positiveInt(v, at: "\(key).replication_min") } ?? 1
            let maximum = try map["replication_max"].map { v throws(PublishConfigError) in try reader.positiveInt(v, at: "\(key).replication_max") } ?? minimum
            guard maximum >= minimum else {
                throw reader.fail("\(key).replication_max", "\(maximum) is below replication_min \(minimum)")
            }
            kind = .cluster(api: try url("api"), auth: try secret("auth", required: false), replicationMin: minimum, replicationMax: maximum)
        default:
            guard let path = map["path"] else { throw reader.fail("\(key).path", "missing: the CAR file to write") }
            kind = .car(path: try reader.string(path, at: "\(key).path"))
        }
        return TargetConfig(name: name, kind: kind, required: required)
    }
}
