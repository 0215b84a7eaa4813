import Testing

@testable import SiteBuilder

private struct Failure: Error, Equatable { let index: Int }

/// Results come back in input order whatever the schedule, and a failure is the first one in
/// input order, not the first to happen.
@Test func parallelMapKeepsInputOrderAndReportsTheFirstFailure() async throws {
    let inputs = Array(0..<1000)
    let plain = try await Parallel.map(inputs) { $0 * 3 }
    #expect(plain == inputs.map { $0 * 3 })
    // Uneven work: results still in input order.
    let uneven = try await Parallel.map(inputs) { value -> String in
        if value % 97 == 0 { _ = (0..<20_000).reduce(0, &+) }
        return "\(value)"
    }
    #expect(uneven == inputs.map { "\($0)" })
    await #expect(throws: Failure(index: 123)) {
        _ = try await Parallel.map(inputs) { value -> Int in
            if value == 123 || value == 900 { throw Failure(index: value) }
            return value
        }
    }
    #expect(try await Parallel.map([5]) { $0 + 1 } == [6])
    #expect(try await Parallel.map([Int]()) { $0 + 1 } == [])
}
