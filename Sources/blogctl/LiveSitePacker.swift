import ContentAddressing
import Foundation
import SiteBuilder
import Synchronization

/// Packs a site while it is being built: as the build's `OutputObserver` it turns each file the
/// build holds in memory into its UnixFS node the moment the bytes exist (pages in the render
/// workers, on all cores), so that packing the finished output only builds the directories and
/// streams the copied files from their sources. The root equals `Importer.importTree` over the
/// same files.
final class LiveSitePacker: OutputNotes {
    /// What `pack(_:)` made.
    struct Summary: Sendable {
        var root: ImportedNode
        var files: Int
        var directories: Int
        /// Files packed after the build (copied files, streamed from their sources).
        var streamed: Int
        /// Files kept from the previous output, whose nodes were remembered (`reuse`).
        var kept: Int
    }

    let profile: ImportProfile
    private let importer: FileImporter
    private let state = Mutex<(nodes: [String: ImportedNode], failure: ImportError?)>(([:], nil))

    /// A packer that computes CIDs only (no block is kept).
    init(profile: ImportProfile = .default) {
        self.profile = profile
        importer = FileImporter(profile: profile, store: DiscardingBlockStore())
    }

    /// The `OutputObserver`: packs one file's bytes; the first failure is thrown by `pack(_:)`.
    func observe(_ path: String, _ bytes: Data) {
        do {
            let node = try importer.importData(bytes)
            state.withLock { $0.nodes[path] = node }
        } catch {
            state.withLock { if $0.failure == nil { $0.failure = error } }
        }
    }

    /// `OutputNotes`: a file's node, for the next build that keeps the file.
    func note(for path: String) -> [UInt8]? {
        state.withLock { $0.nodes[path] }.map { PackedFileNote(profile: profile.name, node: $0).bytes }
    }

    /// `OutputNotes`: takes the node of a file kept from the previous output; refuses a note made
    /// with another profile or that cannot be read.
    func reuse(_ path: String, note: [UInt8]) -> Bool {
        guard let note = PackedFileNote(bytes: note), note.profile == profile.name else { return false }
        state.withLock { $0.nodes[path] = note.node }
        return true
    }

    /// The root of `output`: the nodes observed (or kept) for its files, every other file packed now (a copy
    /// streamed from its source, several at once), then the directories.
    func pack(_ output: SiteOutput) async throws(ImportError) -> Summary {
        let phases = PhaseTrace("pack: ")
        func trace(_ phase: String) { phases.phase(phase) }
        let (observed, failure) = state.withLock { ($0.nodes, $0.failure) }
        if let failure { throw failure }
        // Sorted so that the first failure reported never depends on dictionary order.
        let rest = output.files.keys.filter { observed[$0] == nil }.sorted { $0.precedesInUTF8($1) }
        let packed = try await packFiles(rest.map { ($0, output.files[$0]!) })
        state.withLock { $0.nodes.merge(packed) { _, new in new } }
        trace("\(rest.count) files left")
        let tree = PackedTree(profile: profile, store: DiscardingBlockStore())
        for (path, _) in output.files {
            try tree.setLeaf(path, observed[path] ?? packed[path]!)
        }
        trace("tree")
        let root = try tree.rootNode()
        trace("directories")
        return Summary(root: root, files: output.files.count, directories: tree.directoryCount, streamed: rest.count,
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
