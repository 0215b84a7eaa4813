import DNS
import Foundation
import StrictServers
import Testing
import TestSupport

/// `blogctl publish` killed between its steps: the record stays readable, the domain never points
/// at content the targets have not confirmed, and a rerun finishes without sending again what a
/// target already holds or asking a service for a second pin.
@Suite struct PublishInterruptedTests {
    @Test func aKillWhileAServicePinsLeavesDNSAloneAndARerunFinishesTheJob() async throws {
        guard let knot = try KnotServer(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let network = IPFSNetwork()
        let kubo = try await StrictKubo.start(network: network)
        let service = try await StrictPinningService.start(token: "psa-\(UUID().uuidString)", network: network)
        service.behaviour.hold = true
        let site = try PublishSite("killed", publish: "  targets:\n" + PublishTargetsTests.kuboTarget(kubo) + """
                - name: pinsvc
                  type: pinning_service
                  endpoint: \(service.server.url)
                  token_env: TEST_PSA_TOKEN
            dnslink:
              domain: blog.\(knot.zone)
              provider: {type: rfc2136, server: 127.0.0.1, port: \(knot.port), zone: \(knot.zone), key_name: \(knot.keyName), secret_env: TEST_TSIG}

            """, secrets: ["TEST_PSA_TOKEN": service.token, "TEST_TSIG": knot.secret])
        defer { site.remove() }
        let dns = DNSClient(host: "127.0.0.1", port: knot.port)
        let name = DNSName("_dnslink.blog.\(knot.zone)")!

        // Killed while the service has the request queued: after the node took the site (the
        // targets run side by side), before anything is confirmed.
        let running = try site.startPublish()
        let deadline = ContinuousClock.now + .seconds(120)
        while service.created == 0 || kubo.node.pins.isEmpty, running.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        guard service.created == 1, kubo.node.pins.count == 1 else {
            Issue.record("publish ended before asking for the pin: \(try await site.publish().stderr)")
            return
        }
        kill(running.processIdentifier, SIGKILL)
        running.waitUntilExit()
        #expect(running.terminationReason == .uncaughtSignal)
        // The kill may come before the request's id was recorded or after: either way what is on disk is whole.
        if FileManager.default.fileExists(atPath: site.folder.appendingPathComponent(".blogctl/deployments.json").path) {
            let killed = try #require(try site.deployments().last, "the record written so far is whole JSON")
            #expect(killed["complete"] as? Bool == false)
        }
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/bafyold"], "DNS untouched while the pin is unconfirmed")
        let imports = kubo.faults.requests(to: "/api/v0/dag/import").count
        #expect(imports == 1)

        service.behaviour.hold = false
        let rerun = try await site.publish()
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let cid = rerun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(service.created == 1 && service.pins.values.first?.status == "pinned", "the rerun took up the same request")
        #expect(kubo.faults.requests(to: "/api/v0/dag/import").count == imports, "the node already held the site")
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/\(cid)"])
        let log = try site.deployments()
        #expect(log.count == 1 && log[0]["complete"] as? Bool == true)
        #expect(try site.leakedSecrets(in: [rerun]).isEmpty)
        await service.stop()
        await kubo.stop()
    }
}
