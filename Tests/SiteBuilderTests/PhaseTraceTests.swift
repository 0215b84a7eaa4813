import Testing
@testable import SiteBuilder

@Test func processCPUTimeAdvancesWithWork() {
    let before = PhaseTrace.processCPUSeconds()
    #expect(before > 0)
    // Spin until the process clock moves on (busy machines only slow this down); a clock stuck
    // at one value (getrusage failing gives 0) would run into the generous wall-clock cap.
    var state: UInt64 = 1
    var after = before
    let cap = ContinuousClock.now + .seconds(20)
    while after - before < 0.01, ContinuousClock.now < cap {
        for _ in 0..<100_000 { state = state &* 6364136223846793005 &+ 1442695040888963407 }
        after = PhaseTrace.processCPUSeconds()
    }
    #expect(state != 0)
    #expect(after - before >= 0.01)
}
