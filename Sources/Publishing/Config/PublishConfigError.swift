/// A `publish:` setting that cannot be used, naming the key (`publish.targets[1].token_env`) and
/// what to do about it. Nothing is built or sent when one is found.
public struct PublishConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `site.yml` as the user named it.
    public let file: String
    /// The key's path, as `publish.targets[1].api`.
    public let key: String
    public let message: String

    public init(file: String, key: String, _ message: String) {
        self.file = file
        self.key = key
        self.message = message
    }

    public var description: String { "\(file): \(key): \(message)" }
}
