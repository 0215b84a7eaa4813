/// Why an import stopped; each case carries what the user needs to fix it, and prints as one line.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DEST_DIR exists and holds files: an import never mixes with an existing site.
    case destinationNotEmpty(path: String)
    /// DEST_DIR (or the folder beside it for the temporary copy) cannot be used.
    case destinationUnusable(path: String, reason: String)
    /// SRC_DIR is not a site of the named generator (no config file, no content/ folder).
    case notASite(path: String, reason: String)
    /// A file that could not be read (permissions, not UTF-8).
    case unreadable(path: String, reason: String)
    /// A config file or front matter that does not parse, at its line and column when known.
    case invalid(location: SourceLocation, reason: String)
    /// Writing the imported site failed; nothing was left at DEST_DIR.
    case writeFailed(path: String, reason: String)

    /// The same error with its file named from `folder` (SRC_DIR as the user wrote it), as
    /// blogctl's other errors name files the way the user named the site.
    public func inFolder(_ folder: String) -> ImportError {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        switch self {
        case .invalid(var location, let reason):
            location.file = prefix + location.file
            return .invalid(location: location, reason: reason)
        case .unreadable(let path, let reason) where !path.hasPrefix("/"):
            return .unreadable(path: prefix + path, reason: reason)
        default:
            return self
        }
    }

    public var description: String {
        switch self {
        case .destinationNotEmpty(let path):
            return "\(path) is not empty: import into a new or empty folder"
        case .destinationUnusable(let path, let reason):
            return "\(path): \(reason)"
        case .notASite(let path, let reason):
            return "\(path): \(reason)"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalid(let location, let reason):
            return "\(location): \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        }
    }
}

/// A place in a source file, printed `FILE:LINE:COL` (line and column when known).
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The path relative to SRC_DIR (`content/posts/a.md`, `config.toml`).
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if line != nil, let column { text += ":\(column)" }
        return text
    }
}
