import Foundation
import NIOHTTP1

/// Cloudflare's API v4 DNS records (developers.cloudflare.com/api, "DNS Records for a Zone"):
/// the zone found by name (or given by id), its TXT records at the name listed page by page,
/// then created, edited or deleted. Cloudflare has no conditional change, so `apply` reads the
/// records again first and stops when they are not what the plan read.
struct CloudflareProvider: DNSLinkProvider {
    let api: URL
    let zone: String
    let token: Secret
    let transport: HTTPTransport

    /// One TXT record as Cloudflare lists it.
    struct Record: Decodable, Sendable {
        let id: String
        let type: String
        let name: String
        let content: String

        /// The value: Cloudflare's TXT content is quoted character-strings (`"a" "b"`, with `\"`
        /// and `\\` escapes), joined here as a resolver joins them; older records may be unquoted.
        var value: String { Self.text(of: content) }

        static func text(of content: String) -> String {
            guard content.hasPrefix("\"") else { return content }
            var text = "", quoted = false, escaped = false
            for character in content {
                if escaped {
                    text.append(character)
                    escaped = false
                } else if character == "\\" && quoted {
                    escaped = true
                } else if character == "\"" {
                    quoted.toggle()
                } else if quoted {
                    text.append(character)
                }
            }
            return text
        }

        /// `value` as TXT content: one quoted character-string, as Cloudflare asks since 2024.
        static func content(of value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    func read(_ name: String) async throws(PublishError) -> [String] {
        try await records(name, zoneID: try await zoneID()).map(\.value)
    }

    func apply(_ plan: DNSLinkPlan, ttl: UInt32) async throws(PublishError) {
        let zoneID = try await zoneID()
        let found = try await records(plan.name, zoneID: zoneID)
        guard found.map(\.value).sorted() == plan.current.sorted() else {
            throw .zoneChanged("\(plan.name) no longer holds what the plan read (now: \(found.map(\.value))); nothing was changed: plan again")
        }
        let base = "zones/\(zoneID)/dns_records"
        var stale = found.filter { plan.remove.contains($0.value) }
        for value in plan.add {
            let body = ["type": "TXT", "name": plan.name, "content": Record.content(of: value), "ttl": Int(ttl)] as [String: Any]
            if let record = stale.first {
                // Editing the stale record keeps one record at the name throughout.
                stale.removeFirst()
                _ = try await send(.PATCH, "\(base)/\(record.id)", body: body, purpose: "edit the dnslink record")
            } else {
                _ = try await send(.POST, base, body: body, purpose: "create the dnslink record")
            }
        }
        for record in stale { _ = try await send(.DELETE, "\(base)/\(record.id)", body: nil, purpose: "delete a stale dnslink record") }
    }

    /// The zone's id: `zone` itself when it is one (32 hex digits), else looked up by name.
    private func zoneID() async throws(PublishError) -> String {
        if zone.count == 32, zone.allSatisfy(\.isHexDigit) { return zone }
        let answer = try await send(.GET, "zones?name=\(zone.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? zone)",
            body: nil, purpose: "find the zone")
        guard let zones = answer["result"] as? [[String: Any]], let id = zones.first?["id"] as? String else {
            throw .dns("cloudflare: no zone named \(zone) for this token (check dnslink.provider.zone and the token's Zone:Read permission)")
        }
        return id
    }

    /// The TXT records at `name`, every page of them.
    private func records(_ name: String, zoneID: String) async throws(PublishError) -> [Record] {
        var found: [Record] = []
        var page = 1
        while true {
            let query = "type=TXT&name=\(name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed) ?? name)&per_page=100&page=\(page)"
            let answer = try await send(.GET, "zones/\(zoneID)/dns_records?\(query)", body: nil, purpose: "list the TXT records")
            guard let result = answer["result"] else { throw .dns("cloudflare: the record list has no result") }
            do {
                let data = try JSONSerialization.data(withJSONObject: result)
                found += try JSONDecoder().decode([Record].self, from: data).filter { $0.type == "TXT" && $0.name.lowercased() == name.lowercased() }
            } catch {
                throw .dns("cloudflare: the record list is not readable (\(error))")
            }
            let info = answer["result_info"] as? [String: Any]
            let pages = info?["total_pages"] as? Int ?? 1
            if page >= pages { return found }
            page += 1
        }
    }

    /// One API call; its JSON envelope, after checking `success`.
    private func send(_ method: HTTPMethod, _ path: String, body: [String: Any]?, purpose: String) async throws(PublishError) -> [String: Any] {
        var headers = [("Authorization", "Bearer " + token.value), ("Accept", "application/json")]
        var data: [UInt8]?
        if let body {
            headers.append(("Content-Type", "application/json"))
            data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])).map(Array.init)
        }
        let url = api.absoluteString + (api.absoluteString.hasSuffix("/") ? "" : "/") + path
        var call = HTTPCall(method: method, url: url, headers: headers, purpose: purpose)
        if let data { call.body = { .bytes(data) } }
        let answer = try await transport.send(call)
        let envelope = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any]
        guard (200..<300).contains(answer.status), envelope?["success"] as? Bool == true else {
            let errors = (envelope?["errors"] as? [[String: Any]] ?? []).map { "\($0["code"] ?? "?"): \($0["message"] ?? "")" }
            let detail = errors.isEmpty ? HTTPTransport.summary(of: answer) : "HTTP \(answer.status): \(errors.joined(separator: "; "))"
            let hint = answer.status == 401 || answer.status == 403 ? " (the token is refused or lacks Zone:DNS:Edit)" : ""
            throw .dns("cloudflare: \(purpose): \(detail)\(hint)")
        }
        return envelope ?? [:]
    }
}
