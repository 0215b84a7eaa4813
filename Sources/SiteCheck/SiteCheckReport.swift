/// One reference in the built site that does not resolve.
public struct BrokenReference: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong with the reference.
    public enum Kind: Sendable, Equatable {
        /// The file (or the directory's `index.html`) does not exist.
        case missingTarget
        /// `/x`: breaks on IPFS path gateways, where the site is not at the server root.
        case rootAbsolute
        /// `../` climbs above the site's root folder.
        case escapesRoot
        /// The target page exists but has no element with that `id` (or `<a name>`).
        case missingFragment
    }

    /// The referring file, relative to the output folder (`posts/a/index.html`).
    public let page: String
    /// The reference exactly as written in the file (after HTML entity decoding).
    public let reference: String
    /// Human-readable cause, naming the path that was looked for.
    public let reason: String
    /// What kind of problem this is.
    public let kind: Kind
    /// 1-based line of the reference in `page`.
    public let line: Int

    /// Creates a finding.
    public init(page: String, reference: String, reason: String, kind: Kind, line: Int) {
        self.page = page
        self.reference = reference
        self.reason = reason
        self.kind = kind
        self.line = line
    }

    /// `posts/a/index.html: broken link ../b/ (no such file: posts/b/index.html)`
    public var description: String {
        let what = kind == .missingFragment ? "broken fragment" : "broken link"
        return "\(page): \(what) \(reference) (\(reason))"
    }
}

/// The outcome of checking a built site.
public struct SiteCheckReport: Sendable {
    /// Number of HTML and CSS files scanned.
    public let pagesChecked: Int
    /// Number of internal references resolved (external ones and pure fragments are not counted).
    public let referencesChecked: Int
    /// Every broken reference, sorted by page (raw UTF-8 bytes), then position in the page.
    public let broken: [BrokenReference]

    /// Creates a report.
    public init(pagesChecked: Int, referencesChecked: Int, broken: [BrokenReference]) {
        self.pagesChecked = pagesChecked
        self.referencesChecked = referencesChecked
        self.broken = broken
    }
}
