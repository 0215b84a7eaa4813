import Testing
@testable import SiteBuilder

@Test func processCPUTimeGrowsWithWork() {
    let before = PhaseTrace.processCPUSeconds()
    // Busy work the optimizer cannot drop: its result is checked.
    var state: UInt64 = 1
    let deadline = ContinuousClock.now + .milliseconds(50)
    while ContinuousClock.now < deadline {
        for _ in 0..<10_000 { state = state &* 6364136223846793005 &+ 1442695040888963407 }
    }
    let after = PhaseTrace.processCPUSeconds()
    #expect(state != 0)
    #expect(before > 0)
    // 50 ms of spinning on this thread is at least 20 ms of process CPU time on any scheduler.
    #expect(after - before >= 0.02)
}
