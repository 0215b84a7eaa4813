import AsyncHTTPClient
import ContentAddressing
import Foundation
import SiteBuilder

/// What one `publish` is asked to do.
public struct PublishRequest: Sendable {
    public var siteDirectory: URL
    public var options: BuildOptions
    /// `--target` names; empty: every configured target.
    public var targets: [String] = []
    public var dryRun = false
    /// Where secrets named by `*_env` are looked up.
    public var environment: [String: String] = ProcessInfo.processInfo.environment
    public var retry = RetryPolicy()
    public var poll = PollSchedule()

    public init(siteDirectory: URL, options: BuildOptions) {
        self.siteDirectory = siteDirectory
        self.options = options
    }
}

/// `blogctl publish`: build and pack the site (nothing is sent if the build or `check` fails),
/// put the DAG on every target at once, verify it can be fetched back, record the deployment.
/// Pointing the domain at it (DNSLink) comes after `run` returns a complete deployment.
public struct Publisher: Sendable {
    public let request: PublishRequest

    public init(_ request: PublishRequest) { self.request = request }

    /// Publishes; the result says what each target did (a failed target is in it, with the first
    /// failure and its step's exit code). Throws for a failure before anything was sent.
    public func run(events: @escaping @Sendable (PublishEvent) -> Void) async throws(PublishError) -> PublishResult {
        let site = request.siteDirectory
        let (config, siteConfig, file) = try Self.configuration(of: site)
        let chosen: [TargetConfig]
        do { chosen = try config.targets(named: request.targets, file: file) } catch { throw .configuration(error) }
        let configs = chosen.isEmpty && request.targets.isEmpty ? [Self.defaultTarget(site)] : chosen
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(5))))
        do {
            let result = try await run(configs, config: config, siteConfig: siteConfig, file: file, client: client, events: events)
            try? await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func run(_ configs: [TargetConfig], config: PublishConfig, siteConfig: SiteConfig, file: String, client: HTTPClient,
        events: @escaping @Sendable (PublishEvent) -> Void) async throws(PublishError) -> PublishResult
    {
        let site = request.siteDirectory
        let targets = try configs.map { target throws(PublishError) in try makeTarget(target, client: client, file: file, events: events) }

        events(.building)
        let packed = try await PackedSite.make(siteDirectory: site, options: request.options,
            sitePath: SiteURLs(baseURL: siteConfig.baseURL).rootRelative("/"))
        events(.built(packed.stats, warnings: packed.warnings))
        events(.packed(root: packed.root, blocks: packed.blocks.blocks.count, bytes: packed.blocks.byteCount, references: packed.referencesChecked))
        var result = PublishResult(cid: packed.root.string, profile: packed.profile.name, blocks: packed.blocks.blocks.count,
            bytes: packed.blocks.byteCount, dryRun: request.dryRun, complete: false, targets: [], verified: [], exitCode: 0,
            gatewayURLs: [])
        if request.dryRun {
            result.targets = targets.map { $0.record(.pending, pin: nil) }
            return result
        }

        let log = LogWriter(try DeploymentLog(siteDirectory: site), deployment: Deployment(time: Self.now(),
            cid: packed.root.string, profile: packed.profile.name, blocks: packed.blocks.blocks.count, bytes: packed.blocks.byteCount))
        let blockLists = BlockListCache(cacheDirectory: SiteBuilder.cacheDirectory(for: site))
        blockLists.save(packed.blocks)
        let origins = await origins(for: targets)
        let outcomes = await publish(packed, to: targets, log: log, blockLists: blockLists, origins: origins, timeout: config.timeout,
            keep: config.keep, events: events)

        var failure: PublishError?
        for (target, outcome) in zip(targets, outcomes) {
            switch outcome {
            case .success(let record): result.targets.append(record)
            case .failure(let error):
                // A pin request made before the failure stays named, so a rerun waits for it rather than asking again.
                let remembered = await log.record(of: target.config.name)
                result.targets.append(target.record(.failed, pin: remembered?.pin, bytes: remembered?.bytesSent ?? 0,
                    blocks: remembered?.blocksSent ?? 0).with(error: "\(error)"))
                if target.config.required, failure == nil { failure = error }
            }
        }
        if failure == nil {
            let gateways = config.verifyGateways + targets.compactMap(\.gateway)
            failure = await verify(packed, at: gateways, client: client, result: &result, events: events)
        }
        result.complete = failure == nil
        // Public gateways find the site only when a node announces it.
        let onNetwork = targets.contains { if case .car = $0.config.kind { false } else { true } }
        result.gatewayURLs = config.verifyGateways.map { $0.appendingPathComponent("ipfs/\(packed.root)/").absoluteString }
            + (onNetwork ? ["https://\(packed.root.v1).ipfs.dweb.link/", "https://ipfs.io/ipfs/\(packed.root)/"] : [])
        result.defaultTarget = configs == [Self.defaultTarget(site)] && config.targets.isEmpty
        do {
            try await log.finish(targets: result.targets, verified: result.verified, complete: result.complete)
            events(.recorded(DeploymentLog.file(in: site)))
        } catch {
            failure = failure ?? error
        }
        if let failure {
            result.error = failure.description
            result.failedStep = failure.step
            result.exitCode = failure.exitCode
        }
        return result
    }

    /// Every target at once; each result in the targets' order.
    private func publish(_ site: PackedSite, to targets: [any PublishTarget], log: LogWriter, blockLists: BlockListCache,
        origins: [String], timeout: Duration, keep: Int, events: @escaping @Sendable (PublishEvent) -> Void) async -> [Result<TargetRecord, PublishError>]
    {
        let history = await log.history
        let current = history.latest(cid: site.root.string)
        return await withTaskGroup(of: (Int, Result<TargetRecord, PublishError>).self) { group in
            for (index, target) in targets.enumerated() {
                // Each target checks itself whether it still holds what an earlier run recorded.
                let resume = current?.target(target.config.name).flatMap { $0.endpoint == target.endpoint ? $0 : nil }
                let held = history.pinned(target: target.config.name, endpoint: target.endpoint).filter { $0.deployment.cid != site.root.string }
                let previous = held.first
                // Beyond `keep` (this deployment counted), oldest first; a CID also held by a newer kept deployment stays.
                let kept = Set(held.prefix(max(0, keep - 1)).map(\.deployment.cid))
                let retired = held.dropFirst(max(0, keep - 1)).reversed().filter { !kept.contains($0.deployment.cid) }
                let job = TargetJob(site: site, previous: previous, resume: resume,
                    previousBlocks: previous.flatMap { (try? CID($0.deployment.cid)).flatMap(blockLists.load) },
                    retired: Array(retired), origins: origins, timeout: timeout, progress: { events(.target($0)) },
                    remember: { record throws(PublishError) in try await log.remember(record) })
                group.addTask {
                    do throws(PublishError) {
                        let record = try await target.publish(job)
                        try await log.remember(record)
                        try await log.release(job.retired, target: target.config.name)
                        events(.targetDone(record))
                        return (index, .success(record))
                    } catch {
                        events(.targetFailed(target.config.name, error))
                        return (index, .failure(error))
                    }
                }
            }
            var results = [Result<TargetRecord, PublishError>?](repeating: nil, count: targets.count)
            for await (index, result) in group { results[index] = result }
            return results.map { $0! }
        }
    }

    /// Fetches the site back from each gateway; the first failure.
    private func verify(_ site: PackedSite, at gateways: [URL], client: HTTPClient, result: inout PublishResult,
        events: @escaping @Sendable (PublishEvent) -> Void) async -> PublishError?
    {
        let verifier = GatewayVerifier(client: client, retry: request.retry)
        for gateway in gateways {
            events(.verifying(gateway))
            do {
                let bytes = try await verifier.verify(site, at: gateway) { _ in }
                result.verified.append(gateway.absoluteString)
                events(.verified(gateway, bytes: bytes))
            } catch {
                return error
            }
        }
        return nil
    }

    /// The required targets of `deployment` still configured (same name and endpoint) that no longer
    /// hold its DAG; throws when one cannot be asked.
    public func targetsMissing(_ deployment: Deployment, events: @escaping @Sendable (PublishEvent) -> Void = { _ in })
        async throws(PublishError) -> [String]
    {
        let (config, _, file) = try Self.configuration(of: request.siteDirectory)
        guard let cid = try? CID(deployment.cid) else { throw .rollback("\(deployment.cid) is not a CID") }
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(timeout: .init(connect: .seconds(5))))
        var missing: [String] = []
        var failure: PublishError?
        for target in config.targets where target.required {
            guard let record = deployment.target(target.name), record.status == .pinned else { continue }
            do {
                let made = try makeTarget(target, client: client, file: file, events: events)
                guard made.endpoint == record.endpoint else { continue }
                if try await !made.holds(cid, record: record) { missing.append(target.name) }
            } catch {
                failure = error
                break
            }
        }
        try? await client.shutdown()
        if let failure { throw failure }
        return missing
    }

    /// The multiaddrs of the kubo targets' nodes, for pinning services without `origins`.
    private func origins(for targets: [any PublishTarget]) async -> [String] {
        guard targets.contains(where: { if case .pinningService(_, _, nil) = $0.config.kind { true } else { false } }) else { return [] }
        var found: [String] = []
        for target in targets { found += await target.origins() }
        return found
    }

    private func makeTarget(_ config: TargetConfig, client: HTTPClient, file: String, events: @escaping @Sendable (PublishEvent) -> Void)
        throws(PublishError) -> any PublishTarget
    {
        let name = config.name
        let transport = HTTPTransport(client: client, retry: request.retry, target: name) { purpose, attempt, wait, reason in
            events(.retrying(target: name, purpose: purpose, attempt: attempt, wait: wait, reason: reason))
        }
        let index = "publish.targets[\(name)]"
        func secret(_ source: SecretSource?, _ key: String) throws(PublishError) -> Secret? {
            do {
                return try source?.resolve(key: "\(index).\(key)", file: file, environment: request.environment, siteDirectory: request.siteDirectory)
            } catch {
                throw .configuration(error)
            }
        }
        let siteName = request.siteDirectory.standardizedFileURL.lastPathComponent
        switch config.kind {
        case .kubo(let api, let auth, let gateway):
            return KuboTarget(config: config, api: api, authorization: try secret(auth, "auth_env"), gateway: gateway, transport: transport)
        case .pinningService(let endpoint, let token, let origins):
            return PinningServiceTarget(config: config, endpoint: endpoint.absoluteString, base: endpoint, token: try secret(token, "token_env")!,
                origins: origins, siteName: siteName, transport: transport, schedule: request.poll)
        case .cluster(let api, let auth, let minimum, let maximum):
            return ClusterTarget(config: config, api: api, authorization: try secret(auth, "auth_env"), replicationMin: minimum,
                replicationMax: maximum, siteName: siteName, transport: transport, schedule: request.poll)
        case .car(let path):
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : request.siteDirectory.appendingPathComponent(path)
            return CARFileTarget(config: config, file: url.standardizedFileURL)
        }
    }

    /// `publish:` of the site's `site.yml`, the settings themselves, and the file as shown in errors.
    static func configuration(of site: URL) throws(PublishError) -> (PublishConfig, SiteConfig, String) {
        let file = site.appendingPathComponent("site.yml")
        let shown = site.relativePath == "." ? "site.yml" : file.relativePath
        guard let data = FileManager.default.contents(atPath: file.path), let text = String(data: data, encoding: .utf8) else {
            throw .build("\(shown): cannot read it (no site.yml here? `blogctl init` makes a site)")
        }
        do {
            let settings = try SiteConfig.parse(text, file: shown)
            return (try PublishConfig.parse(settings.publish, file: shown), settings, shown)
        } catch let error as PublishConfigError {
            throw .configuration(error)
        } catch {
            throw .build("\(error)")
        }
    }

    /// The `publish:` and `dnslink:` settings of the site folder `site`.
    public static func settings(of site: URL) throws(PublishError) -> (PublishConfig, DNSLinkConfig?) {
        let (publish, settings, file) = try configuration(of: site)
        do { return (publish, try DNSLinkConfig.parse(settings.dnslink, file: file)) } catch { throw .configuration(error) }
    }

    /// With no target configured: the site's CAR, `site.car` in the site folder.
    static func defaultTarget(_ site: URL) -> TargetConfig {
        TargetConfig(name: "car", kind: .car(path: "site.car"), required: true)
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }
}

