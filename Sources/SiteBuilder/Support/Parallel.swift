import Foundation

/// Runs work on all cores, results in input order (so output never depends on scheduling).
enum Parallel {
    /// `transform` applied to every input on all cores. Workers take small runs of inputs as they
    /// go, so uneven items balance out: fixed chunks per core left one core rendering the last,
    /// heaviest pages (tag lists, the archive) alone for most of a second.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @escaping @Sendable (Input) throws -> Output
    ) async throws -> [Output] {
        guard inputs.count > 1 else { return try inputs.map(transform) }
        let workers = min(inputs.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        // Runs of a few dozen items: little locking, and still fine-grained at the end.
        let queue = WorkQueue(count: inputs.count, run: max(1, min(64, inputs.count / (workers * 16))))
        let slots = await withTaskGroup(of: [(Int, Result<Output, any Error>)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var done: [(Int, Result<Output, any Error>)] = []
                    while let run = queue.next() {
                        for index in run {
                            done.append((index, Result { try transform(inputs[index]) }))
                        }
                    }
                    return done
                }
            }
            var slots = [Result<Output, any Error>?](repeating: nil, count: inputs.count)
            for await done in group {
                for (index, result) in done { slots[index] = result }
            }
            return slots
        }
        // The first failure in input order, so the error reported never depends on timing.
        return try slots.map { try $0!.get() }
    }
}

/// Hands out consecutive runs of indexes `0..<count` to whichever worker asks next.
private final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private let count: Int
    private let run: Int

    init(count: Int, run: Int) {
        self.count = count
        self.run = run
    }

    func next() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard position < count else { return nil }
        let start = position
        position = min(count, position + run)
        return start..<position
    }
}
