import ContentAddressing

/// What the client asked for: the deserialized content (UnixFS), one block, or a CAR, from the `format` query
/// parameter first and the `Accept` header second (IPIP-523).
enum ResponseFormat: Equatable {
    case unixfs
    case raw
    case car(CAROptions)

    static func negotiate(_ target: RequestTarget, accept: String?) throws(RequestError) -> ResponseFormat {
        var carMedia: MediaRange?
        if let accept {
            for range in MediaRange.parseList(accept) {
                if range.type == "application/vnd.ipld.raw" {
                    if carMedia == nil, target.parameter("format") == nil { return .raw }
                    break
                }
                if range.type == "application/vnd.ipld.car" {
                    carMedia = range
                    break
                }
            }
        }
        switch target.parameter("format") {
        case nil, "":
            guard let carMedia else { return .unixfs }
            return .car(try CAROptions(target, accept: carMedia))
        case "raw": return .raw
        case "car": return .car(try CAROptions(target, accept: carMedia))
        case let other?: throw .badRequest("unsupported format \"\(other)\": this gateway answers format=raw and format=car")
        }
    }
}

/// The CAR a trustless client asked for: query parameters win over the `Accept` header's parameters.
struct CAROptions: Equatable {
    var scope: DAGScope
    var entityBytes: EntityBytes?
    var duplicates: Bool

    init(scope: DAGScope = .all, entityBytes: EntityBytes? = nil, duplicates: Bool = false) {
        self.scope = scope
        self.entityBytes = entityBytes
        self.duplicates = duplicates
    }

    init(_ target: RequestTarget, accept: MediaRange?) throws(RequestError) {
        let version = target.parameter("car-version") ?? accept?.parameters["version"] ?? "1"
        guard version == "1" else { throw .badRequest("unsupported CAR version \(version): this gateway writes CARv1") }
        let dups = target.parameter("car-dups") ?? accept?.parameters["dups"] ?? "n"
        guard dups == "y" || dups == "n" else { throw .badRequest("invalid car-dups \"\(dups)\": y or n") }
        // Any order is answered with dfs, which satisfies "unk" too.
        let scopeText = target.parameter("dag-scope") ?? "all"
        guard let scope = DAGScope(rawValue: scopeText) else { throw .badRequest("invalid dag-scope \"\(scopeText)\": all, entity or block") }
        self.scope = scope
        self.duplicates = dups == "y"
        if let text = target.parameter("entity-bytes") {
            entityBytes = try EntityBytes(text)
            self.scope = .entity
        }
    }

    /// The `Content-Type` of the response, with every parameter the trustless gateway spec asks for.
    var contentType: String { "application/vnd.ipld.car; version=1; order=dfs; dups=\(duplicates ? "y" : "n")" }

    /// What makes this CAR differ from another of the same path, for its ETag.
    var etagSuffix: String {
        var suffix = ".car.\(scope.rawValue)"
        if let entityBytes { suffix += ".\(entityBytes.text)" }
        if duplicates { suffix += ".dups" }
        return suffix
    }
}

/// `entity-bytes=from:to`: inclusive offsets, negative ones counted from the end, `*` for the end.
struct EntityBytes: Equatable {
    let from: Int64
    let to: Int64?
    let text: String

    init(_ text: String) throws(RequestError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let from = Int64(parts[0]), parts[1] == "*" || Int64(parts[1]) != nil else {
            throw .badRequest("invalid entity-bytes \"\(text)\": from:to with integers or * for the end")
        }
        self.from = from
        self.to = parts[1] == "*" ? nil : Int64(parts[1])
        self.text = text
    }

    /// The byte range in a file of `size` bytes; nil when it is empty there (the CAR is then `dag-scope=block`).
    func range(in size: UInt64) -> Range<UInt64>? {
        let size = Int64(clamping: size)
        let first = from < 0 ? max(0, size + from) : from
        var last = to.map { $0 < 0 ? size + $0 : $0 } ?? size - 1
        last = min(last, size - 1)
        guard first <= last, first < size else { return nil }
        return UInt64(first)..<UInt64(last + 1)
    }
}

/// One entry of an `Accept` header: a media type and its parameters, lower-cased.
struct MediaRange: Equatable {
    let type: String
    let parameters: [String: String]

    static func parseList(_ header: String) -> [MediaRange] {
        header.split(separator: ",").prefix(32).map { entry in
            let parts = entry.split(separator: ";").map { $0.trimmingWhitespace().lowercased() }
            var parameters: [String: String] = [:]
            for part in parts.dropFirst() {
                let kv = part.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { parameters[String(kv[0])] = kv[1].trimmingCharacters(in: "\"") }
            }
            return MediaRange(type: parts.first ?? "", parameters: parameters)
        }
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = self
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
