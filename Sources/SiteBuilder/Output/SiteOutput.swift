import ContentAddressing
import Foundation

/// The bytes of one output file: generated, or copied unchanged from a source file.
public enum OutputContent: Sendable, Equatable {
    case bytes(Data)
    /// An absolute path to copy from (static files, bundle assets).
    case copy(of: String)
    /// Already in the folder the output is written into, byte for byte as this build would make
    /// it (an output manifest says so; see `SiteBuilder.build`). Never held in memory.
    case kept

    /// The file's bytes (reads the source of a copy); throws for a `.kept` file, which is on disk only.
    public func data() throws -> Data {
        switch self {
        case .bytes(let data): return data
        case .copy(let source): return try Data(contentsOf: URL(fileURLWithPath: source))
        case .kept: throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "kept on disk from an earlier build, not in memory"])
        }
    }
}

/// A whole built site in memory: output path (relative, `/`-separated) -> content.
public struct SiteOutput: Sendable, Equatable {
    public var files: [String: OutputContent]

    public init(files: [String: OutputContent] = [:]) { self.files = files }

    /// Paths sorted by UTF-8 bytes.
    public var paths: [String] { files.keys.sorted { $0.precedesInUTF8($1) } }
}

/// Counts and timing of one build.
public struct BuildStats: Sendable, Equatable {
    /// Visible posts and standalone pages.
    public var posts = 0
    public var pages = 0
    /// Drafts, and posts dated after the build's time, that this build left out.
    public var draftsLeftOut = 0
    public var futureLeftOut = 0
    /// HTML pages in the output (lists, posts, pages, aliases, 404).
    public var htmlPages = 0
    /// All output files.
    public var files = 0
    /// Markdown sources parsed and rendered by this build (the rest came from the cache).
    public var documentsParsed = 0
    /// HTML pages rendered by this build (the rest were unchanged).
    public var pagesRendered = 0
    /// Resized image copies (`image_sizes`) made with libvips in this build, and taken from the cache.
    public var imagesResized = 0
    public var resizedImagesFromCache = 0
    public var duration: Duration = .zero

    /// "12 posts, 1 page".
    public var contentSummary: String { Self.counted(posts, "post") + ", " + Self.counted(pages, "page") }

    /// What the build left out and the flag that includes it ("; left out: 2 drafts (--drafts)"), or "".
    public var leftOutNote: String {
        var leftOut: [String] = []
        if draftsLeftOut > 0 { leftOut.append(Self.counted(draftsLeftOut, "draft") + " (--drafts)") }
        if futureLeftOut > 0 { leftOut.append(Self.counted(futureLeftOut, "future post") + " (--future)") }
        return leftOut.isEmpty ? "" : "; left out: " + leftOut.joined(separator: ", ")
    }

    /// `count` and the noun, plural when it is not 1.
    static func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}

/// What `SiteBuildSession.build()` and `rebuild(changedPaths:)` return.
public struct BuildResult: Sendable {
    public var output: SiteOutput
    /// Output paths added or whose bytes changed since the session's previous build, sorted.
    public var changedPaths: [String]
    /// Output paths that the previous build had and this one does not, sorted.
    public var removedPaths: [String]
    public var stats: BuildStats
    /// Source files the build did not use as the author may have meant, sorted by path.
    public var warnings: [BuildWarning] = []
    /// Each page's `PageKey.digest` (in `build(reusing:)` only; see `OutputManifest`).
    var outputKeys: [String: ContentKey] = [:]
}

/// A file in the site folder that the build skipped or used differently than its place
/// suggests (content/posts/2024/post.md outside any bundle); printed, never fatal.
public struct BuildWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file as the user named the site folder (`my-blog/content/posts/2024/a.md`).
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
