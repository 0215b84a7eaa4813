import ArgumentParser
import AsyncHTTPClient
import Foundation
import Publishing
import SiteBuilder

/// `blogctl publish`: build, check and pack the site, put it on every configured target, verify
/// it can be fetched back, and record the deployment (docs/publish.md).
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Put the site on the IPFS nodes, pinning services and clusters of site.yml's publish.targets, and verify it.",
        discussion: """
            Builds and checks the site in memory (nothing is sent if either fails), sends its DAG to every target at once, \
            waits until each holds all of it, fetches it back from publish.verify.gateways, and records the deployment in \
            .blogctl/deployments.json; then, with a dnslink: section, points the domain at it. With no target \
            configured, writes SITE_DIR/site.car. The root CID is the only line on stdout (with --json, one JSON \
            object). Exit status: 0 done, 2 configuration, 3 build, 4 check, 5 a target, 6 verification, 7 recording, \
            8 DNSLink, 9 the record changed meanwhile (docs/publish.md).
            """)

    @Argument(help: "The site folder (holding site.yml).") var siteDirectory: String = "."
    @Option(name: .customLong("target"), help: ArgumentHelp("Publish to this target only; repeat for several.", valueName: "name"))
    var targets: [String] = []
    @Flag(help: "Build, check and pack, and say what would be sent; send nothing, record nothing.") var dryRun = false
    @Flag(help: "Print one JSON object with what each target did instead of the CID.") var json = false
    @Flag(help: "Do not ask before changing the DNSLink record.") var yes = false
    @Flag(help: "With a manual DNSLink provider: do not wait for the record to be set.") var noWait = false
    @Flag(help: "Include drafts (never do this for a real deployment).") var drafts = false
    @Flag(help: "Include posts dated in the future.") var future = false

    func run() async throws {
        let site = SiteFolder.url(siteDirectory)
        var request = PublishRequest(siteDirectory: site, options: BuildOptions(includeDrafts: drafts, includeFuture: future,
            cacheDirectory: SiteBuilder.cacheDirectory(for: site), leavesMemoryToExit: true))
        request.targets = targets
        request.dryRun = dryRun
        let progress = PublishProgress(terminal: isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        var result: PublishResult
        do throws(PublishError) {
            // The DNSLink settings and secret are checked before anything is sent.
            let dnslink = try DNSLinkManager.make(site: site, environment: request.environment, client: client)
            result = try await Publisher(request).run { progress.show($0) }
            progress.finish()
            progress.summarize(result)
            if result.exitCode == 0, let dnslink { await pointDomain(with: dnslink, at: &result, site: site) }
        } catch {
            progress.finish()
            try? await client.shutdown()
            printError("blogctl: error: \(error.step): \(error)")
            throw ExitCode(error.exitCode)
        }
        try? await client.shutdown()
        if let summary = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summary.isEmpty {
            StepSummary.append(result, to: URL(fileURLWithPath: summary))
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(result.cid)
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }
}

extension PublishCommand {
    /// Plans and applies the DNSLink record once the deployment is complete (a dry run only
    /// plans); a failure is one line and goes into `result`.
    func pointDomain(with manager: DNSLinkManager, at result: inout PublishResult, site: URL) async {
        let cid = result.cid
        do {
            let plan = try await manager.plan(cid: cid)
            if result.dryRun {
                printError("dry run: the DNSLink change publish would make:\n" + plan.diff(color: isatty(STDERR_FILENO) != 0))
                return
            }
            if manager.isManual, noWait, plan.action != .noChange {
                printError("set this TXT record at your DNS host:\n  \(plan.name) TXT \"\(plan.value)\"\nthen `blogctl dnslink apply --cid \(cid)` checks it")
                return
            }
            guard try await DNSLinkFrontend.confirm(plan, manager: manager, yes: yes) else { return }
            let record = try await manager.apply(plan)
            var log = try DeploymentLog(siteDirectory: site)
            try log.recordDNSLink(record, cid: cid)
            result.dnslink = record
            printError("\(plan.name) points at \(cid)")
        } catch {
            let failure = error as? PublishError ?? .dns("\(error)")
            printError("blogctl: error: \(failure.step): \(failure)")
            (result.error, result.failedStep, result.exitCode) = (failure.description, failure.step, failure.exitCode)
        }
    }
}

/// The Markdown summary a GitHub Actions run shows (`GITHUB_STEP_SUMMARY`).
enum StepSummary {
    static func append(_ result: PublishResult, to file: URL) {
        var text = "## blogctl publish: \(result.complete ? "published" : "NOT published")\n\n"
        text += "Root CID: `\(result.cid)` (\(result.blocks) blocks, \(ByteText.of(result.bytes)), \(result.profile))\n\n"
        if let error = result.error { text += "**Failed at \(result.failedStep ?? "?"):** \(error)\n\n" }
        text += "| target | type | status | pin | sent |\n|---|---|---|---|---|\n"
        for target in result.targets {
            text += "| \(target.name) | \(target.type) | \(target.status.rawValue) | \(target.pin ?? "") | \(ByteText.of(target.bytesSent)) |\n"
        }
        if !result.verified.isEmpty { text += "\nVerified at: " + result.verified.map { "`\($0)`" }.joined(separator: ", ") + "\n" }
        if let dnslink = result.dnslink {
            text += "\nDNSLink: `\(dnslink.name)` → `\(dnslink.value)`" + (dnslink.previous.map { " (was `\($0)`)" } ?? "") + "\n"
        }
        if !result.gatewayURLs.isEmpty { text += "\nOn gateways: " + result.gatewayURLs.map { "<\($0)>" }.joined(separator: " · ") + "\n" }
        guard let handle = try? FileHandle(forWritingTo: file) else {
            try? Data(text.utf8).write(to: file)
            return
        }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }
}

/// `blogctl deployments`: the recorded deployments, newest last.
struct DeploymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployments", abstract: "List the deployments recorded in SITE_DIR/.blogctl/deployments.json.")

    @Argument(help: "The site folder.") var siteDirectory: String = "."
    @Flag(help: "Print them as JSON.") var json = false

    func run() async throws {
        let log = try reportingErrors { try DeploymentLog(siteDirectory: SiteFolder.url(siteDirectory)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(log.deployments), as: UTF8.self))
            return
        }
        if log.deployments.isEmpty {
            printError("no deployments recorded yet (blogctl publish makes one)")
            return
        }
        for deployment in log.deployments {
            let state = deployment.complete ? "complete" : "INCOMPLETE"
            print("\(deployment.time)  \(deployment.cid)  \(state)  \(deployment.blocks) blocks, \(ByteText.of(deployment.bytes))")
            for target in deployment.targets {
                let error = target.error.map { ": \($0)" } ?? ""
                print("    \(target.name) (\(target.type)): \(target.status.rawValue), sent \(ByteText.of(target.bytesSent))\(error)")
            }
            for gateway in deployment.verified { print("    verified at \(gateway)") }
        }
    }
}

/// Byte counts as people read them.
enum ByteText {
    static func of(_ bytes: UInt64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }
}
