/// A source document converted: its blogctl front matter and body, and where it goes.
struct ImportedDocument: Sendable {
    var source: SourceDocument
    var kind: DocumentKind
    var matter: ImportedMatter
    /// The site path the source generator served it at (`/2024/03/hello/`), decoded.
    var originalURL: String
    /// The Markdown file relative to DEST_DIR (`content/posts/hello.md`, `content/posts/trip/index.md`); set by `DestinationNames`.
    var destination = ""
    var body: String
}
