import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A running `blogctl serve SITE_DIR`: what it prints on stderr as it comes, the URLs in it, and
/// Ctrl-C. Killed when released, so a failed test leaves no server behind.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    /// stderr so far (kept apart from `self`, whose release kills the process).
    private final class Printed: Sendable {
        let text = Mutex("")
    }
    private let printed = Printed()
    private let reader = DispatchSemaphore(value: 0)

    /// Starts `blogctl serve` with `arguments` (`--port 0` is added: the server picks a free port).
    init(_ arguments: [String], environment: [String: String] = [:]) throws {
        process.executableURL = BlogctlRunner.executable
        process.arguments = ["serve"] + arguments + ["--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let thread = Thread { [printed, reader] in
            while case let data = err.fileHandleForReading.availableData, !data.isEmpty {
                printed.text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
            reader.signal()
        }
        thread.start()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Everything printed on stderr so far.
    var stderr: String { printed.text.withLock { $0 } }

    /// Waits until stderr holds `text` (true) or the process has ended or `timeout` passed (false).
    func waitFor(_ text: String, timeout: Duration = .seconds(120)) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stderr.contains(text) { return true }
            if !process.isRunning {
                reader.wait()
                reader.signal()
                return stderr.contains(text)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// The URL printed after `label` (`site:`, `path gateway:`, `subdomain:`).
    func url(_ label: String) -> String? {
        stderr.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }?
            .split(separator: " ").last.map(String.init)
    }

    /// The port of the printed site URL.
    var port: Int? { url("site:").flatMap { URLComponents(string: $0)?.port } }

    /// The root CID in the printed path gateway URL.
    var root: String? { url("path gateway:").flatMap { $0.split(separator: "/").dropFirst(3).first.map(String.init) } }

    /// Sends SIGINT (Ctrl-C) and waits for the exit: its status, nil when it did not exit within `timeout`.
    func interrupt(timeout: Duration = .seconds(30)) async throws -> Int32? {
        kill(process.processIdentifier, SIGINT)
        return try await exitStatus(timeout: timeout)
    }

    /// The exit status once the process has ended; nil when it still runs after `timeout`.
    func exitStatus(timeout: Duration = .seconds(120)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else { return nil }
            try await Task.sleep(for: .milliseconds(20))
        }
        reader.wait()
        reader.signal()
        return process.terminationStatus
    }
}
