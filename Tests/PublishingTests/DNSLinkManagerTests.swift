import AsyncHTTPClient
import DNS
import Foundation
import Testing
import TestSupport
@testable import Publishing

/// The plan's arithmetic, and a change made between plan and apply against a real Knot server.
@Suite struct DNSLinkManagerTests {
    @Test func plansLeaveExactlyOneDNSLinkAndKeepOtherRecords() {
        let create = DNSLinkPlan(name: "_dnslink.b", cid: "bafynew", current: ["v=spf1"])
        #expect(create.action == .create && create.add == ["dnslink=/ipfs/bafynew"] && create.remove.isEmpty)
        #expect(create.after == ["v=spf1", "dnslink=/ipfs/bafynew"])
        let update = DNSLinkPlan(name: "_dnslink.b", cid: "bafynew", current: ["dnslink=/ipfs/bafyold", "keep"])
        #expect(update.action == .update && update.remove == ["dnslink=/ipfs/bafyold"] && update.previous == "dnslink=/ipfs/bafyold")
        let duplicates = DNSLinkPlan(name: "_dnslink.b", cid: "bafynew", current: ["dnslink=/ipfs/bafynew", "dnslink=/ipfs/bafyold", "dnslink=/ipns/x"])
        #expect(duplicates.action == .removeDuplicates && duplicates.add.isEmpty && duplicates.after == ["dnslink=/ipfs/bafynew"])
        let same = DNSLinkPlan(name: "_dnslink.b", cid: "bafynew", current: ["dnslink=/ipfs/bafynew", "x"])
        #expect(same.action == .noChange && same.after == same.current)
        #expect(update.diff(color: false) == "_dnslink.b TXT (update)\n- \"dnslink=/ipfs/bafyold\"\n  \"keep\"\n+ \"dnslink=/ipfs/bafynew\"")
    }

    @Test func aChangeBetweenPlanAndApplyStopsTheApplyAndChangesNothing() async throws {
        guard let knot = try KnotServer(records: ["_dnslink.blog TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-dnslink-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: site) }
        try """
            title: T
            base_url: https://blog.\(knot.zone)
            dnslink:
              domain: blog.\(knot.zone)
              provider: {type: rfc2136, server: 127.0.0.1, port: \(knot.port), zone: \(knot.zone), key_name: \(knot.keyName), secret_env: TSIG}

            """.write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let manager = try #require(try DNSLinkManager.make(site: site, environment: ["TSIG": knot.secret], client: client))
        let plan = try await manager.plan(cid: "bafynew")
        #expect(plan.action == .update)
        // Someone else changes the record after the plan read it.
        let dns = DNSClient(host: "127.0.0.1", port: knot.port)
        let name = DNSName("_dnslink.blog.\(knot.zone)")!
        let key = TSIGKey(name: DNSName(knot.keyName)!, algorithm: .hmacSHA256, base64: knot.secret)!
        try await dns.apply(TXTUpdate(zone: DNSName(knot.zone)!, name: name, expected: ["dnslink=/ipfs/bafyold"], remove: ["dnslink=/ipfs/bafyold"],
            add: ["dnslink=/ipfs/bafyother"], ttl: 60), signer: TSIGSigner(key: key))
        do {
            _ = try await manager.apply(plan)
            Issue.record("an apply over a changed record went through")
        } catch {
            #expect(error.exitCode == 9 && "\(error)".contains("no longer holds what the plan read"), "\(error)")
        }
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/bafyother"])
        // Applied from a fresh plan, it goes through and is checked.
        let record = try await manager.apply(try await manager.plan(cid: "bafynew"))
        #expect(record.value == "dnslink=/ipfs/bafynew" && record.previous == "dnslink=/ipfs/bafyother")
        #expect(try await dns.txtValues(at: name) == ["dnslink=/ipfs/bafynew"])
        try await client.shutdown()
    }
}
