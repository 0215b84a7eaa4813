import Foundation
import TemplateEngine
import Yams

/// Markdown rendering switches from `site.yml`'s `markdown:` section.
public struct MarkdownSettings: Sendable, Equatable {
    public var smartPunctuation = true
    public var rawHTML = true
    public var hardBreaks = false
    /// Words an automatic summary keeps (0: the whole first paragraph).
    public var summaryWords = 70
    /// GFM's tag filter over raw HTML; nil: on only when `rawHTML` is off.
    public var tagFilter: Bool?
}

/// The parsed `site.yml`.
public struct SiteConfig: Sendable, Equatable {
    public var title: String
    /// The site's public address, without a trailing slash (`https://example.com`).
    public var baseURL: String
    public var author = ""
    /// `language` with the theme's words for it and `strings:` over them.
    public var language = SiteLanguage.english
    public var timezone: TimeZone
    public var description = ""
    public var postsPerPage = 10
    public var markdown = MarkdownSettings()
    public var highlight = HighlightSettings()
    public var math = MathSettings()
    /// Style sheets of the site's own (`static/` paths) every page links after the theme's.
    public var customCSS: [String] = []
    /// Where each `custom_css` entry is written, for the error when it names no file.
    var customCSSLocations: [SourceLocation] = []
    /// Widths of the resized copies of local raster images (`ImageSizes`); empty: none.
    public var imageSizes: [Int] = []
    /// `search: false` leaves out the search page, its index and its menu link.
    public var search = true
    /// Kept verbatim for the publish command.
    public var publish: [String: DataValue] = [:]
    /// Kept verbatim for the DNSLink command.
    public var dnslink: [String: DataValue] = [:]
    public var extra: [String: DataValue] = [:]

    static let keys = [
        "title", "base_url", "author", "language", "strings", "timezone", "description", "posts_per_page",
        "markdown", "highlight", "math", "custom_css", "image_sizes", "search", "publish", "dnslink", "extra",
    ]
    static let markdownKeys = ["smart_punctuation", "raw_html", "hard_breaks", "summary_words", "tag_filter"]

