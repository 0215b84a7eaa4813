/// Runs work on all cores, results in input order (so output never depends on scheduling).
enum Parallel {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ transform: @escaping @Sendable (Input) throws -> Output
    ) async throws -> [Output] {
        guard inputs.count > 1 else { return try inputs.map(transform) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        // A few chunks per core balances uneven work without much task overhead.
        let chunkSize = max(1, (inputs.count + workers * 4 - 1) / (workers * 4))
        let results = await withTaskGroup(of: (Int, Result<[Output], any Error>).self) { group in
            for start in stride(from: 0, to: inputs.count, by: chunkSize) {
                let chunk = Array(inputs[start..<min(start + chunkSize, inputs.count)])
                group.addTask { (start, Result { try chunk.map(transform) }) }
            }
            var results = [Result<[Output], any Error>?](repeating: nil, count: (inputs.count + chunkSize - 1) / chunkSize)
            for await (start, outputs) in group { results[start / chunkSize] = outputs }
            return results
        }
        // The first failure in input order, so the error reported never depends on timing.
        return try results.flatMap { try $0!.get() }
    }
}

import Foundation
