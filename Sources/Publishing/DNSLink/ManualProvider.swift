import DNS
import Foundation

/// The author sets the record by hand at their DNS host: `apply` waits until every
/// authoritative server (the configured `servers`, else the zone's NS records found through the
/// system's resolver) answers exactly the planned values.
struct ManualProvider: DNSLinkProvider {
    let servers: [String]
    let domain: String
    var timeout: Duration = .seconds(900)
    var schedule = PollSchedule(first: .seconds(2), growth: 1.3, longest: .seconds(30))

    func read(_ name: String) async throws(PublishError) -> [String] {
        let clients = try await self.clients()
        guard let first = clients.first, let dnsName = DNSName(name) else { throw .dns("no server to ask for \(name)") }
        do { return try await first.txtValues(at: dnsName) } catch { throw .dns("reading \(name) from \(first.server): \(error)") }
    }

    func apply(_ plan: DNSLinkPlan, ttl: UInt32) async throws(PublishError) {
        guard let name = DNSName(plan.name) else { throw .dns("'\(plan.name)' is not a DNS name") }
        let clients = try await self.clients()
        let wanted = plan.after.filter(DNSLinkPlan.isDNSLink)
        let deadline = ContinuousClock.now + timeout
        var poll = 0
        while true {
            var waiting: [String] = []
            for client in clients {
                let values = (try? await client.txtValues(at: name)) ?? []
                if values.filter(DNSLinkPlan.isDNSLink) != wanted { waiting.append(client.server) }
            }
            if waiting.isEmpty { return }
            guard ContinuousClock.now < deadline else {
                throw .dns("\(waiting.joined(separator: ", ")) still do not answer \(plan.value) for \(plan.name) after \(timeout); "
                    + "set the record, then run `blogctl dnslink apply` again")
            }
            try? await Task.sleep(for: schedule.wait(after: poll))
            poll += 1
        }
    }

    /// A client per server (`host` or `host:port`), or per authoritative server of the domain.
    private func clients() async throws(PublishError) -> [DNSClient] {
        if !servers.isEmpty {
            return servers.map { server in
                if let colon = server.lastIndex(of: ":"), !server.hasSuffix("]"), let port = UInt16(server[server.index(after: colon)...]) {
                    return DNSClient(host: String(server[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port)
                }
                return DNSClient(host: server.trimmingCharacters(in: CharacterSet(charactersIn: "[]")))
            }
        }
        return try await AuthoritativeServers.find(for: domain)
    }
}

/// The authoritative servers of a domain: the NS records of the closest enclosing zone, asked
/// of the system's resolver (`/etc/resolv.conf`), each then asked directly.
enum AuthoritativeServers {
    static func find(for domain: String) async throws(PublishError) -> [DNSClient] {
        guard let resolver = systemResolver() else { throw .dns("no nameserver in /etc/resolv.conf; list servers in dnslink.provider.servers") }
        var labels = domain.split(separator: ".").map(String.init)
        while labels.count >= 2 {
            let zone = labels.joined(separator: ".")
            if let name = DNSName(zone), let answer = try? await resolver.query(name, type: .ns) {
                let hosts = answer.answers.filter { $0.type == .ns }.compactMap { record -> String? in
                    var reader = NSNameReader(message: answer, data: record.data)
                    return reader.name()
                }
                if !hosts.isEmpty { return hosts.sorted().map { DNSClient(host: $0) } }
            }
            labels.removeFirst()
        }
        throw .dns("found no NS records for \(domain) through \(resolver.server); list servers in dnslink.provider.servers")
    }

    static func systemResolver() -> DNSClient? {
        guard let text = try? String(contentsOfFile: "/etc/resolv.conf", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count >= 2, parts[0] == "nameserver" { return DNSClient(host: String(parts[1])) }
        }
        return nil
    }
}

/// Reads the target name of an NS record, which may point back into the message (compression).
private struct NSNameReader {
    let message: DNSMessage
    let data: [UInt8]

    mutating func name() -> String? {
        // DNSMessage keeps NS targets uncompressed.
        var labels: [String] = []
        var index = 0
        while index < data.count {
            let length = Int(data[index])
            if length == 0 { return labels.isEmpty ? nil : labels.joined(separator: ".") }
            guard length < 64, index + 1 + length <= data.count else { return nil }
            labels.append(String(decoding: data[(index + 1)..<(index + 1 + length)], as: UTF8.self))
            index += 1 + length
        }
        return nil
    }
}
