import Foundation
import Testing
@testable import SiteBuilder

private let berlin = TimeZone(identifier: "Europe/Berlin")!

private func parse(_ text: String) throws -> FrontMatter {
    try FrontMatter.split(text, file: "content/posts/x.md", timeZone: berlin).0
}

private func parseError(_ text: String) -> String? {
    do {
        _ = try parse(text)
        return nil
    } catch {
        return "\(error)"
    }
}

@Test func yamlFrontMatterReadsEveryKey() throws {
    let matter = try parse("""
        ---
        title: Hello
        date: 2026-03-01
        updated: 2026-03-02T10:30:00+01:00
        draft: true
        tags: [Swift, IPFS]
        summary: Short
        description: Longer
        slug: hi-there
        path: /notes/hello/
        aliases: [/old/hello/]
        authors: [Ada, Grace]
        template: special
        weight: 4
        extra:
          mood: happy
        ---
        Body
        """)
    #expect(matter.title == "Hello")
    #expect(matter.date?.iso8601 == "2026-03-01T00:00:00+01:00")
    #expect(matter.updated?.iso8601 == "2026-03-02T10:30:00+01:00")
    #expect(matter.draft && matter.tags == ["Swift", "IPFS"] && matter.summary == "Short" && matter.description == "Longer")
    #expect(matter.slug == "hi-there" && matter.path == "/notes/hello/" && matter.aliases == ["/old/hello/"])
    #expect(matter.authors == ["Ada", "Grace"] && matter.template == "special" && matter.weight == 4)
    #expect(matter.extra["mood"] == .string("happy"))
}

@Test func tomlFrontMatterReadsKeysAndDates() throws {
    let (matter, body) = try FrontMatter.split("""
        +++
        title = "Hello TOML"
        date = 2026-03-01T08:00:00Z
        tags = ["a", "b"]
        draft = false
        [extra]
        mood = "calm"
        +++
        The body
        """, file: "x.md", timeZone: berlin)
    #expect(matter.title == "Hello TOML")
    #expect(matter.date?.iso8601 == "2026-03-01T09:00:00+01:00")
    #expect(matter.tags == ["a", "b"])
    #expect(matter.extra["mood"] == .string("calm"))
    #expect(body == "The body")
}

@Test func frontMatterErrorsNameFileAndLine() {
    #expect(parseError("---\ntitle: A\ncolour: red\n---\n")?.hasPrefix("content/posts/x.md:3:1: unknown key 'colour'") == true)
    #expect(parseError("+++\ntitle = \"A\"\ncolour = \"red\"\n+++\n")?.hasPrefix("content/posts/x.md:3:1: unknown key 'colour'") == true)
    #expect(parseError("---\ndate: 2026-01-01\n---\n") == "content/posts/x.md:1:1: missing required key 'title'")
    #expect(parseError("No front matter at all\n")?.hasPrefix("content/posts/x.md:1:1: no front matter: start the file with a --- line") == true)
    #expect(parseError("---\ntitle: A\ndate: 2026-02-30\n---\n")?.hasPrefix("content/posts/x.md:3:7: invalid date '2026-02-30'") == true)
    #expect(parseError("---\ntitle: A\ndate: yesterday\n---\n")?.contains("invalid date 'yesterday'") == true)
    #expect(parseError("---\ntitle: [unclosed\n---\n")?.hasPrefix("content/posts/x.md:") == true)
    #expect(parseError("+++\ntitle = \n+++\n")?.hasPrefix("content/posts/x.md:2:") == true)
    #expect(parseError("---\ntitle: A\n")?.contains("never closed") == true)
    #expect(parseError("---\ntitle: A\ndraft: maybe\n---\n")?.hasPrefix("content/posts/x.md:3:8: 'draft' must be true or false") == true)
}

