/// Runs an import: files are read and hashed on several cores while the tree is still being
/// walked, then files are laid out and directories built bottom-up. The result depends only on
/// the plan, never on scheduling.
struct ImportEngine: Sendable {
    let sink: BlockSink
    let maxConcurrency: Int
    let progress: (@Sendable (ImportProgress) -> Void)?

    var profile: ImportProfile { sink.profile }

    /// Builds the plan, announcing each file (index, source) as soon as it is found.
    typealias Planner = @Sendable (_ found: (Int, ChunkSource) -> Void) throws(ImportError) -> ImportPlan

    /// The root of the tree `planner` describes.
    func run(_ planner: @escaping Planner) async throws(ImportError) -> (root: ImportedNode, plan: ImportPlan) {
        let (plan, files) = try await importFiles(planner)
        return (try build(plan.root, files: files), plan)
    }

    /// A planner for an already built plan.
    static func replaying(_ plan: ImportPlan) -> Planner {
        { found in
            for (index, source) in plan.files.enumerated() { found(index, source) }
            return plan
        }
    }

    private var chunker: FileChunker { FileChunker(profile: profile, sink: sink) }
    private var layout: BalancedLayout { BalancedLayout(profile: profile, sink: sink) }

    private enum Outcome: Sendable {
        case files(first: Int, [ImportedNode])
        case segment(file: Int, chunks: Range<Int>, of: Int, [ImportedNode])
        case planned(ImportPlan)
    }

    private func perform(_ unit: ImportUnit) throws(ImportError) -> Outcome {
        switch unit {
        case .files(let first, let sources):
            var nodes: [ImportedNode] = []
            nodes.reserveCapacity(sources.count)
            for source in sources {
                // A cancelled import (a preview server starting over) stops between files.
                if Task.isCancelled { throw .cancelled }
                let leaves = try chunker.leaves(of: source, chunks: 0..<chunker.chunkCount(length: source.length))
                nodes.append(try layout.root(of: leaves))
            }
            return .files(first: first, nodes)
        case .segment(let file, let source, let chunks):
            if Task.isCancelled { throw .cancelled }
            return .segment(file: file, chunks: chunks, of: chunker.chunkCount(length: source.length),
                            try chunker.leaves(of: source, chunks: chunks))
        }
    }

    /// The plan and every file's root node, indexed like `plan.files`.
    private func importFiles(_ planner: @escaping Planner) async throws(ImportError) -> (ImportPlan, [ImportedNode]) {
        let (units, continuation) = AsyncStream<ImportUnit>.makeStream()
        let batcher = ImportUnitBatcher(chunkSize: profile.chunkSize)
        var roots: [ImportedNode?] = []
        var segments: [Int: [(first: Int, leaves: [ImportedNode])]] = [:]
        var plan: ImportPlan?
        var found = (files: 0, bytes: UInt64(0)), done = (files: 0, bytes: UInt64(0))
        do {
            try await withThrowingTaskGroup(of: Outcome.self) { group in
                // The walk runs beside the hashing; it only fills the queue of units.
                group.addTask {
                    defer { continuation.finish() }
                    var batcher = batcher
                    let plan = try planner { index, source in
                        for unit in batcher.add(file: index, source) { continuation.yield(unit) }
                    }
                    for unit in batcher.finish() { continuation.yield(unit) }
                    return .planned(plan)
                }
                var running = 0
                func record(_ outcome: Outcome) throws(ImportError) {
                    switch outcome {
                    case .planned(let finished):
                        plan = finished
                        return
                    case .files(let first, let nodes):
                        running -= 1
                        for (offset, node) in nodes.enumerated() { roots[first + offset] = node }
                        done.files += nodes.count
                        done.bytes += nodes.reduce(0) { $0 + $1.size }
                    case .segment(let file, let chunks, let total, let leaves):
                        running -= 1
                        segments[file, default: []].append((chunks.lowerBound, leaves))
                        done.bytes += leaves.reduce(0) { $0 + $1.size }
                        if segments[file]!.reduce(0, { $0 + $1.leaves.count }) == total {
                            let ordered = segments.removeValue(forKey: file)!.sorted { $0.first < $1.first }
                            roots[file] = try layout.root(of: ordered.flatMap(\.leaves))
                            done.files += 1
                        }
                    }
                    progress?(ImportProgress(filesDone: done.files, files: found.files, bytesDone: done.bytes, bytes: found.bytes))
                }
                for await unit in units {
                    while running >= maxConcurrency, let outcome = try await group.next() { try record(outcome) }
                    switch unit {
                    case .files(let first, let sources):
                        roots.append(contentsOf: repeatElement(nil, count: first + sources.count - roots.count))
                        found.files += sources.count
                        found.bytes += sources.reduce(0) { $0 + UInt64($1.length) }
                    case .segment(let file, let source, let chunks):
                        if chunks.lowerBound == 0 {
                            roots.append(contentsOf: repeatElement(nil, count: file + 1 - roots.count))
                            found.files += 1
                            found.bytes += UInt64(source.length)
                        }
                    }
                    running += 1
                    group.addTask { try self.perform(unit) }
                }
                while let outcome = try await group.next() { try record(outcome) }
            }
        } catch let error as ImportError {
            throw error
        } catch {
            throw .cancelled
        }
        // A cancelled task's stream ends early: then some files were never read.
        guard let plan, roots.count == plan.files.count, !roots.contains(where: { $0 == nil }) else { throw .cancelled }
        return (plan, roots.map { $0! })
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
}

/// A piece of work for one task.
enum ImportUnit: Sendable {
    /// Whole files, numbered from `first`, each read and laid out by the task.
    case files(first: Int, [ChunkSource])
    /// Leaves `chunks` of one big file; the file is laid out once all its segments are in.
    case segment(file: Int, ChunkSource, chunks: Range<Int>)
}

/// Groups files, in the order they are found, into units coarse enough that task overhead
/// stays small next to hashing: small files in batches, big files split into segments.
struct ImportUnitBatcher: Sendable {
    /// Files above this size are split into segments of about this size, hashed in parallel.
    static let segmentBytes = 8 << 20
    /// A batch of small files closes at this many bytes or files.
    static let batchBytes = 4 << 20
    static let batchFiles = 256

    let chunkSize: Int
    private var first = 0
    private var batch: [ChunkSource] = []
    private var batchBytes = 0

    init(chunkSize: Int) {
        self.chunkSize = chunkSize
    }

    /// The units file `index` completes (files arrive numbered 0, 1, 2, …).
    mutating func add(file index: Int, _ source: ChunkSource) -> [ImportUnit] {
        let segmentChunks = max(1, ImportUnitBatcher.segmentBytes / chunkSize)
        let chunks = max(1, (source.length + chunkSize - 1) / chunkSize)
        if chunks > segmentChunks {
            var units = finish()
            for start in stride(from: 0, to: chunks, by: segmentChunks) {
                units.append(.segment(file: index, source, chunks: start..<min(start + segmentChunks, chunks)))
            }
            return units
        }
        if batch.isEmpty { first = index }
        batch.append(source)
        batchBytes += source.length
        guard batchBytes >= ImportUnitBatcher.batchBytes || batch.count >= ImportUnitBatcher.batchFiles else { return [] }
        return finish()
    }

    /// The last, partial batch.
    mutating func finish() -> [ImportUnit] {
        guard !batch.isEmpty else { return [] }
        defer {
            batch = []
            batchBytes = 0
        }
        return [.files(first: first, batch)]
    }
}