extension TargetRecord {
    func with(error: String) -> TargetRecord {
        var copy = self
        copy.error = error
        return copy
    }
}

/// The deployment being made, saved to the log whenever a target's record changes (serially:
/// targets finish at once).
actor LogWriter {
    private var log: DeploymentLog
    private var deployment: Deployment

    init(_ log: DeploymentLog, deployment: Deployment) {
        self.log = log
        // A rerun of an unfinished deployment of the same site continues its record.
        if let unfinished = log.deployments.last, unfinished.cid == deployment.cid, !unfinished.complete {
            self.deployment = unfinished
        } else {
            self.deployment = deployment
        }
    }

    var history: DeploymentLog { log }

    /// What this deployment's record says of target `name` so far.
    func record(of name: String) -> TargetRecord? { deployment.target(name) }

    func remember(_ record: TargetRecord) throws(PublishError) {
        deployment.set(record)
        try log.save(deployment)
    }

    /// Marks `retired` (deployments the target unpinned) released in their own records.
    func release(_ retired: [(deployment: Deployment, record: TargetRecord)], target name: String) throws(PublishError) {
        for (old, _) in retired {
            guard var stored = log.deployments.last(where: { $0.cid == old.cid && $0.time == old.time }), var record = stored.target(name) else { continue }
            record.status = .released
            stored.set(record)
            try log.save(stored)
        }
    }

    func finish(targets: [TargetRecord], verified: [String], complete: Bool) throws(PublishError) {
        for record in targets { deployment.set(record) }
        deployment.verified = verified
        deployment.complete = complete
        try log.save(deployment)
    }
}
