/// A Markdown document found in the source's content/ folder: a file, or a bundle (a folder
/// with index.md and its own files).
struct SourceDocument: Sendable, Equatable {
    /// The Markdown file, relative to SRC_DIR (`content/posts/2024/hello.md`, `content/posts/trip/index.md`).
    var file: String
    /// The bundle folder relative to SRC_DIR, nil for a single file.
    var bundleFolder: String?
    /// The folders between content/ and the document (`["posts", "2024"]`).
    var sections: [String]
    /// The file name without extension, or the bundle folder's name: what URLs are made from.
    var baseName: String
    /// The bundle's other files, relative to the bundle folder (`img/cat.jpg`).
    var assets: [String] = []
}