    /// Parses `site.yml` text; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(SiteBuildError) -> SiteConfig {
        let entries = try YAMLDocument.rootMapping(text, file: file, lineOffset: 0)
        var title: String?
        var baseURL: String?
        var config = SiteConfig(title: "", baseURL: "", timezone: TimeZone(identifier: "UTC")!)
        var highlightNode: Node?
        var languageTag = "en"
        var languageLocation: SourceLocation?
        var strings: [String: String] = [:]
        var mathNode: Node?
        for (key, location, node) in entries {
            switch key {
            case "highlight": highlightNode = node
            case "math": mathNode = node
            case "title": title = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
            case "base_url":
                let value = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
                guard let parsed = URLComponents(string: value), let scheme = parsed.scheme?.lowercased(),
                    scheme == "https" || scheme == "http", parsed.host?.isEmpty == false
                else {
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0),
                        "base_url '\(value)' must be an absolute http(s) URL such as https://example.com")
                }
                // It is written as is into feeds, the sitemap and robots.txt, where a space ends the URL.
                if let bad = value.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || "\"<>\\^`{|}".unicodeScalars.contains($0) }) {
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0),
                        "base_url '\(value)' must not contain \(bad == " " ? "a space" : "'\(bad.escaped(asASCII: true))'"); percent-encode it (a space is %20)")
                }
                // Page paths are appended to it: a query or fragment would end up in the middle of every URL.
                if value.contains("?") || value.contains("#") {
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0),
                        "base_url '\(value)' must not have a query (?…) or fragment (#…); use the site's address, such as https://example.com/blog")
                }
                baseURL = value.hasSuffix("/") ? String(value.dropLast()) : value
            case "author": config.author = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
            case "language":
                languageTag = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
                languageLocation = YAMLDocument.location(of: node, file: file, lineOffset: 0)
            case "strings":
                guard let mapping = node.mapping else {
                    if YAMLDocument.isNull(node) { continue }
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0), "'strings' must be a mapping of theme string names to text")
                }
                for (keyNode, valueNode) in mapping {
                    let name = keyNode.scalar?.string ?? ""
                    guard ThemeStrings.english[name] != nil else {
                        throw .unknownKey(YAMLDocument.location(of: keyNode, file: file, lineOffset: 0), key: "strings.\(name)",
                            allowed: ThemeStrings.english.keys.sorted())
                    }
                    strings[name] = try YAMLDocument.string(valueNode, key: "strings.\(name)", file: file, lineOffset: 0)
                }
            case "timezone":
                let name = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
                guard let zone = TimeZone(identifier: name) else {
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0),
                        "unknown timezone '\(name)' (use an IANA name such as Europe/Berlin or UTC)")
                }
                config.timezone = zone
            case "description": config.description = try YAMLDocument.string(node, key: key, file: file, lineOffset: 0)
            case "posts_per_page":
                let value = try YAMLDocument.int(node, key: key, file: file, lineOffset: 0)
                guard value > 0 else {
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0), "posts_per_page must be at least 1, not \(value)")
                }
                config.postsPerPage = value
            case "markdown":
                guard let mapping = node.mapping else {
                    if YAMLDocument.isNull(node) { continue }
                    throw .malformed(YAMLDocument.location(of: node, file: file, lineOffset: 0), "'markdown' must be a mapping")
                }
                for (keyNode, valueNode) in mapping {
                    let name = keyNode.scalar?.string ?? ""
                    switch name {
                    case "smart_punctuation": config.markdown.smartPunctuation = try YAMLDocument.bool(valueNode, key: name, file: file, lineOffset: 0)
                    case "raw_html": config.markdown.rawHTML = try YAMLDocument.bool(valueNode, key: name, file: file, lineOffset: 0)
                    case "hard_breaks": config.markdown.hardBreaks = try YAMLDocument.bool(valueNode, key: name, file: file, lineOffset: 0)
                    case "tag_filter": config.markdown.tagFilter = try YAMLDocument.bool(valueNode, key: name, file: file, lineOffset: 0)
                    case "summary_words":
                        let words = try YAMLDocument.int(valueNode, key: "markdown.summary_words", file: file, lineOffset: 0)
                        guard words >= 0 else {
                            throw .malformed(YAMLDocument.location(of: valueNode, file: file, lineOffset: 0),
                                "'markdown.summary_words' must be 0 (the whole first paragraph) or more, not \(words)")
                        }
                        config.markdown.summaryWords = words
                    default:
                        throw .unknownKey(YAMLDocument.location(of: keyNode, file: file, lineOffset: 0), key: "markdown.\(name)", allowed: markdownKeys)
                    }
                }
            case "custom_css":
                let entries = node.sequence.map(Array.init) ?? [node]
                for entry in entries {
                    let value = try YAMLDocument.string(entry, key: key, file: file, lineOffset: 0)
                    guard let path = SiteURLs.normalize(userPath: value), !path.hasSuffix("/") else {
                        throw .malformed(YAMLDocument.location(of: entry, file: file, lineOffset: 0),
                            "custom_css '\(value)' must be the path of a style sheet in static/, such as css/site.css")
                    }
                    config.customCSS.append(path)
                    config.customCSSLocations.append(YAMLDocument.location(of: entry, file: file, lineOffset: 0))
                }
            case "image_sizes": config.imageSizes = try ImageSizes.parse(node, file: file)
            case "search": config.search = try YAMLDocument.bool(node, key: key, file: file, lineOffset: 0)
            case "publish": config.publish = try YAMLDocument.map(node, key: key, file: file, lineOffset: 0)
            case "dnslink": config.dnslink = try YAMLDocument.map(node, key: key, file: file, lineOffset: 0)
            case "extra": config.extra = try SocialLinks.normalize(YAMLDocument.map(node, key: key, file: file, lineOffset: 0), node: node, file: file)
            default:
                throw .unknownKey(location, key: key, allowed: keys)
            }
        }
        guard let title else { throw .missingKey(file: file, key: "title") }
        guard let baseURL else { throw .missingKey(file: file, key: "base_url") }
        config.title = title
        config.baseURL = baseURL
        guard let language = SiteLanguage(languageTag, overrides: strings) else {
            throw .malformed(languageLocation ?? SourceLocation(file: file, line: 1),
                "language '\(languageTag)' is not a BCP 47 language tag such as en, de, pt-BR or zh-Hans")
        }
        config.language = language
        config.highlight = try HighlightSettings.parse(highlightNode, file: file)
        config.math = try MathSettings.parse(mathNode, file: file)
        return config
    }
}
