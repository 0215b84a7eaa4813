import Foundation
import Testing
import TemplateEngine
@testable import SiteBuilder

@Test func siteConfigDefaults() throws {
    let config = try SiteConfig.parse("title: T\nbase_url: https://example.com/\n", file: "site.yml")
    #expect(config.title == "T")
    #expect(config.baseURL == "https://example.com")
    #expect(config.language.tag == "en")
    #expect(config.timezone.secondsFromGMT(for: Date()) == 0)
    #expect(config.postsPerPage == 10)
    #expect(config.markdown == MarkdownSettings(smartPunctuation: true, rawHTML: true, hardBreaks: false, summaryWords: 70))
    #expect(config.author == "" && config.description == "" && config.extra.isEmpty)
}

@Test func siteConfigReadsEveryKey() throws {
    let text = """
        title: Blog
        base_url: https://example.com
        author: Ada
        language: de
        timezone: Europe/Berlin
        description: Words
        posts_per_page: 3
        markdown:
          smart_punctuation: false
          raw_html: false
          hard_breaks: true
          summary_words: 0
          tag_filter: true
        publish:
          kubo_api: http://127.0.0.1:5001
        dnslink:
          domain: example.com
        extra:
          github: https://github.com/ada
          count: 3
        """
    let config = try SiteConfig.parse(text, file: "site.yml")
    #expect(config.language.tag == "de" && config.timezone.identifier == "Europe/Berlin" && config.postsPerPage == 3)
    #expect(config.markdown == MarkdownSettings(smartPunctuation: false, rawHTML: false, hardBreaks: true, summaryWords: 0, tagFilter: true))
    #expect(config.publish["kubo_api"] == .string("http://127.0.0.1:5001"))
    #expect(config.dnslink["domain"] == .string("example.com"))
    #expect(config.extra["count"] == .int(3))
}

private func configError(_ text: String) -> String? {
    do {
        _ = try SiteConfig.parse(text, file: "blog/site.yml")
        return nil
    } catch {
        return "\(error)"
    }
}

@Test func siteConfigErrorsNameFileAndLine() throws {
    #expect(configError("title: T\nbase_url: https://e.com\ncolour: red\n")?.hasPrefix("blog/site.yml:3:1: unknown key 'colour'") == true)
    #expect(configError("title: T\nbase_url: https://e.com\nmarkdown:\n  tables: true\n")?.hasPrefix("blog/site.yml:4:3: unknown key 'markdown.tables'") == true)
    #expect(configError("base_url: https://e.com\n") == "blog/site.yml:1:1: missing required key 'title'")
    #expect(configError("title: T\n") == "blog/site.yml:1:1: missing required key 'base_url'")
    let malformed = try #require(configError("title: T\nbase_url: [unclosed\n"))
    #expect(malformed.hasPrefix("blog/site.yml:"), "\(malformed)")
    #expect(configError("title: T\nbase_url: example.com\n")?.contains("blog/site.yml:2:11: base_url 'example.com'") == true)
    #expect(configError("title: T\nbase_url: https://e.com\ntimezone: Mars/Base\n")?.contains("blog/site.yml:3:11: unknown timezone 'Mars/Base'") == true)
    #expect(configError("title: T\nbase_url: https://e.com\nposts_per_page: many\n")?.hasPrefix("blog/site.yml:3:17:") == true)
    #expect(configError("title: T\nbase_url: https://e.com\nmarkdown:\n  summary_words: -1\n")
        == "blog/site.yml:4:18: 'markdown.summary_words' must be 0 (the whole first paragraph) or more, not -1")
}

/// A space (or another character a URL cannot hold) in base_url's path went verbatim into feed
/// links, the sitemap and robots.txt's `Sitemap:` line, which then named a different URL.
@Test(arguments: ["https://example.com/a b/", "https://example.com/a\tb", "https://example.com/<x>/", "https://example.com/a\"b/"])
func baseURLThatIsNotAValidURLIsAnError(_ value: String) {
    let yaml = "title: T\nbase_url: \"\(value.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\"", with: "\\\""))\"\n"
    let error = configError(yaml)
    #expect(error?.hasPrefix("blog/site.yml:2:11: base_url") == true, "\(String(describing: error))")
}

@Test func socialLinksTakeUserNamesAndHandles() throws {
    func extra(_ yml: String) throws -> [String: DataValue] {
        try SiteConfig.parse("title: T\nbase_url: https://e.com\nextra:\n\(yml)", file: "site.yml").extra
    }
    #expect(try extra("  github: mira-okafor\n")["github"] == .string("https://github.com/mira-okafor"))
    #expect(try extra("  github: \"@mira\"\n")["github"] == .string("https://github.com/mira"))
    #expect(try extra("  github: https://git.example.org/mira\n")["github"] == .string("https://git.example.org/mira"))
    #expect(try extra("  mastodon: \"@mira@social.example.org\"\n")["mastodon"] == .string("https://social.example.org/@mira"))
    #expect(try extra("  motto: keep me\n")["motto"] == .string("keep me"))
    #expect {
        try extra("  other: 1\n  github: not a name\n")
    } throws: { error in
        "\(error)".hasPrefix("site.yml:5:11: extra.github 'not a name' must be a GitHub user name")
    }
}
