import Foundation

/// What an import produced.
public struct ImportSummary: Sendable, Hashable {
    /// The root CID: the directory, or the file when a single file was imported.
    public var root: CID { rootNode.cid }
    /// The root with its Tsize and content size.
    public let rootNode: ImportedNode
    /// The profile the DAG was built with.
    public let profile: ImportProfile
    /// Distinct blocks written to the store.
    public let blocks: Int
    /// Total length of those blocks.
    public let bytes: UInt64
    /// Regular files imported (a file imported twice counts twice).
    public let files: Int
    /// Directories imported, the root included.
    public let directories: Int
    /// Symlinks stored (never followed).
    public let symlinks: Int
}

/// How far an import has got, reported after each piece of work.
public struct ImportProgress: Sendable, Equatable {
    /// Files read and laid out so far, of `files`.
    public let filesDone: Int
    public let files: Int
    /// Content bytes hashed so far, of `bytes`.
    public let bytesDone: UInt64
    public let bytes: UInt64
}

/// Imports files, directory trees and in-memory trees as UnixFS DAGs, kubo-identically for
/// the chosen profile. Blocks go to `store` as they are made.
public struct Importer: Sendable {
    /// How files are chunked, laid out and named.
    public let profile: ImportProfile
    /// Where every block goes (`DiscardingBlockStore` for CIDs only).
    public let store: any BlockStore
    /// How many files or file segments are read and hashed at once.
    public let maxConcurrency: Int
    /// Called after each batch of files or file segment, from one task at a time.
    public let progress: (@Sendable (ImportProgress) -> Void)?

    /// An importer; `maxConcurrency` defaults to the number of cores.
    public init(profile: ImportProfile = .default, store: any BlockStore,
                maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                progress: (@Sendable (ImportProgress) -> Void)? = nil) {
        self.profile = profile
        self.store = store
        self.maxConcurrency = max(1, maxConcurrency)
        self.progress = progress
    }

    /// Imports the file, symlink or directory tree at `url` (symlinks are stored, never followed).
    public func importPath(_ url: URL) async throws(ImportError) -> ImportSummary {
        let path = url.relativePath
        return try await run { found throws(ImportError) in try DiskWalker.plan(path: path, found: found) }
    }

    /// Imports an in-memory tree as a directory.
    public func importTree(_ tree: InMemoryTree) async throws(ImportError) -> ImportSummary {
        try await run(ImportEngine.replaying(tree.plan()))
    }

    /// Imports the file, symlink or directory tree at `url` into `store`.
    public static func importPath(_ url: URL, profile: ImportProfile = .default,
                                  into store: any BlockStore) async throws(ImportError) -> ImportSummary {
        try await Importer(profile: profile, store: store).importPath(url)
    }

    /// Imports an in-memory tree into `store`.
    public static func importTree(_ tree: InMemoryTree, profile: ImportProfile = .default,
                                  into store: any BlockStore) async throws(ImportError) -> ImportSummary {
        try await Importer(profile: profile, store: store).importTree(tree)
    }

    private func run(_ planner: @escaping ImportEngine.Planner) async throws(ImportError) -> ImportSummary {
        let sink = BlockSink(store: store, profile: profile, counting: true)
        let (root, plan) = try await ImportEngine(sink: sink, maxConcurrency: maxConcurrency, progress: progress).run(planner)
        let stats = sink.statistics
        return ImportSummary(rootNode: root, profile: profile, blocks: stats.blocks, bytes: stats.bytes,
                             files: plan.files.count, directories: plan.directories, symlinks: plan.symlinks)
    }
}
