import DNS
import Foundation
import StrictServers
import Testing
import TestSupport

/// `blogctl publish` killed between its steps: the record stays readable, the domain never points
/// at content the targets have not confirmed, and a rerun finishes without sending again what a
/// target already holds or asking a service for a second pin.
@Suite struct PublishInterruptedTests {
    /// Where the kill comes.
    enum KillPoint: String, CaseIterable, CustomTestStringConvertible {
        /// The node is still receiving the CAR (its upload held back), the service has the request.
        case uploading
        /// The node holds the site, the service still fetches it.
        case servicePinning
        /// Both hold the site; the node is announcing it (held back), nothing is recorded complete.
        case announcing
        var testDescription: String { rawValue }
    }

    /// SampleSite publishing to `kubo` and `service` (both required), its domain's DNSLink on `knot`.
    static func site(_ name: String, kubo: StrictKubo, service: StrictPinningService, knot: KnotServer) throws -> PublishSite {
        try PublishSite(name, publish: "  targets:\n" + PublishTargetsTests.kuboTarget(kubo) + """
                - name: pinsvc
                  type: pinning_service
                  endpoint: \(service.server.url)
                  token_env: TEST_PSA_TOKEN
            dnslink:
              domain: blog.\(knot.zone)
              provider: {type: rfc2136, server: 127.0.0.1, port: \(knot.port), zone: \(knot.zone), key_name: \(knot.keyName), secret_env: TEST_TSIG}

            """, secrets: ["TEST_PSA_TOKEN": service.token, "TEST_TSIG": knot.secret])
    }

    /// A client of `knot` and the DNSLink name the sites above publish.
    static func dnslink(of knot: KnotServer) -> (DNSClient, DNSName) {
        (DNSClient(host: "127.0.0.1", port: knot.port), DNSName("_dnslink.blog.\(knot.zone)")!)
    }

    @Test(arguments: KillPoint.allCases)
    func aKillLeavesDNSAloneAndARerunFinishesTheJob(at point: KillPoint) async throws {
        guard let knot = try KnotServer(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let network = IPFSNetwork()
        let kubo = try await StrictKubo.start(network: network)
        let service = try await StrictPinningService.start(token: "psa-\(UUID().uuidString)", network: network)
        let site = try Self.site("killed-\(point)", kubo: kubo, service: service, knot: knot)
        defer { site.remove() }
        let (dns, name) = Self.dnslink(of: knot)

        // Hold the run at the kill point (the targets run side by side), then kill it there.
        let reached: () -> Bool
        switch point {
        case .uploading:
            kubo.faults.inject(.delay(.seconds(10)), on: "/api/v0/dag/import")
            service.behaviour.hold = true
            reached = { service.created == 1 }
        case .servicePinning:
            service.behaviour.hold = true
            reached = { service.created == 1 && !kubo.node.pins.isEmpty }
        case .announcing:
            kubo.faults.inject(.delay(.seconds(10)), on: "/api/v0/routing/provide")
            reached = { !kubo.node.pins.isEmpty && service.pins.values.first?.status == "pinned" }
        }
        let running = try site.startPublish()
        let deadline = ContinuousClock.now + .seconds(120)
        while !reached(), running.isRunning, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        guard reached() else {
            Issue.record("publish did not reach \(point): \(try await site.publish().stderr)")
            return
        }
        kill(running.processIdentifier, SIGKILL)
        running.waitUntilExit()
        #expect(running.terminationReason == .uncaughtSignal)
        // What is on disk is whole, whichever write the kill came after.
        if FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".blogctl/deployments.json").path) {
            let killed = try #require(try site.deployments().last, "the record written so far is whole JSON")
            #expect(killed["complete"] as? Bool == false)
        }
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/bafyold"], "DNS untouched while the deployment is unconfirmed")
        let nodeHeldIt = !kubo.node.pins.isEmpty
        #expect(nodeHeldIt == (point != .uploading))
        let imports = kubo.faults.requests(to: "/api/v0/dag/import").filter { $0.status == 200 }.count

        service.behaviour.hold = false
        let rerun = try await site.publish()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let cid = rerun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(service.created == 1 && service.pins.values.first?.status == "pinned", "the rerun took up the same request")
        let importsAfter = kubo.faults.requests(to: "/api/v0/dag/import").filter { $0.status == 200 }.count
        #expect(importsAfter == imports + (nodeHeldIt ? 0 : 1), "only a node that did not hold the site is sent it")
        #expect(kubo.provided.contains(cid))
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/\(cid)"])
        let log = try site.deployments()
        #expect(log.count == 1 && log[0]["complete"] as? Bool == true)
        #expect(try site.leakedSecrets(in: [rerun]).isEmpty)
        await service.stop()
        await kubo.stop()
    }

    /// A required target that fails (a service that cannot fetch the site from the node) stops
    /// publish before DNS; once the service can reach the node, a rerun finishes and points the domain.
    @Test func aFailingTargetLeavesDNSAloneAndARerunFinishesOnceItIsFixed() async throws {
        guard let knot = try KnotServer(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let kubo = try await StrictKubo.start()
        let network = IPFSNetwork()
        let service = try await StrictPinningService.start(token: "psa-\(UUID().uuidString)", network: network)
        let site = try Self.site("failing-target", kubo: kubo, service: service, knot: knot)
        defer { site.remove() }
        let (dns, name) = Self.dnslink(of: knot)

        let failed = try await site.publish()
        #expect(failed.status == 5, "\(failed.stderr)")
        #expect(failed.stderr.contains("pinsvc") && failed.stderr.contains("could not pin"), "\(failed.stderr)")
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/bafyold"], "the node holds the site, the service does not: DNS stays")
        #expect(try site.deployments().last?["complete"] as? Bool == false)

        network.join(kubo.node)
        let rerun = try await site.publish()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let cid = rerun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(kubo.faults.requests(to: "/api/v0/dag/import").count == 1, "the node held the site already")
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/\(cid)"])
        #expect(try site.deployments().filter { $0["complete"] as? Bool == true }.count == 1)
        #expect(try site.leakedSecrets(in: [failed, rerun]).isEmpty)
        await service.stop()
        await kubo.stop()
    }
}