@Test func datesParseInTheSiteTimeZone() throws {
    let utc = TimeZone(identifier: "UTC")!
    #expect(SiteDate.parse("2026-07-01", timeZone: berlin)?.iso8601 == "2026-07-01T00:00:00+02:00")
    #expect(SiteDate.parse("2026-07-01 14:05", timeZone: berlin)?.iso8601 == "2026-07-01T14:05:00+02:00")
    #expect(SiteDate.parse("2026-07-01T14:05:09Z", timeZone: berlin)?.iso8601 == "2026-07-01T16:05:09+02:00")
    #expect(SiteDate.parse("2026-07-01T14:05:09-05:30", timeZone: utc)?.iso8601 == "2026-07-01T19:35:09+00:00")
    #expect(SiteDate.parse("2026-11-29", timeZone: utc)?.display == "29 November 2026")
    #expect(SiteDate.parse("2026-11-29T10:00:00", timeZone: berlin)?.rfc822 == "Sun, 29 Nov 2026 10:00:00 +0100")
    #expect(SiteDate.parse("2024-02-29", timeZone: utc) != nil)
    for bad in ["2023-02-29", "2026-13-01", "26-01-01", "2026-01-01T25:00", "2026-01-01X", "2026-01-01T10:00+1"] {
        #expect(SiteDate.parse(bad, timeZone: utc) == nil, "\(bad)")
    }
}

@Test func yamlScalarsGetCoreTypes() throws {
    let matter = try parse("""
        ---
        title: 1.50
        extra:
          flag: false
          quoted: "true"
          count: 3
          ratio: 0.5
          nothing: ~
          word: yes
          date: 2026-01-01
        ---
        """)
    #expect(matter.title == "1.50")
    #expect(matter.extra["flag"] == .bool(false) && matter.extra["quoted"] == .string("true"))
    #expect(matter.extra["count"] == .int(3) && matter.extra["ratio"] == .double(0.5) && matter.extra["nothing"] == .null)
    #expect(matter.extra["word"] == .string("yes") && matter.extra["date"] == .string("2026-01-01"))
}

/// A file without front matter, or with an empty title, was reported as "missing required key
/// 'title'" at 1:1: the author looked for a title key that was there, or did not know a front
/// matter block was needed. Each gets its own message and place.
@Test func missingFrontMatterAndEmptyTitleSayWhatIsWrong() {
    func message(_ text: String) -> String {
        do {
            _ = try FrontMatter.split(text, file: "content/a.md", timeZone: .gmt)
            return ""
        } catch {
            return "\(error)"
        }
    }
    let none = message("# Hello\n\nText\n")
    #expect(none.hasPrefix("content/a.md:1:1:") && none.contains("no front matter") && none.contains("---"), "\(none)")
    let empty = message("---\ndate: 2026-01-01\ntitle: \"\"\n---\nx\n")
    #expect(empty.hasPrefix("content/a.md:3:") && empty.contains("'title' must not be empty"), "\(empty)")
    #expect(message("---\ndate: 2026-01-01\n---\nx\n") == "content/a.md:1:1: missing required key 'title'")
}

/// Before standard time, zones had offsets with seconds (Berlin's local mean time is +00:53:28).
/// RFC 3339 and RFC 822 offsets have whole minutes; the seconds were dropped from the offset but
/// not from the local time, so feeds, the sitemap and `<time datetime>` named an instant 28 s off.
/// Every written date must name the instant the author wrote.
@Test(arguments: ["Europe/Berlin", "Europe/Amsterdam", "America/New_York", "Asia/Kolkata", "Africa/Monrovia"])
func writtenDatesNameTheExactInstantInLocalMeanTime(_ zone: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    for written in ["1850-06-01T12:00:00", "1900-01-01T00:00:30", "1971-03-04T05:06:07", "2026-11-29T09:30:00"] {
        let date = try #require(SiteDate.parse(written, timeZone: timeZone))
        let reparsed = try #require(SiteDate.parse(date.iso8601, timeZone: .gmt), "\(date.iso8601)")
        #expect(reparsed.seconds == date.seconds, "\(zone) \(written) -> \(date.iso8601)")
    }
}

