import SiteBuilder
import Foundation
import TemplateEngine

/// `site.yml`'s `publish:` section (docs/publish.md): where deployments go and how they are verified.
public struct PublishConfig: Sendable, Equatable {
    public var targets: [TargetConfig]
    /// Gateways to fetch the site back from after the targets confirmed it.
    public var verifyGateways: [URL]
    /// How long a target may take to hold the whole DAG (polling pinning services and clusters).
    public var timeout: Duration
    /// How many deployments each target keeps pinned, the newest included: older ones are
    /// unpinned (a pinning service's oldest pin is replaced by the new one). 2 keeps the
    /// deployment before, for `rollback`; 1 keeps only the newest.
    public var keep: Int

    /// No target: `publish` writes the site's CAR, with no account and no daemon.
    public static let empty = PublishConfig(targets: [], verifyGateways: [], timeout: .seconds(600), keep: 2)

    static let keys = ["targets", "verify", "timeout", "keep"]
    static let verifyKeys = ["gateways"]

    /// The section `publish` of `file` (`site.yml` as the user named it).
    public static func parse(_ publish: [String: DataValue], file: String) throws(PublishConfigError) -> PublishConfig {
        var reader = ConfigReader(file: file)
        try reader.refuseUnknown(publish, allowed: keys, at: "publish")
        var config = PublishConfig.empty
        if let seconds = publish["timeout"] {
            config.timeout = .seconds(try reader.positiveInt(seconds, at: "publish.timeout"))
        }
        if let keep = publish["keep"] { config.keep = try reader.positiveInt(keep, at: "publish.keep") }
        if let verify = publish["verify"] {
            let map = try reader.map(verify, at: "publish.verify")
            try reader.refuseUnknown(map, allowed: verifyKeys, at: "publish.verify")
            if let gateways = map["gateways"] {
                config.verifyGateways = try reader.list(gateways, at: "publish.verify.gateways").enumerated().map { index, value throws(PublishConfigError) in
                    try reader.httpURL(value, at: "publish.verify.gateways[\(index)]")
                }
            }
        }
        if let targets = publish["targets"] {
            var names: [String: Int] = [:]
            for (index, value) in try reader.list(targets, at: "publish.targets").enumerated() {
                let target = try TargetConfig.parse(value, at: "publish.targets[\(index)]", reader: &reader)
                if let first = names[target.name] {
                    throw PublishConfigError(file: file, key: "publish.targets[\(index)].name",
                        "'\(target.name)' is already the name of publish.targets[\(first)]; every target needs its own name")
                }
                names[target.name] = index
                config.targets.append(target)
            }
        }
        return config
    }

    /// The targets named by `--target` (all when `names` is empty), in configuration order.
    public func targets(named names: [String], file: String) throws(PublishConfigError) -> [TargetConfig] {
        guard !names.isEmpty else { return targets }
        for name in names where !targets.contains(where: { $0.name == name }) {
            let known = targets.map(\.name).joined(separator: ", ")
            throw PublishConfigError(file: file, key: "publish.targets", "no target named '\(name)' (configured: \(known.isEmpty ? "none" : known))")
        }
        return targets.filter { names.contains($0.name) }
    }
}

/// Reads `DataValue`s of the `publish:` section, each error naming the key's path.
struct ConfigReader {
    let file: String

    func fail(_ key: String, _ message: String) -> PublishConfigError { PublishConfigError(file: file, key: key, message) }

    func map(_ value: DataValue, at key: String) throws(PublishConfigError) -> [String: DataValue] {
        guard case .map(let map) = value else { throw fail(key, "must be a mapping of keys to values") }
        return map
    }

    func list(_ value: DataValue, at key: String) throws(PublishConfigError) -> [DataValue] {
        guard case .array(let list) = value else { throw fail(key, "must be a list") }
        return list
    }

    func string(_ value: DataValue, at key: String) throws(PublishConfigError) -> String {
        guard case .string(let text) = value, !text.isEmpty else { throw fail(key, "must be a non-empty string") }
        return text
    }

    func positiveInt(_ value: DataValue, at key: String) throws(PublishConfigError) -> Int {
        guard case .int(let number) = value, number > 0 else { throw fail(key, "must be a positive whole number") }
        return number
    }

    func bool(_ value: DataValue, at key: String) throws(PublishConfigError) -> Bool {
        guard case .bool(let flag) = value else { throw fail(key, "must be true or false") }
        return flag
    }

    /// An `http://` or `https://` URL with a host.
    func httpURL(_ value: DataValue, at key: String) throws(PublishConfigError) -> URL {
        let text = try string(value, at: key)
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty, url.user == nil, url.password == nil
        else {
            throw fail(key, "'\(text)' is not an http:// or https:// URL with a host (and no user or password in it)")
        }
        return url
    }

    /// Refuses keys of `map` not in `allowed`, with a hint for the nearest one.
    func refuseUnknown(_ map: [String: DataValue], allowed: [String], at key: String) throws(PublishConfigError) {
        for name in map.keys.sorted() where !allowed.contains(name) {
            throw fail("\(key).\(name)", "unknown key\(NearestName.hint(for: name, among: allowed)); allowed: \(allowed.joined(separator: ", "))")
        }
    }
}
