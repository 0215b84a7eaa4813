import DNS
import TestSupport
import Foundation
import Testing

/// DNS UPDATE with TSIG against a real Knot server: queries, conditional changes, and refusals in words.
@Suite struct KnotUpdateTests {
    @Test func queriesAndConditionalUpdatesAgainstKnot() async throws {
        guard let knot = try KnotServer(records: ["_dnslink TXT \"dnslink=/ipfs/bafyold\"", "_dnslink TXT \"keep=me\""]) else { return }
        defer { knot.stop() }
        let client = DNSClient(host: "127.0.0.1", port: knot.port)
        let zone = try #require(DNSName(knot.zone))
        let name = zone.prepending("_dnslink")
        let keyName = try #require(DNSName(knot.keyName))
        let key = try #require(TSIGKey(name: keyName, algorithm: .hmacSHA256, base64: knot.secret))
        let signer = TSIGSigner(key: key)

        // Unsigned and signed queries see the same records.
        #expect(Set(try await client.txtValues(at: name)) == ["dnslink=/ipfs/bafyold", "keep=me"])
        #expect(Set(try await client.txtValues(at: name, signer: signer)) == ["dnslink=/ipfs/bafyold", "keep=me"])

        // Replace the dnslink value, on the condition that the records are what was read.
        try await client.apply(TXTUpdate(zone: zone, name: name, expected: ["dnslink=/ipfs/bafyold", "keep=me"],
            remove: ["dnslink=/ipfs/bafyold"], add: ["dnslink=/ipfs/bafynew"], ttl: 60), signer: signer)
        #expect(Set(try await client.txtValues(at: name)) == ["dnslink=/ipfs/bafynew", "keep=me"])

        // The same update again: its condition no longer holds, and nothing changes.
        await #expect(throws: DNSError.refused(.nxRRSet, "updating \(name) at \(client.server)")) {
            try await client.apply(TXTUpdate(zone: zone, name: name, expected: ["dnslink=/ipfs/bafyold", "keep=me"],
                remove: ["dnslink=/ipfs/bafyold"], add: ["dnslink=/ipfs/other"], ttl: 60), signer: signer)
        }
        #expect(Set(try await client.txtValues(at: name)) == ["dnslink=/ipfs/bafynew", "keep=me"])

        // A name with no TXT records yet: created on the condition that there still are none.
        let fresh = zone.prepending("_dnslink.blog")
        #expect(try await client.txtValues(at: fresh).isEmpty)
        try await client.apply(TXTUpdate(zone: zone, name: fresh, expected: [], remove: [], add: ["dnslink=/ipfs/bafyblog"], ttl: 60), signer: signer)
        #expect(try await client.txtValues(at: fresh) == ["dnslink=/ipfs/bafyblog"])
        await #expect(throws: DNSError.refused(.yxRRSet, "updating \(fresh) at \(client.server)")) {
            try await client.apply(TXTUpdate(zone: zone, name: fresh, expected: [], remove: [], add: ["dnslink=/ipfs/again"], ttl: 60), signer: signer)
        }
    }

    @Test func aNameWithMoreTXTThanADatagramHoldsIsReadOverTCP() async throws {
        // Twelve 100-byte values pass the 512 bytes a UDP answer without EDNS may carry.
        let values = (0..<12).map { "verification-\($0)=" + String(repeating: "x", count: 90) }
        guard let knot = try KnotServer(records: values.map { "_dnslink TXT \"\($0)\"" } + ["_dnslink TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let name = try #require(DNSName(knot.zone)).prepending("_dnslink")
        let client = DNSClient(host: "127.0.0.1", port: knot.port)
        var query = DNSMessage(id: 9)
        query.questions = [DNSMessage.Question(name: name, type: .txt)]
        #expect(try await client.exchange(query, signer: nil, tcp: false).truncated)
        #expect(Set(try await client.txtValues(at: name)) == Set(values + ["dnslink=/ipfs/bafyold"]))
    }

    @Test func aWrongSecretOrKeyIsRefusedInWordsAndChangesNothing() async throws {
        guard let knot = try KnotServer(records: ["_dnslink TXT \"dnslink=/ipfs/bafyold\""]) else { return }
        defer { knot.stop() }
        let client = DNSClient(host: "127.0.0.1", port: knot.port)
        let zone = try #require(DNSName(knot.zone))
        let name = zone.prepending("_dnslink")
        let update = TXTUpdate(zone: zone, name: name, expected: ["dnslink=/ipfs/bafyold"], remove: ["dnslink=/ipfs/bafyold"],
            add: ["dnslink=/ipfs/evil"], ttl: 60)
        let keyName = try #require(DNSName(knot.keyName))
        let wrongSecret = TSIGKey(name: keyName, algorithm: .hmacSHA256,
            base64: Data(repeating: 7, count: 32).base64EncodedString())!
        do {
            try await client.apply(update, signer: TSIGSigner(key: wrongSecret))
            Issue.record("an update signed with a wrong secret was accepted")
        } catch {
            #expect("\(error)".contains("BADSIG") || "\(error)".contains("NOTAUTH"), "\(error)")
        }
        let otherName = try #require(DNSName("someone-else."))
        let unknownKey = TSIGKey(name: otherName, algorithm: .hmacSHA256, base64: knot.secret)!
        do {
            try await client.apply(update, signer: TSIGSigner(key: unknownKey))
            Issue.record("an update signed with an unknown key was accepted")
        } catch {
            #expect("\(error)".contains("BADKEY") || "\(error)".contains("NOTAUTH"), "\(error)")
        }
        do {
            try await client.apply(update, signer: TSIGSigner(key: TSIGKey(name: keyName, algorithm: .hmacSHA512, base64: knot.secret)!))
            Issue.record("an update signed with the wrong algorithm was accepted")
        } catch {
            #expect("\(error)".contains("BADKEY") || "\(error)".contains("BADSIG") || "\(error)".contains("NOTAUTH"), "\(error)")
        }
        #expect(try await client.txtValues(at: name) == ["dnslink=/ipfs/bafyold"])
    }

    @Test func aServerThatIsNotThereIsOneLine() async throws {
        var client = DNSClient(host: "127.0.0.1", port: try KnotServer.freePort())
        client.timeout = .milliseconds(300)
        do {
            _ = try await client.txtValues(at: DNSName("_dnslink.example.test")!)
            Issue.record("a query to a closed port succeeded")
        } catch {
            #expect(!"\(error)".contains("\n") && "\(error)".contains("127.0.0.1"), "\(error)")
        }
    }
}
