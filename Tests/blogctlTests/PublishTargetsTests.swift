import ContentAddressing
import Foundation
import StrictServers
import Testing

/// `blogctl publish` end to end against strict kubo, Pinning Service API and IPFS Cluster servers
/// on 127.0.0.1: full and delta uploads, pins kept and released, pins replaced and resumed,
/// replication, and faults, with no secret anywhere in what blogctl prints or writes.
@Suite struct PublishTargetsTests {
    static func kuboTarget(_ kubo: StrictKubo, name: String = "node", authEnv: String? = nil) -> String {
        """
            - name: \(name)
              type: kubo
              api: \(kubo.api.url)
              gateway: \(kubo.gateway.url)\(authEnv.map { "\n      auth_env: \($0)" } ?? "")

        """
    }

    @Test func aKuboNodeGetsTheWholeSiteFirstThenOnlyWhatChanged() async throws {
        let secret = "kubo-secret-\(UUID().uuidString)"
        let kubo = try await StrictKubo.start(authorization: "Basic \(secret)")
        let site = try PublishSite("kubo", publish: "  targets:\n" + Self.kuboTarget(kubo, authEnv: "TEST_KUBO_AUTH") + "  keep: 2\n",
            secrets: ["TEST_KUBO_AUTH": "Basic \(secret)"])
        defer { site.remove() }
        var results: [BlogctlRunner.Result] = []

        let first = try await site.publish(["--json"])
        results.append(first)
        #expect(first.status == 0, "\(first.stderr)")
        let firstResult = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let firstRoot = try CID(try #require(firstResult["cid"] as? String))
        #expect(kubo.node.pins == [firstRoot])
        #expect(kubo.node.missingBlock(under: firstRoot) == nil)
        #expect(kubo.provided.contains(firstRoot.string), "the root is announced")
        #expect(firstResult["verified"] as? [String] == [kubo.gateway.url.absoluteString], "fetched back through the node's gateway")
        let fullBytes = kubo.node.bytesReceived
        let firstBlocks = kubo.node.blocksReceived
        #expect(fullBytes == firstResult["bytes"] as? Int)

        try site.editOnePost("A second thought on reproducible builds.")
        let second = try await site.publish()
        results.append(second)
        #expect(second.status == 0, "\(second.stderr)")
        let secondRoot = try CID(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(secondRoot != firstRoot)
        // Exactly the blocks the node did not hold: those of the new DAG that the old one lacks.
        let deltaBytes = kubo.node.bytesReceived - fullBytes
        let held = Set(try DAGBlocks.walk(root: firstRoot, store: kubo.node.store).blocks.map(\.cid))
        let new = try DAGBlocks.walk(root: secondRoot, store: kubo.node.store, excluding: held.contains)
        #expect(UInt64(deltaBytes) == new.byteCount && kubo.node.blocksReceived - firstBlocks == new.blocks.count)
        #expect(deltaBytes > 0 && deltaBytes * 2 < fullBytes, "a one-post edit (whose feeds carry whole posts) sends \(deltaBytes) of \(fullBytes) bytes")
        let update = try #require(kubo.faults.requests(to: "/api/v0/pin/update").last)
        #expect(update.query["arg"] == [firstRoot.string, secondRoot.string] && update.query["unpin"] == ["false"])
        #expect(kubo.node.pins == [firstRoot, secondRoot], "keep: 2 holds the previous deployment for a rollback")

        try site.editOnePost("And a third.")
        let third = try await site.publish()
        results.append(third)
        #expect(third.status == 0, "\(third.stderr)")
        let thirdRoot = try CID(third.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(kubo.node.pins == [secondRoot, thirdRoot], "the deployment beyond keep is unpinned")
        let log = try site.deployments()
        #expect(log.count == 3 && log.allSatisfy { $0["complete"] as? Bool == true })
        #expect(site.record("node", in: log[0])?["status"] as? String == "released")
        #expect(try site.leakedSecrets(in: results).isEmpty)
        // Every call carried the Authorization value; none went out with another method than POST.
        #expect(kubo.faults.requests.allSatisfy { $0.method == "POST" && $0.status != 403 })
        await kubo.stop()
    }

    @Test func aWrongKuboAuthorizationIsOneLineNamingTheTargetAndRecordsNoPin() async throws {
        let kubo = try await StrictKubo.start(authorization: "Bearer right")
        let site = try PublishSite("kubo-auth", publish: "  targets:\n" + Self.kuboTarget(kubo, authEnv: "TEST_KUBO_AUTH"),
            secrets: ["TEST_KUBO_AUTH": "Bearer wrong-\(UUID().uuidString)"])
        defer { site.remove() }
        let run = try await site.publish()
        #expect(run.status == 5, "\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("blogctl: error:") }
        #expect(errors.count == 1 && errors[0].contains("node") && errors[0].contains("403"), "\(run.stderr)")
        #expect(kubo.node.pins.isEmpty && kubo.node.blocksReceived == 0)
        #expect(try site.deployments().last?["complete"] as? Bool == false)
        #expect(try site.leakedSecrets(in: [run]).isEmpty)
        await kubo.stop()
    }

    @Test func aPinningServiceFetchesFromTheNodeReplacesTheOldPinAndAWaitIsResumed() async throws {
        let network = IPFSNetwork()
        let kubo = try await StrictKubo.start(network: network)
        let token = "psa-token-\(UUID().uuidString)"
        let service = try await StrictPinningService.start(token: token, network: network)
        let site = try PublishSite("psa", publish: "  targets:\n" + Self.kuboTarget(kubo) + """
                - name: pinsvc
                  type: pinning_service
                  endpoint: \(service.server.url)
                  token_env: TEST_PSA_TOKEN
              keep: 1
              timeout: 3

            """, secrets: ["TEST_PSA_TOKEN": token])
        defer { site.remove() }
        var results: [BlogctlRunner.Result] = []

        let first = try await site.publish()
        results.append(first)
        #expect(first.status == 0, "\(first.stderr)")
        let firstRoot = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(service.pins.values.map(\.cid) == [firstRoot] && service.pins.values.first?.status == "pinned")
        #expect(service.pins.values.first?.name?.hasSuffix(String(firstRoot.suffix(8))) == true)
        // A request this site made before (a run killed before it could record its id) is looked for first.
        #expect(service.faults.requests(to: "/pins").map(\.method) == ["GET", "POST"])

        // The service is busy: the wait ends at the timeout, the request is recorded, a rerun waits for it.
        service.behaviour.hold = true
        try site.editOnePost("Held for a while.")
        let held = try await site.publish()
        results.append(held)
        #expect(held.status == 5, "\(held.stderr)")
        #expect(held.stderr.contains("pinsvc") && held.stderr.contains("run publish again"), "\(held.stderr)")
        let pending = try #require(site.deployments().last)
        let requestID = try #require(site.record("pinsvc", in: pending)?["pin"] as? String)
        #expect(site.record("pinsvc", in: pending)?["status"] as? String == "failed" && pending["complete"] as? Bool == false)
        #expect(service.pins.count == 1 && service.pins[requestID] != nil, "keep: 1 replaced the old pin with the new request")
        service.behaviour.hold = false
        let kuboImports = kubo.faults.requests(to: "/api/v0/dag/import").count
        let resumed = try await site.publish()
        results.append(resumed)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(service.created == 2, "the rerun waited for the recorded request instead of asking again")
        #expect(service.pins[requestID]?.status == "pinned")
        #expect(kubo.faults.requests(to: "/api/v0/dag/import").count == kuboImports, "the node already held it: nothing was sent again")
        #expect(try site.leakedSecrets(in: results).isEmpty)
        await service.stop()
        await kubo.stop()
    }

    @Test func aPinThatCannotBeFetchedFailsWithTheServicesReason() async throws {
        let network = IPFSNetwork()
        let service = try await StrictPinningService.start(token: "t", network: network)
        let site = try PublishSite("psa-failed", publish: """
              targets:
                - name: pinsvc
                  type: pinning_service
                  endpoint: \(service.server.url)
                  token_env: TEST_PSA_TOKEN
                  origins: [/ip4/127.0.0.1/tcp/4001/p2p/12D3KooWNobodyHoldsThis]

            """, secrets: ["TEST_PSA_TOKEN": "t"])
        defer { site.remove() }
        let run = try await site.publish()
        #expect(run.status == 5, "\(run.stderr)")
        #expect(run.stderr.contains("pinsvc") && run.stderr.contains("could not pin") && run.stderr.contains("no provider"), "\(run.stderr)")
        #expect(try site.deployments().last?["complete"] as? Bool == false)
        await service.stop()
    }

    @Test func serviceRefusalsAreOneLineEach() async throws {
        let network = IPFSNetwork()
        let service = try await StrictPinningService.start(token: "right", network: network)
        let site = try PublishSite("psa-refusals", publish: """
              targets:
                - name: pinsvc
                  type: pinning_service
                  endpoint: \(service.server.url)
                  token_env: TEST_PSA_TOKEN

            """, secrets: ["TEST_PSA_TOKEN": "wrong-\(UUID().uuidString)"])
        defer { site.remove() }
        let unauthorized = try await site.publish()
        #expect(unauthorized.status == 5 && unauthorized.stderr.contains("401") && unauthorized.stderr.contains("pinsvc"), "\(unauthorized.stderr)")
        #expect(try site.leakedSecrets(in: [unauthorized]).isEmpty)
        service.behaviour.quota = 0
        let quota = try await BlogctlRunner.runAsync(["publish", site.folder.path, "--yes"], environment: ["TEST_PSA_TOKEN": "right", "CI": "true"])
        #expect(quota.status == 5 && quota.stderr.contains("409") && quota.stderr.contains("INSUFFICIENT_FUNDS"), "\(quota.stderr)")
        #expect(service.created == 0)
        await service.stop()
    }

    @Test func aClusterPinCountsOnceEnoughPeersHoldItAndBrokenPeersAreNamed() async throws {
        let cluster = try await StrictCluster.start(peers: 3)
        let site = try PublishSite("cluster", publish: """
              targets:
                - name: cluster
                  type: cluster
                  api: \(cluster.server.url)
                  replication_min: 2
                  replication_max: 3
              timeout: 20

            """)
        defer { site.remove() }
        let first = try await site.publish()
        #expect(first.status == 0, "\(first.stderr)")
        let root = try CID(first.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(cluster.pinset[root.string] == [0, 1, 2])
        #expect(cluster.peers.filter { $0.isPinned(root) }.count >= 2)
        let add = try #require(cluster.faults.requests(to: "/add").first)
        #expect(add.query["replication-min"] == ["2"] && add.query["replication-max"] == ["3"] && add.query["format"] == ["car"])

        cluster.breakPeers([1, 2], error: "ipfs: context deadline exceeded")
        try site.editOnePost("Broken peers.")
        let broken = try await site.publish()
        #expect(broken.status == 5, "\(broken.stderr)")
        #expect(broken.stderr.contains("cluster") && broken.stderr.contains("peer1") && broken.stderr.contains("deadline"), "\(broken.stderr)")
        await cluster.stop()
    }

    @Test func serverErrorsRateLimitsCutAndSlowAnswersAreRetriedAndAPersistentFailureIsOneLine() async throws {
        let kubo = try await StrictKubo.start()
        let site = try PublishSite("faults", publish: "  targets:\n" + Self.kuboTarget(kubo))
        defer { site.remove() }
        kubo.faults.inject(.status(503), on: "/api/v0/dag/import", times: 2)
        kubo.faults.inject(.status(429, retryAfter: 1), on: "/api/v0/pin/ls")
        kubo.faults.inject(.cut, on: "/api/v0/routing/provide")
        kubo.faults.inject(.delay(.seconds(2)), on: "/api/v0/pin/ls")
        let started = ContinuousClock.now
        let survived = try await site.publish()
        #expect(survived.status == 0, "\(survived.stderr)")
        let root = try CID(survived.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(kubo.node.pins == [root])
        #expect(kubo.faults.requests(to: "/api/v0/dag/import").map(\.status) == [503, 503, 200])
        #expect(kubo.faults.requests(to: "/api/v0/pin/ls").first?.status == 429)
        #expect(kubo.faults.requests(to: "/api/v0/routing/provide").count == 2, "the cut answer was asked again")
        #expect(ContinuousClock.now - started >= .seconds(1), "Retry-After was waited for")
        #expect(survived.stderr.contains("HTTP 503") && survived.stderr.contains("trying again"), "retries are reported: \(survived.stderr)")

        // A node that keeps failing: one error line naming the target, the deployment recorded as incomplete.
        try site.editOnePost("Failing node.")
        kubo.faults.inject(.status(500), on: "/api/v0/dag/import", times: 100)
        let failed = try await site.publish()
        #expect(failed.status == 5, "\(failed.stderr)")
        let errors = failed.stderr.split(separator: "\n").filter { $0.hasPrefix("blogctl: error:") }
        #expect(errors.count == 1 && errors[0].contains("node"), "\(failed.stderr)")
        #expect(!failed.stderr.split(separator: "\n").contains { $0.hasPrefix("published") } && failed.stderr.contains("NOT published"), "nothing claims success: \(failed.stderr)")
        let log = try site.deployments()
        #expect(log.count == 2 && log[1]["complete"] as? Bool == false && site.record("node", in: log[1])?["status"] as? String == "failed")
        await kubo.stop()
    }
}
