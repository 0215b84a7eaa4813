import Foundation
import TestSupport

/// A copy of SampleSite whose `site.yml` publishes to the targets a test started, run through the
/// `blogctl` binary without blocking the test's threads (the strict servers answer on them).
struct PublishSite {
    let folder: URL
    /// Secrets the targets need, passed to blogctl as environment variables and looked for in every output.
    let secrets: [String: String]

    /// `publish` is the YAML under `publish:` (indented by two spaces).
    init(_ name: String, publish: String, secrets: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-targets-\(name)-\(UUID().uuidString)")
        try SampleSiteCopy.make(at: folder)
        for leftover in ["public", ".blogctl-cache", ".blogctl", "site.car"] { try? FileManager.default.removeItem(at: folder.appendingPathComponent(leftover)) }
        self.secrets = secrets
        try append("\npublish:\n" + publish, to: "site.yml")
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func append(_ text: String, to path: String) throws {
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent(path))
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try handle.close()
    }

    /// Changes one post's text: a new deployment that shares almost every block with the last.
    func editOnePost(_ text: String) throws {
        try append("\n\n\(text)\n", to: "content/posts/2025-01-19-reproducible-builds.md")
    }

    /// `blogctl publish SITE --yes ARGUMENTS` with the secrets in its environment.
    func publish(_ arguments: [String] = []) async throws -> BlogctlRunner.Result {
        try await BlogctlRunner.runAsync(["publish", folder.path, "--yes"] + arguments, environment: secrets.merging(["CI": "true"]) { $1 })
    }

    /// `.blogctl/deployments.json`, parsed (it must always parse).
    func deployments() throws -> [[String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent(".blogctl/deployments.json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return object?["deployments"] as? [[String: Any]] ?? []
    }

    /// The record of target `name` in deployment `deployment`.
    func record(_ name: String, in deployment: [String: Any]) -> [String: Any]? {
        (deployment["targets"] as? [[String: Any]])?.first { $0["name"] as? String == name }
    }

    /// Every place a secret could leak to: what blogctl printed and every file it wrote.
    func leakedSecrets(in results: [BlogctlRunner.Result]) throws -> [String] {
        var texts = results.flatMap { [$0.stdout, $0.stderr] }
        for folderName in [".blogctl", ".blogctl-cache"] {
            let root = folder.appendingPathComponent(folderName)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker {
                if let data = try? Data(contentsOf: file) { texts.append(String(decoding: data, as: UTF8.self)) }
            }
        }
        return secrets.filter { _, value in texts.contains { $0.contains(value) } }.map(\.key)
    }
}

extension BlogctlRunner {
    /// `run` on a thread of its own, so the cooperative threads stay free for servers in this process.
    static func runAsync(_ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Swift.Result { try run(arguments, environment: environment) })
            }.start()
        }
    }
}

extension PublishSite {
    /// `blogctl publish SITE --yes` started and left running (to be killed).
    func startPublish() throws -> Process {
        let process = Process()
        process.executableURL = BlogctlRunner.executable
        process.arguments = ["publish", folder.path, "--yes"]
        process.environment = ProcessInfo.processInfo.environment.merging(secrets.merging(["CI": "true"]) { $1 }) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}
