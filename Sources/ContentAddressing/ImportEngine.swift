/// Runs an `ImportPlan`: reads and hashes files on several cores, then lays out files and
/// builds directories bottom-up. The result depends only on the plan, never on scheduling.
struct ImportEngine: Sendable {
    let sink: BlockSink
    let maxConcurrency: Int
    let progress: (@Sendable (ImportProgress) -> Void)?

    var profile: ImportProfile { sink.profile }
    /// Files up to this size are read whole inside a batch; larger ones are split into segments.
    static let segmentBytes = 8 << 20
    /// A batch of small files closes at this many bytes or files, keeping tasks coarse.
    static let batchBytes = 4 << 20
    static let batchFiles = 256

    /// A piece of work for one task.
    private enum Unit: Sendable {
        /// Whole files, each read and laid out by the task.
        case files(Range<Int>)
        /// Leaves `chunks` of one big file; the file is laid out once all its segments are in.
        case segment(file: Int, chunks: Range<Int>)
    }

    private enum Outcome: Sendable {
        case files(Range<Int>, [ImportedNode])
        case segment(file: Int, chunks: Range<Int>, [ImportedNode])
    }

    /// The root of the plan's tree.
    func run(_ plan: ImportPlan) async throws(ImportError) -> ImportedNode {
        let files = try await importFiles(plan)
        return try build(plan.root, files: files)
    }

    private var chunker: FileChunker { FileChunker(profile: profile, sink: sink) }
    private var layout: BalancedLayout { BalancedLayout(profile: profile, sink: sink) }

    private func units(_ plan: ImportPlan) -> [Unit] {
        let segmentChunks = max(1, ImportEngine.segmentBytes / profile.chunkSize)
        var units: [Unit] = []
        var batchStart = 0, batchBytes = 0
        func closeBatch(at end: Int) {
            if batchStart < end { units.append(.files(batchStart..<end)) }
            batchStart = end
            batchBytes = 0
        }
        for (index, source) in plan.files.enumerated() {
            let chunks = chunker.chunkCount(length: source.length)
            if chunks > segmentChunks {
                closeBatch(at: index)
                for first in stride(from: 0, to: chunks, by: segmentChunks) {
                    units.append(.segment(file: index, chunks: first..<min(first + segmentChunks, chunks)))
                }
                batchStart = index + 1
                continue
            }
            batchBytes += source.length
            if batchBytes >= ImportEngine.batchBytes || index + 1 - batchStart >= ImportEngine.batchFiles {
                closeBatch(at: index + 1)
            }
        }
        closeBatch(at: plan.files.count)
        return units
    }

    private func perform(_ unit: Unit, plan: ImportPlan) throws(ImportError) -> Outcome {
        switch unit {
        case .files(let range):
            var nodes: [ImportedNode] = []
            nodes.reserveCapacity(range.count)
            for index in range {
                // A cancelled import (a preview server starting over) stops between files.
                if Task.isCancelled { throw .cancelled }
                let source = plan.files[index]
                let leaves = try chunker.leaves(of: source, chunks: 0..<chunker.chunkCount(length: source.length))
                nodes.append(try layout.root(of: leaves))
            }
            return .files(range, nodes)
        case .segment(let file, let chunks):
            if Task.isCancelled { throw .cancelled }
            return .segment(file: file, chunks: chunks, try chunker.leaves(of: plan.files[file], chunks: chunks))
        }
    }

    /// Every file's root node, indexed like `plan.files`.
    private func importFiles(_ plan: ImportPlan) async throws(ImportError) -> [ImportedNode] {
        let units = units(plan)
        var roots = [ImportedNode?](repeating: nil, count: plan.files.count)
        var segments: [Int: [(first: Int, leaves: [ImportedNode])]] = [:]
        let total = ProgressTally(files: plan.files.count, bytes: plan.totalBytes)
        var done = (files: 0, bytes: UInt64(0))
        do {
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                var next = 0
                func startNext() {
                    guard next < units.count else { return }
                    let unit = units[next]
                    next += 1
                    group.addTask { try self.perform(unit, plan: plan) }
                }
                for _ in 0..<max(1, maxConcurrency) { startNext() }
                while let outcome = try await group.next() {
                    startNext()
                    switch outcome {
                    case .files(let range, let nodes):
                        for (index, node) in zip(range, nodes) { roots[index] = node }
                        done.files += range.count
                        done.bytes += nodes.reduce(0) { $0 + $1.size }
                    case .segment(let file, let chunks, let leaves):
                        segments[file, default: []].append((chunks.lowerBound, leaves))
                        done.bytes += leaves.reduce(0) { $0 + $1.size }
                        let received = segments[file]!.reduce(0) { $0 + $1.leaves.count }
                        if received == chunker.chunkCount(length: plan.files[file].length) {
                            let ordered = segments.removeValue(forKey: file)!.sorted { $0.first < $1.first }
                            roots[file] = try layout.root(of: ordered.flatMap(\.leaves))
                            done.files += 1
                        }
                    }
                    progress?(ImportProgress(filesDone: done.files, files: total.files, bytesDone: done.bytes, bytes: total.bytes))
                }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw .cancelled
        }
        return roots.map { $0! }
    }

    /// The node for `entry`, building directories from their children's nodes.
    private func build(_ entry: PlanEntry, files: [ImportedNode]) throws(ImportError) -> ImportedNode {
        switch entry {
        case .file(let index):
            return files[index]
        case .symlink(let target):
            let bytes = UnixFSNodes.symlink(target: target)
            return ImportedNode(cid: try sink.putDAGPB(bytes), tsize: UInt64(bytes.count), size: UInt64(target.count))
        case .directory(let path, let entries):
            var children: [(name: String, node: ImportedNode)] = []
            children.reserveCapacity(entries.count)
            for (name, child) in entries { children.append((name, try build(child, files: files))) }
            return try DirectoryBuilder(sink: sink).build(children, path: path)
        }
    }

    private struct ProgressTally { let files: Int; let bytes: UInt64 }
}

/// How far an import has got, reported after each piece of work.
public struct ImportProgress: Sendable, Equatable {
    public let filesDone: Int
    public let files: Int
    public let bytesDone: UInt64
    public let bytes: UInt64
}
