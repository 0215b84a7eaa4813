import Foundation

/// Where a secret (an API token, an Authorization header) comes from: an environment variable or
/// a file, never `site.yml` itself. Only the name is kept in configuration and state.
public enum SecretSource: Sendable, Equatable, CustomStringConvertible {
    case environment(String)
    case file(String)

    public var description: String {
        switch self {
        case .environment(let name): "environment variable \(name)"
        case .file(let path): "file \(path)"
        }
    }

    /// The secret's value, read now; `key` names the setting in errors.
    func resolve(key: String, file configFile: String, environment: [String: String], siteDirectory: URL) throws(PublishConfigError) -> Secret {
        switch self {
        case .environment(let name):
            guard let value = environment[name], !value.isEmpty else {
                throw PublishConfigError(file: configFile, key: key, "environment variable \(name) is not set (it holds the secret)")
            }
            return Secret(value)
        case .file(let path):
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : siteDirectory.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty
            else {
                throw PublishConfigError(file: configFile, key: key, "cannot read the secret from \(url.path) (missing, empty or not UTF-8)")
            }
            return Secret(text)
        }
    }
}

/// A secret's value. It never prints: its description, debug description and reflection show a
/// placeholder, so a secret interpolated by mistake into a message, log or JSON stays hidden.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value, for the one place that sends it (an HTTP header).
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<secret>" }
    public var debugDescription: String { "<secret>" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
