import ArgumentParser
import AsyncHTTPClient
import Foundation
import Publishing

/// `blogctl dnslink plan|apply`: the `_dnslink.<domain>` TXT record of the site.
struct DNSLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dnslink", abstract: "Plan or apply the DNSLink TXT record that points the site's domain at a deployment.",
        subcommands: [DNSLinkPlanCommand.self, DNSLinkApplyCommand.self])
}

struct DNSLinkOptions: ParsableArguments {
    @Argument(help: "The site folder (holding site.yml).") var siteDirectory: String = "."
    @Option(help: "The CID to point at (default: the newest complete deployment).") var cid: String?
}

struct DNSLinkPlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan",
        abstract: "Read _dnslink.<domain> from the provider and show what pointing it at the deployment changes; change nothing.")

    @OptionGroup var options: DNSLinkOptions
    @Flag(help: "Print the plan as JSON.") var json = false

    func run() async throws {
        try await DNSLinkFrontend.run(options) { manager, cid, _ in
            let plan = try await manager.plan(cid: cid)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(plan), as: UTF8.self))
            } else {
                print(plan.diff(color: isatty(STDOUT_FILENO) != 0))
            }
        }
    }
}

struct DNSLinkApplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply",
        abstract: "Point _dnslink.<domain> at the deployment, only if the records are still what the plan read; then check them.")

    @OptionGroup var options: DNSLinkOptions
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() async throws {
        try await DNSLinkFrontend.run(options) { manager, cid, site in
            var log = try DeploymentLog(siteDirectory: site)
            // Never point the domain at content the targets have not confirmed.
            guard log.complete(cid: cid) != nil else {
                throw PublishError.dns("\(cid) is not a complete deployment of this site (see `blogctl deployments`); publish it first")
            }
            let plan = try await manager.plan(cid: cid)
            guard try await DNSLinkFrontend.confirm(plan, manager: manager, yes: yes) else { return }
            let record = try await manager.apply(plan)
            try log.recordDNSLink(record, cid: cid)
            printError("\(plan.name) now holds \"\(plan.value)\"")
        }
    }
}

/// `blogctl rollback`: the domain back to an earlier deployment.
struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rollback",
        abstract: "Point the DNSLink record back at an earlier deployment (default: the one before the current), once its pins are confirmed.")

    @Argument(help: "The site folder (holding site.yml).") var siteDirectory: String = "."
    @Option(help: "The deployment's CID to go back to.") var to: String?
    @Flag(help: "Do not ask for confirmation.") var yes = false

    func run() async throws {
        try await DNSLinkFrontend.run(DNSLinkOptions.parse([siteDirectory])) { manager, _, site in
            var log = try DeploymentLog(siteDirectory: site)
            let current = try await manager.currentCID()
            let candidates = log.deployments.filter(\.complete)
            let chosen: Deployment?
            if let to {
                chosen = candidates.last { $0.cid == to }
                guard chosen != nil else { throw PublishError.rollback("\(to) is not a complete deployment of this site (see `blogctl deployments`)") }
            } else {
                // The newest complete deployment before the one the domain points at.
                let index = candidates.lastIndex { $0.cid == current } ?? candidates.count
                chosen = candidates[..<index].last { $0.cid != current }
            }
            guard let deployment = chosen else { throw PublishError.rollback("no earlier complete deployment to go back to") }
            printError("checking that the targets still hold \(deployment.cid) (\(deployment.time))")
            let missing = try await Publisher(PublishRequest(siteDirectory: site, options: .init())).targetsMissing(deployment)
            guard missing.isEmpty else {
                throw PublishError.rollback("\(missing.joined(separator: ", ")) no longer hold \(deployment.cid); publish that version again instead")
            }
            let plan = try await manager.plan(cid: deployment.cid)
            guard try await DNSLinkFrontend.confirm(plan, manager: manager, yes: yes) else { return }
            let record = try await manager.apply(plan)
            try log.recordDNSLink(record, cid: deployment.cid)
            printError("\(plan.name) points at \(deployment.cid) again")
        }
    }
}

/// What the DNSLink commands share: the manager, the CID, the confirmation, the error lines.
enum DNSLinkFrontend {
    /// Runs `body` with the site's DNSLink manager and the CID (`--cid`, else the newest complete
    /// deployment); a failure is one line and its exit status.
    static func run(_ options: DNSLinkOptions, _ body: (DNSLinkManager, String, URL) async throws -> Void) async throws {
        let site = SiteFolder.url(options.siteDirectory)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            guard let manager = try DNSLinkManager.make(site: site, environment: ProcessInfo.processInfo.environment, client: client) else {
                throw PublishError.dns("site.yml has no dnslink: section (docs/publish.md says how to add one)")
            }
            let cid: String
            if let given = options.cid {
                cid = given
            } else {
                guard let last = try DeploymentLog(siteDirectory: site).lastComplete else {
                    throw PublishError.dns("no complete deployment yet: run `blogctl publish` first, or pass --cid")
                }
                cid = last.cid
            }
            try await body(manager, cid, site)
            try? await client.shutdown()
        } catch let error as PublishError {
            try? await client.shutdown()
            printError("blogctl: error: \(error.step): \(error)")
            throw ExitCode(error.exitCode)
        } catch {
            try? await client.shutdown()
            printError("blogctl: error: \(error)")
            throw ExitCode.failure
        }
    }

    /// Shows `plan` and asks on a terminal; without one (CI), or with `yes`, goes ahead.
    static func confirm(_ plan: DNSLinkPlan, manager: DNSLinkManager, yes: Bool) async throws -> Bool {
        let terminal = isatty(STDIN_FILENO) != 0 && isatty(STDERR_FILENO) != 0
        printError(plan.diff(color: isatty(STDERR_FILENO) != 0))
        if plan.action == .noChange { return true }
        if manager.isManual {
            printError("set this TXT record at your DNS host, with a TTL of \(manager.config.ttl) s:\n  \(plan.name) TXT \"\(plan.value)\""
                + (plan.remove.isEmpty ? "" : "\nand remove: " + plan.remove.map { "\"\($0)\"" }.joined(separator: ", "))
                + "\nwaiting until the authoritative servers answer it…")
            return true
        }
        guard terminal, !yes else { return true }
        FileHandle.standardError.write(Data("apply this change? [y/N] ".utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        if answer == "y" || answer == "yes" { return true }
        printError("nothing changed")
        return false
    }
}