/// The shown date and the year stay the wall-clock date the author wrote, even a few seconds
/// after midnight in local mean time (the timestamps move by the offset's seconds, not these).
@Test func shownDateIsTheWrittenDayInLocalMeanTime() throws {
    let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
    let date = try #require(SiteDate.parse("1850-01-01T00:00:10", timeZone: berlin))
    #expect(date.display == "1 January 1850")
    #expect(date.year == 1850)
}

/// A YAML alias bomb (nine aliases nested eight deep: 43 million values) in front matter or
/// site.yml is refused with one line naming the file, instead of expanding for half a minute.
@Test func aliasBombsAreRefusedNamingTheFile() async throws {
    var bomb = "  a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
    let names = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for (previous, name) in zip(names, names.dropFirst()) {
        bomb += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
    }
    let post = try FixtureSite(files: ["content/posts/bomb.md": "---\ntitle: Bomb\ndate: 2026-01-01\nextra:\n" + bomb + "---\nBody\n"])
    defer { post.cleanUp() }
    let postError = try #require(await post.buildError())
    #expect(postError.contains("content/posts/bomb.md:") && postError.contains("more than 100000 values"), "\(postError)")

    let config = try FixtureSite(files: ["site.yml": "title: Bomb\nbase_url: https://example.com/\nextra:\n" + bomb])
    defer { config.cleanUp() }
    let configError = try #require(await config.buildError())
    #expect(configError.contains("site.yml:") && configError.contains("more than 100000 values"), "\(configError)")

    // Aliases that stay small are fine.
    let small = try FixtureSite(files: ["content/posts/ok.md": "---\ntitle: Ok\ndate: 2026-01-01\nextra:\n  a: &a [1, 2]\n  b: [*a, *a]\n---\nBody\n"])
    defer { small.cleanUp() }
    #expect(await small.buildError() == nil)
}

@Test func hugoAndZolaKeysAreReadAsTheirBlogctlNames() throws {
    let hugo = try parse("""
        ---
        title: From Hugo
        lastmod: 2026-02-01
        author: Ada
        url: /2019/old-post/
        layout: wide
        categories: [notes, swift]
        tags: [swift, ipfs]
        params:
          mood: calm
        ---
        """)
    #expect(hugo.updated != nil && hugo.authors == ["Ada"] && hugo.path == "/2019/old-post/" && hugo.template == "wide")
    #expect(hugo.tags == ["notes", "swift", "ipfs"], "categories become tags, once each")
    #expect(hugo.extra["mood"] == .string("calm"))
    let zola = try FrontMatter.split("+++\ntitle = \"From Zola\"\n[taxonomies]\ntags = [\"rust\"]\ncategories = [\"code\"]\n+++\n",
        file: "content/posts/x.md", timeZone: berlin).0
    #expect(zola.tags == ["code", "rust"])
}

@Test func aKeyWrittenTwiceOrMisspeltIsRefusedWithAHint() {
    #expect {
        try parse("---\ntitle: T\nupdated: 2026-01-01\nlastmod: 2026-01-02\n---\n")
    } throws: { error in
        "\(error)" == "content/posts/x.md:4:1: 'lastmod' and 'updated' are the same key ('updated'; lastmod is its Hugo or Zola name): keep one"
    }
    #expect {
        try parse("---\ntitle: T\ntagz: [a]\n---\n")
    } throws: { error in
        "\(error)".hasPrefix("content/posts/x.md:3:1: unknown key 'tagz' (did you mean 'tags'?)")
    }
}

@Test func aTOMLDateTimeKeepsItsOffset() throws {
    let matter = try FrontMatter.split("+++\ntitle = \"T\"\ndate = 2024-01-01T10:00:00+02:00\n+++\n", file: "content/posts/x.md", timeZone: berlin).0
    #expect(matter.date?.seconds == 1_704_096_000, "08:00 UTC")
}
