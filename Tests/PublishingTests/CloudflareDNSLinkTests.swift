import AsyncHTTPClient
import Foundation
import StrictServers
import Testing
@testable import Publishing

/// The Cloudflare provider against a strict API v4 server: records paged through, one dnslink
/// value left with other TXT records kept, content sent quoted, a change between plan and apply
/// refused, refusals in one line, and the token never in an error.
@Suite struct CloudflareDNSLinkTests {
    static let zone = "example.org"
    static let name = "_dnslink.blog.example.org"

    func manager(_ cloudflare: StrictCloudflare, token: String) throws -> (DNSLinkManager, HTTPClient, URL) {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-cloudflare-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try """
            title: T
            base_url: https://blog.\(Self.zone)
            dnslink:
              domain: blog.\(Self.zone)
              ttl: 120
              provider: {type: cloudflare, zone: \(Self.zone), token_env: CF_TOKEN, api: "\(cloudflare.api.absoluteString)"}

            """.write(to: site.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let manager = try #require(try DNSLinkManager.make(site: site, environment: ["CF_TOKEN": token], client: client,
            retry: RetryPolicy(attempts: 3, firstWait: .milliseconds(20))))
        return (manager, client, site)
    }

    @Test func theRecordIsSetOverSeveralPagesKeepingOtherTXTAndRemovingDuplicates() async throws {
        let cloudflare = try await StrictCloudflare.start(zone: Self.zone, token: "cf-right", perPageCap: 2)
        cloudflare.insertTXT(Self.name, content: "\"dnslink=/ipfs/bafystale1\"")
        cloudflare.insertTXT(Self.name, content: "\"google-site-verification=keep\"")
        cloudflare.insertTXT(Self.name, content: "dnslink=/ipfs/bafystale2")
        let (manager, client, site) = try manager(cloudflare, token: "cf-right")
        defer { try? FileManager.default.removeItem(at: site) }
        let plan = try await manager.plan(cid: "bafynew")
        #expect(Set(plan.current) == ["dnslink=/ipfs/bafystale1", "dnslink=/ipfs/bafystale2", "google-site-verification=keep"], "every page read")
        let record = try await manager.apply(plan)
        #expect(record.value == "dnslink=/ipfs/bafynew")
        #expect(cloudflare.txt(at: Self.name) == ["\"dnslink=/ipfs/bafynew\"", "\"google-site-verification=keep\""])
        #expect(cloudflare.warnings.isEmpty, "TXT content went out quoted")
        let again = try await manager.plan(cid: "bafynew")
        #expect(again.action == .noChange)
        // A value with quotes and backslashes survives the round trip.
        #expect(CloudflareProvider.Record.text(of: CloudflareProvider.Record.content(of: #"a "b" \c"#)) == #"a "b" \c"#)
        try await client.shutdown()
        await cloudflare.stop()
    }

    @Test func aChangeBetweenPlanAndApplyStopsTheApplyAndChangesNothing() async throws {
        let cloudflare = try await StrictCloudflare.start(zone: Self.zone, token: "cf-right")
        cloudflare.insertTXT(Self.name, content: "\"dnslink=/ipfs/bafyold\"")
        let (manager, client, site) = try manager(cloudflare, token: "cf-right")
        defer { try? FileManager.default.removeItem(at: site) }
        let plan = try await manager.plan(cid: "bafynew")
        cloudflare.insertTXT(Self.name, content: "\"dnslink=/ipfs/bafyother\"")
        let requestsBefore = cloudflare.faults.requests.filter { $0.method != "GET" }.count
        await #expect(throws: PublishError.self) { _ = try await manager.apply(plan) }
        do { _ = try await manager.apply(plan) } catch { #expect(error.exitCode == 9 && "\(error)".contains("plan again"), "\(error)") }
        #expect(cloudflare.faults.requests.filter { $0.method != "GET" }.count == requestsBefore, "nothing was changed")
        #expect(cloudflare.txt(at: Self.name) == ["\"dnslink=/ipfs/bafyold\"", "\"dnslink=/ipfs/bafyother\""])
        try await client.shutdown()
        await cloudflare.stop()
    }

    @Test func refusalsAndOutagesAreOneLineWithoutTheToken() async throws {
        let cloudflare = try await StrictCloudflare.start(zone: Self.zone, token: "cf-right")
        let wrong = "cf-wrong-\(UUID().uuidString)"
        let (refused, client, site) = try manager(cloudflare, token: wrong)
        defer { try? FileManager.default.removeItem(at: site) }
        do {
            _ = try await refused.plan(cid: "bafynew")
            Issue.record("a wrong token was accepted")
        } catch {
            #expect("\(error)".contains("10000") && "\(error)".contains("Zone:DNS:Edit") && !"\(error)".contains(wrong), "\(error)")
            #expect(error.exitCode == 8)
        }
        // Passing outages are tried again.
        let (manager, other, otherSite) = try self.manager(cloudflare, token: "cf-right")
        defer { try? FileManager.default.removeItem(at: otherSite) }
        cloudflare.faults.inject(.status(502), on: "/client/v4/zones", times: 2)
        #expect(try await manager.plan(cid: "bafynew").action == .create)
        #expect(cloudflare.faults.requests(to: "/client/v4/zones").map(\.status) == [403, 502, 502, 200])
        try await client.shutdown()
        try await other.shutdown()
        await cloudflare.stop()
    }
}
