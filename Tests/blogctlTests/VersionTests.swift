import Foundation
import Testing

@Test func versionAndHelpRun() throws {
    let version = try BlogctlRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    let unknown = try BlogctlRunner.run(["no-such-command"])
    #expect(unknown.status != 0)
    #expect(unknown.stderr.contains("no-such-command"))
}
