/// One entry of a tree to import, before any file content is read.
indirect enum PlanEntry: Sendable {
    /// A regular file: its index in `ImportPlan.files`.
    case file(Int)
    case symlink(target: [UInt8])
    /// A directory: its path for error messages and its entries (names unique).
    case directory(path: String, entries: [(name: String, entry: PlanEntry)])
}

/// What an import will build: the shape of the tree and where each file's bytes come from.
struct ImportPlan: Sendable {
    var root: PlanEntry
    var files: [ChunkSource] = []
    /// Paths of `files`, for error messages.
    var filePaths: [String] = []
    var directories = 0
    var symlinks = 0

    init(root: PlanEntry = .directory(path: "", entries: [])) {
        self.root = root
    }

    /// Registers a file and returns its entry.
    mutating func addFile(_ source: ChunkSource, path: String) -> PlanEntry {
        files.append(source)
        filePaths.append(path)
        return .file(files.count - 1)
    }

    /// Total bytes of file content.
    var totalBytes: UInt64 { files.reduce(0) { $0 + UInt64($1.length) } }
}
