/// One thing the import could not carry over as it was, and what to do about it.
public struct ReportItem: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// Where it is in the source site (`content/posts/a.md:12`, `config.toml:3`, `layouts/`).
    public var location: SourceLocation
    /// What was not carried over and what to do, in words.
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// `FILE:LINE: message`.
    public var description: String { "\(location.file)\(location.line.map { ":\($0)" } ?? ""): \(message)" }
}
