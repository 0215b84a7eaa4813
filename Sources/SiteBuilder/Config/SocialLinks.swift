import TemplateEngine
import Yams

/// `extra.github` and `extra.mastodon`, which the built-in theme links from its footer, as full
/// URLs: a user name (`mira-okafor`) or a Mastodon handle (`@mira@social.example.org`) is what
/// people write, and a bare name would be a broken relative link on every page.
enum SocialLinks {
    /// `extra` with its `github` and `mastodon` values made URLs; `node` is `extra:`'s, for errors.
    static func normalize(_ extra: [String: DataValue], node: Node, file: String) throws(SiteBuildError) -> [String: DataValue] {
        var extra = extra
        for (key, make) in [("github", github), ("mastodon", mastodon)] {
            guard case .string(let value) = extra[key] else { continue }
            guard let url = make(value.trimmingWhitespace()) else {
                let valueNode = node.mapping?.first { $0.key.scalar?.string == key }?.value ?? node
                throw .malformed(YAMLDocument.location(of: valueNode, file: file, lineOffset: 0), key == "github"
                    ? "extra.github '\(value)' must be a GitHub user name (mira-okafor) or a URL (https://github.com/mira-okafor)"
                    : "extra.mastodon '\(value)' must be a handle (@mira@social.example.org) or a URL (https://social.example.org/@mira)")
            }
            extra[key] = .string(url)
        }
        return extra
    }

    static func github(_ value: String) -> String? {
        if value.contains("://") { return value }
        if value.hasPrefix("github.com/") { return "https://" + value }
        let name = value.hasPrefix("@") ? String(value.dropFirst()) : value
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return "https://github.com/" + name
    }

    static func mastodon(_ value: String) -> String? {
        if value.contains("://") { return value }
        let parts = value.split(separator: "@", omittingEmptySubsequences: true)
        guard value.hasPrefix("@"), parts.count == 2, parts[1].contains("."),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } }) else { return nil }
        return "https://\(parts[1])/@\(parts[0])"
    }
}
