/// A position in a source file, 1-based, printed as `file:line:col`.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// A tag name as written, and a file that uses it (for errors).
public struct TagUse: Sendable, Equatable {
    public let name: String
    public let file: String

    public init(_ name: String, _ file: String) {
        self.name = name
        self.file = file
    }
}

/// Everything that can stop a site build, each naming the file, line or value to fix.
public enum SiteBuildError: Error, Sendable, Equatable, CustomStringConvertible {
    /// site.yml or front matter could not be parsed, or a key has the wrong type or value.
    case malformed(SourceLocation, String)
    /// A key that site.yml or front matter does not know.
    case unknownKey(SourceLocation, key: String, allowed: [String])
    /// A required key is absent.
    case missingKey(file: String, key: String)
    /// A post without a `date` key or a `YYYY-MM-DD-` file name prefix.
    case missingDate(file: String)
    /// A date value that is not `YYYY-MM-DD` or an ISO 8601 date-time.
    case invalidDate(SourceLocation, value: String)
    /// A source file that is not valid UTF-8.
    case notUTF8(file: String)
    /// Two sources would write the same output path.
    case urlConflict(path: String, first: String, second: String)
    /// Two different tags (not spellings of one, see docs/site.md) whose names make one URL;
    /// each with the first post file using it.
    case tagConflict(path: String, first: TagUse, second: TagUse)
    /// A template that does not exist (named by a page, `{{> partial}}` or `{{< parent}}`).
    case missingTemplate(name: String, referencedBy: String)
    /// A template with a syntax error.
    case templateSyntax(SourceLocation, String)
    /// A file or folder could not be read or written.
    case io(path: String, String)
    /// `init`/`new` refused to overwrite an existing file.
    case alreadyExists(path: String)
    /// A value given on the command line that cannot be used, and why.
    case invalidValue(String)
    /// Errors in several source files, found in one build (the first `SiteBuildError.cap`, in
    /// path order), and how many more there were.
    indirect case several([SiteBuildError], more: Int)

    /// How many errors one build lists at most.
    public static let cap = 50

    /// `errors` as one error: itself when there is one.
    static func combining(_ errors: [SiteBuildError]) -> SiteBuildError? {
        guard errors.count > 1 else { return errors.first }
        return .several(Array(errors.prefix(cap)), more: max(0, errors.count - cap))
    }

    /// Each error's line: several for `several`, else one.
    public var lines: [String] {
        guard case .several(let errors, let more) = self else { return [description] }
        return errors.map(\.description) + (more > 0 ? ["… and \(more) more errors"] : [])
    }

    public var description: String {
        if case .several = self { return lines.joined(separator: "\n") }
        // One line, whatever a parser library put in its message.
        return message.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    private var message: String {
        switch self {
        case .malformed(let location, let message):
            return "\(location): \(message)"
        case .unknownKey(let location, let key, let allowed):
            let name = String(key.split(separator: ".").last ?? Substring(key))
            return "\(location): unknown key '\(key)'\(NearestName.hint(for: name, among: allowed)) (allowed: \(allowed.joined(separator: ", ")))"
        case .missingKey(let file, let key):
            return "\(file):1:1: missing required key '\(key)'"
        case .missingDate(let file):
            return "\(file):1:1: missing 'date' (add 'date: YYYY-MM-DD' or name the file YYYY-MM-DD-slug.md)"
        case .invalidDate(let location, let value):
            return "\(location): invalid date '\(value)' (use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][±HH:MM])"
        case .notUTF8(let file):
            return "\(file): not valid UTF-8"
        case .urlConflict(let path, let first, let second):
            return "\(path): claimed by both \(first) and \(second)"
        case .tagConflict(let path, let first, let second):
            return "\(second.file): tag '\(second.name)' and tag '\(first.name)' (\(first.file)) would both be \(path); "
                + "they are different tags, so rename one of them"
        case .missingTemplate(let name, let referencedBy):
            return "\(referencedBy): template '\(name)' does not exist (no \(name).mustache in templates/ or the built-in theme)"
        case .templateSyntax(let location, let message):
            return "\(location): template error: \(message)"
        case .io(let path, let message):
            return "\(path): \(message)"
        case .alreadyExists(let path):
            return "\(path): already exists; not overwriting"
        case .invalidValue(let message):
            return message
        case .several:
            return lines.joined(separator: "\n")
        }
    }
}
