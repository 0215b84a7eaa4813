import Testing

@testable import SiteBuilder

private struct Failure: Error, Equatable { let index: Int }

/// Results come back in input order whatever the schedule, and a failure is the first one in
/// input order, not the first to happen.
@Test func parallelMapKeepsInputOrderAndReportsTheFirstFailure() async throws {
    let inputs = Array(0..<1000)
    let plain = try await Parallel.map(inputs) { $0 * 3 }
    #expect(plain == inputs.map { $0 * 3 })
    // Costliest first: the largest inputs are scheduled first, results still in input order.
    let costed = try await Parallel.map(inputs, cost: { $0 % 7 }) { "\($0)" }
    #expect(costed == inputs.map { "\($0)" })
    await #expect(throws: Failure(index: 123)) {
        _ = try await Parallel.map(inputs, cost: { $0 }) { value -> Int in
            if value == 123 || value == 900 { throw Failure(index: value) }
            return value
        }
    }
    #expect(try await Parallel.map([5]) { $0 + 1 } == [6])
    #expect(try await Parallel.map([Int]()) { $0 + 1 } == [])
}
