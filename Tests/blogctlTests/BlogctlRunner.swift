import Foundation

/// Runs the built `blogctl` binary, which SwiftPM places beside the test bundle.
struct BlogctlRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let executable: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        // The runner may be `…/debug/blogctlPackageTests.xctest` or a file inside such a bundle.
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("blogctl")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        fatalError("blogctl binary not found near \(runner.path); build with `swift build --build-tests`")
    }()

    /// Runs blogctl with `arguments` in `directory`, with extra environment variables; or `launcher`
    /// (e.g. setpriv) with `arguments`, which name blogctl.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], launcher: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = launcher ?? executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain stdout on another thread while stderr is read here, so neither pipe can fill and stall the child.
        let stdoutBox = DataBox()
        let reader = Thread { stdoutBox.data = (try? out.fileHandleForReading.readToEnd()) ?? Data() ; stdoutBox.done.signal() }
        reader.start()
        let stderrData = (try? err.fileHandleForReading.readToEnd()) ?? Data()
        stdoutBox.done.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutBox.data, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }
}

private final class DataBox: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}
