import DNS
import Foundation
import Testing
import TestSupport

/// The client against the faults a network or a broken server shows: lost datagrams, foreign and
/// truncated answers, garbage, forged unsigned answers, connections cut midway, silence. Each is
/// survived or ends in one error naming the server, never a hang.
@Suite struct DNSFaultTests {
    let name = DNSName("_dnslink.blog.example.test")!
    let value = "dnslink=/ipfs/bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"

    /// The answer to `request` (a TXT query) holding `value`; `id` overrides the request's ID.
    func answer(to request: [UInt8], id: UInt16? = nil, truncated: Bool = false) -> [UInt8] {
        guard let query = try? DNSMessage(decoding: request) else { return [] }
        var message = DNSMessage(id: id ?? query.id)
        message.isResponse = true
        message.authoritative = true
        message.truncated = truncated
        message.questions = query.questions
        if !truncated { message.answers = [.txt(name, value, ttl: 60)] }
        return message.encoded()
    }

    func client(_ server: ScriptedDNSServer, timeout: Duration = .seconds(5)) -> DNSClient {
        var client = DNSClient(host: "127.0.0.1", port: server.port)
        client.timeout = timeout
        return client
    }

    @Test func aLostDatagramIsSentAgain() async throws {
        let server = try ScriptedDNSServer(udp: { request, attempt in attempt == 1 ? [] : [answer(to: request)] })
        defer { server.stop() }
        #expect(try await client(server).txtValues(at: name) == [value])
        #expect(server.requests.udp == 2)
    }

    @Test func anAnswerToAnotherRequestIsNotTaken() async throws {
        let server = try ScriptedDNSServer(udp: { request, _ in
            let id = UInt16(request[0]) << 8 | UInt16(request[1])
            var foreign = DNSMessage(id: id &+ 1)
            foreign.isResponse = true
            foreign.answers = [.txt(name, "dnslink=/ipfs/bafyforged", ttl: 60)]
            return [foreign.encoded(), answer(to: request)]
        })
        defer { server.stop() }
        #expect(try await client(server).txtValues(at: name) == [value])
    }

    @Test func aTruncatedAnswerIsAskedAgainOverTCP() async throws {
        let server = try ScriptedDNSServer(udp: { request, _ in [answer(to: request, truncated: true)] },
            tcp: { request, _ in [ScriptedDNSServer.framed(answer(to: request))] })
        defer { server.stop() }
        #expect(try await client(server).txtValues(at: name) == [value])
        #expect(server.requests.udp == 1 && server.requests.tcp == 1)
    }

    @Test func garbageIsOneErrorNamingTheServer() async throws {
        let server = try ScriptedDNSServer(udp: { request, _ in [Array(request.prefix(2)) + [0x80, 0, 0, 1, 0xFF]] })
        defer { server.stop() }
        do {
            _ = try await client(server).txtValues(at: name)
            Issue.record("garbage was taken for an answer")
        } catch {
            guard case .malformed(let what) = error else { Issue.record("\(error)"); return }
            #expect(what.contains("127.0.0.1:\(server.port)"), "\(what)")
        }
    }

    @Test func anUnsignedAnswerToASignedQueryIsRefused() async throws {
        let server = try ScriptedDNSServer(udp: { request, _ in [answer(to: request)] })
        defer { server.stop() }
        let key = try #require(TSIGKey(name: DNSName("blogctl-test.")!, algorithm: .hmacSHA256, base64: Data(repeating: 7, count: 32).base64EncodedString()))
        do {
            _ = try await client(server).txtValues(at: name, signer: TSIGSigner(key: key))
            Issue.record("an unsigned answer was taken")
        } catch {
            guard case .badSignature(let what) = error else { Issue.record("\(error)"); return }
            #expect(what.contains("not signed") && what.contains("127.0.0.1:\(server.port)"), "\(what)")
        }
    }

    @Test func aConnectionClosedMidwayIsOneError() async throws {
        let server = try ScriptedDNSServer(udp: { _, _ in [] }, tcp: { request, _ in [[0, 100] + Array(answer(to: request).prefix(10))] })
        defer { server.stop() }
        var query = DNSMessage(id: 42)
        query.questions = [DNSMessage.Question(name: name, type: .txt)]
        do {
            _ = try await client(server).exchange(query, signer: nil, tcp: true)
            Issue.record("a cut answer was taken")
        } catch {
            guard case .malformed(let what) = error else { Issue.record("\(error)"); return }
            #expect(what.contains("closed the TCP connection after 10 of 100 bytes"), "\(what)")
        }
    }

    // The time limit is what fails a client that waits for ever; a wall-clock bound would fail on a loaded machine.
    @Test(.timeLimit(.minutes(1))) func silenceEndsAtTheTimeoutOverUDPAndTCP() async throws {
        let server = try ScriptedDNSServer(udp: { _, _ in [] }, tcp: { _, _ in [] })
        defer { server.stop() }
        await #expect(throws: DNSError.self) { _ = try await client(server, timeout: .milliseconds(2500)).txtValues(at: name) }
        // Sent again each second while nothing came back.
        #expect(server.requests.udp >= 2)
        var query = DNSMessage(id: 7)
        query.questions = [DNSMessage.Question(name: name, type: .txt)]
        do {
            _ = try await client(server, timeout: .seconds(1)).exchange(query, signer: nil, tcp: true)
            Issue.record("silence was taken for an answer")
        } catch {
            guard case .timeout(let what) = error else { Issue.record("\(error)"); return }
            #expect(what.contains("127.0.0.1:\(server.port)"), "\(what)")
        }
    }
}
