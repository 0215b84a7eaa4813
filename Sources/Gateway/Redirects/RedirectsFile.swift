/// A parsed `_redirects` file (web redirects file spec): rules `from to [status]`, first match wins.
struct RedirectsFile: Sendable {
    struct Rule: Sendable, Equatable {
        /// The `from` path's segments; `:name` segments are placeholders.
        let from: [String]
        /// Whether `from` ended in `*`, which takes the rest of the path as `:splat`.
        let splat: Bool
        let to: String
        let status: Int
    }

    static let maxSize = 65_536
    static let statuses: Set<Int> = [200, 301, 302, 303, 307, 308, 404, 410, 451]

    let rules: [Rule]

    /// Throws a `RedirectsFileError` naming the line for anything the spec does not allow.
    init(parsing bytes: [UInt8]) throws(RedirectsFileError) {
        guard bytes.count <= Self.maxSize else { throw RedirectsFileError(message: "redirects file size cannot exceed \(Self.maxSize) bytes") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw RedirectsFileError(message: "the file is not UTF-8") }
        var rules: [Rule] = []
        for (number, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            // "\r\n" is one Character in Swift, so CRLF lines were split above; a lone "\r" is whitespace here.
            let line = rawLine.trimmingWhitespace().trimmingSuffix("\r").trimmingWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            rules.append(try Self.rule(line, number: number + 1))
        }
        self.rules = rules
    }

    private static func rule(_ line: Substring, number: Int) throws(RedirectsFileError) -> Rule {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard fields.count == 2 || fields.count == 3 else {
            throw RedirectsFileError(message: "line \(number): expected \"from to [status]\", found \(fields.count) fields")
        }
        guard fields[0].hasPrefix("/") else { throw RedirectsFileError(message: "line \(number): \"from\" must start with /") }
        var status = 301
        if fields.count == 3 {
            guard let code = Int(fields[2]), statuses.contains(code) else {
                throw RedirectsFileError(message: "line \(number): unsupported redirect status \"\(fields[2])\" (forced redirects like 301! are not supported)")
            }
            status = code
        }
        var from = fields[0].split(separator: "/").map(String.init)
        let splat = from.last == "*"
        if splat { from.removeLast() }
        var seen = Set<String>()
        for segment in from where segment.hasPrefix(":") {
            guard seen.insert(segment).inserted else { throw RedirectsFileError(message: "line \(number): placeholder \(segment) is used twice in \"from\"") }
        }
        return Rule(from: from, splat: splat, to: String(fields[1]), status: status)
    }

    /// The first rule matching `names` (a request path's decoded segments) and its `to` with placeholders filled in.
    func match(_ names: [String]) -> (rule: Rule, to: String)? {
        for rule in rules {
            guard rule.splat ? names.count >= rule.from.count : names.count == rule.from.count else { continue }
            var values: [(String, String)] = []
            var matched = true
            for (pattern, name) in zip(rule.from, names) {
                if pattern.hasPrefix(":") {
                    values.append((pattern, PercentEncoding.encodeSegment(name)))
                } else if pattern != name {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            if rule.splat {
                values.append((":splat", names.dropFirst(rule.from.count).map(PercentEncoding.encodeSegment).joined(separator: "/")))
            }
            var to = rule.to
            // Longest names first, so ":yearly" is not filled in as ":year" + "ly".
            for (name, value) in values.sorted(by: { $0.0.count > $1.0.count }) { to = to.replacingAll(name, with: value) }
            return (rule, to)
        }
        return nil
    }
}

/// A `_redirects` file that cannot be used; the spec asks for a 500 that says why.
struct RedirectsFileError: Error, Equatable {
    let message: String
}

extension Substring {
    fileprivate func trimmingSuffix(_ suffix: String) -> Substring { hasSuffix(suffix) ? dropLast(suffix.count) : self }
}

extension String {
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
