import ContentAddressing
import Foundation
import SiteBuilder
import Synchronization

/// What `SitePacker.pack` made.
public struct PackSummary: Sendable {
    public var root: ImportedNode
    public var files: Int
    public var directories: Int
    /// Files packed by this call after the build (copied files, streamed from their sources).
    public var streamed: Int
    /// Files kept from the previous output, whose nodes were remembered (`reuse`).
    public var kept: Int
}

/// Turns a built site into its UnixFS DAG: the one packer of `build`, the preview server,
/// `publish` and the benchmarks. As the build's `OutputSink` it turns each file the build holds in
/// memory into its node the moment the bytes exist (on the render worker that made them), so that
/// packing the output only builds the directories and streams the copied files from their sources.
/// It keeps its tree between packs: after a rebuild only the changed files and the directories
/// above them are packed again. The root equals `Importer.importTree` over the same files.
public final class SitePacker: OutputSink {
    public let profile: ImportProfile
    /// Where the blocks go (a `DiscardingBlockStore` when only CIDs are wanted).
    public let store: any BlockStore
    private let importer: FileImporter
    private let state = Mutex<(nodes: [String: ImportedNode], failure: ImportError?)>(([:], nil))
    /// The tree of the last pack, which a session's next result is packed onto. `PackedTree` is
    /// not thread-safe, and neither is this: packs of one packer must not overlap.
    private nonisolated(unsafe) var packed: PackedTree?

    /// A packer whose blocks go to `store`.
    public init(profile: ImportProfile = .default, store: any BlockStore = DiscardingBlockStore()) {
        self.profile = profile
        self.store = store
        importer = FileImporter(profile: profile, store: store)
    }

    /// Packs one file's bytes; the first failure is thrown by `pack`.
    public func made(_ path: String, _ bytes: Data) {
        do {
            let node = try importer.importData(bytes)
            state.withLock { $0.nodes[path] = node }
        } catch {
            state.withLock { if $0.failure == nil { $0.failure = error } }
        }
    }

    /// A file's node, for the next build that keeps the file.
    public func note(for path: String) -> [UInt8]? {
        state.withLock { $0.nodes[path] }.map { PackedFileNote(profile: profile.name, node: $0).bytes }
    }

    /// Takes the node of a file kept from the previous output; refuses a note made with another
    /// profile or that cannot be read.
    public func reuse(_ path: String, note: [UInt8]) -> Bool {
        guard let note = PackedFileNote(bytes: note), note.profile == profile.name else { return false }
        state.withLock { $0.nodes[path] = note.node }
        return true
    }

    /// The root of `output`, packed afresh: the nodes made while it was built (or kept), every
    /// other file packed now (a copy streamed from its source, several at once), then the directories.
    public func pack(_ output: SiteOutput) async throws(ImportError) -> PackSummary {
        try await pack(output, onto: PackedTree(profile: profile, store: store), setting: Array(output.files.keys), removing: [])
    }

    /// The root of a session's build: the first result is packed whole, each later one onto the
    /// last (only its changed and removed files, and the directories above them). Pass every
    /// result of the session, in order.
    public func pack(_ result: BuildResult) async throws(ImportError) -> PackSummary {
        guard let tree = packed else { return try await pack(result.output) }
        return try await pack(result.output, onto: tree, setting: result.changedPaths, removing: result.removedPaths)
    }

    private func pack(_ output: SiteOutput, onto tree: PackedTree, setting paths: [String], removing removed: [String])
        async throws(ImportError) -> PackSummary
    {
        let phases = PhaseTrace("pack: ")
        let (made, failure) = state.withLock { ($0.nodes, $0.failure) }
        if let failure { throw failure }
        // Copies are never shown to the packer: they are streamed from their source now. Sorted
        // so that the first failure reported never depends on dictionary order.
        let rest = paths.filter {
            if case .copy = output.files[$0] { return true }
            return made[$0] == nil
        }.sorted { $0.precedesInUTF8($1) }
        let streamed = try await packFiles(rest.map { ($0, output.files[$0]!) })
        state.withLock { $0.nodes.merge(streamed) { _, new in new } }
        phases.phase("\(rest.count) files left")
        for path in removed { try tree.remove(path) }
        for path in paths { try tree.setLeaf(path, streamed[path] ?? made[path]!) }
        phases.phase("tree")
        let root = try tree.rootNode()
        phases.phase("directories")
        packed = tree
        return PackSummary(root: root, files: output.files.count, directories: tree.directoryCount, streamed: rest.count,
            kept: output.files.values.count { $0 == .kept })
    }

    /// Nodes of `files`, at most one per core at a time (a big file is also hashed on several cores).
    private func packFiles(_ files: [(path: String, content: OutputContent)]) async throws(ImportError) -> [String: ImportedNode] {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let importer = importer
        let results = await withTaskGroup(of: (Int, Result<ImportedNode, ImportError>).self) { group in
            var results = [Result<ImportedNode, ImportError>?](repeating: nil, count: files.count)
            var next = 0
            func start() {
                guard next < files.count else { return }
                let index = next
                let content = files[index].content
                next += 1
                group.addTask {
                    do throws(ImportError) {
                        switch content {
                        case .bytes(let data): return (index, .success(try importer.importData(data)))
                        case .copy(let source):
                            return (index, .success(try await importer.importFile(at: URL(fileURLWithPath: source), maxConcurrency: cores)))
                        case .kept:
                            // Only files whose note `reuse` took are kept, and those have their node.
                            return (index, .failure(.unreadable(path: files[index].path, reason: "kept from the previous output without its node")))
                        }
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            for _ in 0..<cores { start() }
            for await (index, result) in group {
                results[index] = result
                start()
            }
            return results
        }
        var nodes: [String: ImportedNode] = [:]
        nodes.reserveCapacity(files.count)
        // The first failure in path order, so the error never depends on timing.
        for (file, result) in zip(files, results) { nodes[file.path] = try result!.get() }
        return nodes
    }
}
