import ContentAddressing

/// What the request's host asks for, per the subdomain and DNSLink gateway specs.
enum HostRoute: Equatable {
    /// `<cid>.ipfs.<gateway host>`: that DAG at `/`, origin-isolated.
    case subdomain(CID, gatewayHost: String)
    /// A subdomain gateway's own host (`localhost`): `/ipfs/<cid>` redirects to the subdomain form.
    case subdomainGateway(host: String)
    /// Any other host (`127.0.0.1`, a domain name): `/ipfs/` is a path gateway, everything else the site root,
    /// as a DNSLink gateway serves a domain.
    case plain

    /// `authority` is the Host header (or `X-Forwarded-Host`) as sent; `gatewayHosts` are the host names that
    /// have subdomains (`localhost`).
    static func classify(_ authority: String, gatewayHosts: [String]) throws(RequestError) -> HostRoute {
        let (name, port) = try split(authority)
        for gateway in gatewayHosts {
            let withPort = port.map { gateway + ":" + $0 } ?? gateway
            if name == gateway { return .subdomainGateway(host: withPort) }
            guard name.hasSuffix("." + gateway) else { continue }
            let labels = name.dropLast(gateway.count + 1).split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count == 2, labels[1] == "ipfs" || labels[1] == "ipns" else { continue }
            guard labels[1] == "ipfs" else {
                throw RequestError(status: .notFound, message: "this gateway serves /ipfs only, not IPNS names")
            }
            return .subdomain(try subdomainCID(String(labels[0])), gatewayHost: withPort)
        }
        return .plain
    }

    /// The host name in lower case, without port or IPv6 brackets, and the port; refuses characters no host name has.
    static func split(_ authority: String) throws(RequestError) -> (name: String, port: String?) {
        let text = authority.lowercased()
        var name = Substring(text), port: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw .badRequest("malformed Host header") }
            name = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { throw .badRequest("malformed Host header") }
                port = rest.dropFirst()
            }
        } else if let colon = text.lastIndex(of: ":") {
            name = text[..<colon]
            port = text[text.index(after: colon)...]
        }
        let allowed = { (c: UInt8) in (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") }
        guard !name.isEmpty, name.utf8.count <= 253, name.utf8.allSatisfy(allowed),
              port.map({ !$0.isEmpty && $0.count <= 5 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }) ?? true else {
            throw .badRequest("malformed Host header")
        }
        return (String(name), port.map(String.init))
    }

    /// The CID in a subdomain label: DNS names are case-insensitive, so only base32 CIDv1 fits, in one 63-byte label.
    static func subdomainCID(_ label: String) throws(RequestError) -> CID {
        let cid: CID
        do { cid = try CID(label) } catch { throw .badRequest("invalid CID in the host name: \(error)") }
        try checkFitsLabel(cid)
        return cid
    }

    /// Refuses a CID whose base32 form is longer than a DNS label may be (the gateway could not redirect to it).
    static func checkFitsLabel(_ cid: CID) throws(RequestError) {
        let label = cid.v1.string
        guard label.utf8.count <= 63 else {
            throw .badRequest("CID incompatible with DNS label length limit of 63: \(label) is \(label.utf8.count) characters")
        }
    }
}
