import Foundation
import Testing
@testable import SiteBuilder

private func build(_ yml: String, posts: Int = 3) async throws -> BuildResult {
    var files: [String: String] = [:]
    for index in 1...posts { files["content/posts/p\(index).md"] = post("Post \(index)", date: "2026-03-0\(index)", tags: ["swift"]) }
    let site = try FixtureSite(files: files, siteYML: FixtureSite.siteYML + yml, themeOnly: true)
    defer { site.cleanUp() }
    return try await site.build()
}

@Test func theThemeSpeaksTheSitesLanguage() async throws {
    let german = try await build("language: de-AT\n")
    let post = german.text("posts/p1/index.html")
    #expect(post.contains(#"<html lang="de-AT">"#))
    #expect(post.contains(">1. März 2026</time>") && post.contains("1 Min. Lesezeit") && post.contains(">Zum Inhalt springen<"))
    #expect(post.contains(">Alle Beiträge<") && post.contains(">Schlagwörter</a>"), "menu and links")
    #expect(german.text("posts/index.html").contains("3 Beiträge, neueste zuerst"))
    #expect(german.text("404.html").contains("Seite nicht gefunden"))
    let search = german.text("search/index.html")
    #expect(search.contains(">Suche</h1>") && search.contains(#"data-t-none="Keine Treffer für „{q}“.""#) && search.contains(">Suche</a>"))
    let japanese = try await build("language: ja\n")
    #expect(japanese.text("posts/p2/index.html").contains(">2026年3月2日</time>"))
    let french = try await build("language: fr\n", posts: 1)
    #expect(french.text("posts/p1/index.html").contains(">1er mars 2026</time>"))
    #expect(french.text("posts/index.html").contains("1 article, les plus récents d’abord"))
}

@Test func russianCountsHaveThreeForms() {
    let russian = SiteLanguage("ru")!
    #expect([1, 2, 5, 11, 21, 22, 25, 111].map(russian.postCount) == [
        "1 запись", "2 записи", "5 записей", "11 записей", "21 запись", "22 записи", "25 записей", "111 записей",
    ])
    #expect(SiteLanguage.english.postCount(1) == "1 post" && SiteLanguage.english.postCount(0) == "0 posts")
}

@Test func aSiteChangesAnyStringAndUnknownLanguagesFallBackToEnglish() async throws {
    let result = try await build("language: sv\nstrings:\n  all_posts: Alla inlägg\n  reading_time: \"{n} min läsning\"\n")
    let post = result.text("posts/p1/index.html")
    #expect(post.contains(">Alla inlägg<") && post.contains("1 min läsning"))
    #expect(post.contains(">Skip to content<"), "a language without a table speaks English")
}

@Test func languageAndStringsAreChecked() async throws {
    let site = try FixtureSite(files: ["content/posts/p.md": post("P", date: "2026-01-02")], siteYML: FixtureSite.siteYML + "language: english please\n", themeOnly: true)
    defer { site.cleanUp() }
    let bad = await site.buildError()
    #expect(bad?.hasSuffix("site.yml:9:11: language 'english please' is not a BCP 47 language tag such as en, de, pt-BR or zh-Hans") == true, "\(bad ?? "")")
    for tag in ["en", "pt-BR", "zh-Hans", "sr-Latn-RS", "es-419", "de-CH-1996", "en-US-x-twain"] { #expect(SiteLanguage.isBCP47(tag), "\(tag)") }
    for tag in ["", "e", "english please", "en_US", "en-", "123"] { #expect(!SiteLanguage.isBCP47(tag), "\(tag)") }
    try site.write("site.yml", FixtureSite.siteYML + "strings:\n  all_post: Everything\n")
    let unknown = await site.buildError()
    #expect(unknown?.contains("site.yml:10:3: unknown key 'strings.all_post' (did you mean 'all_posts'?)") == true, "\(unknown ?? "")")
}
