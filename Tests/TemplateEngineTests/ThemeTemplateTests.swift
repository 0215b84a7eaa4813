import BuiltinTheme
import Foundation
import Testing
import TestSupport

@testable import TemplateEngine

/// Page contexts shaped like SiteBuilder's PageContext (docs/templates.md), with the variations
/// real sites produce: optional fields absent or empty, zero to many authors and tags, lists of
/// posts, pagination windows, a table of contents, text that needs escaping.
struct ThemeContexts {
    var random: SplitMix64

    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

    mutating func text() -> DataValue { .string(pick(["", "Plain", "Tom & Jerry's <b>", "Ünïcode “quotes”", "x\u{301}<y"])) }

    mutating func tags() -> DataValue {
        .array((0..<pick([0, 0, 1, 2, 4])).map { .map(["name": .string("tag \($0) <&>"), "url": .string("../tags/t\($0)/")]) })
    }

    mutating func post(full: Bool) -> DataValue {
        var post: [String: DataValue] = [
            "title": text(), "url": "../post/", "absolute_url": "https://example.com/post/",
            "authors": .array((0..<pick([0, 1, 3])).map { .string("Author \($0) & co") }), "tags": tags(),
        ]
        if chance(90) {
            post["date"] = "2026-11-29T10:00:00Z"
            post["date_display"] = "29 November 2026"
            post["year"] = 2026
        }
        if chance(30) {
            post["updated"] = "2026-11-30T10:00:00Z"
            post["updated_display"] = "30 November 2026"
        }
        post["summary"] = "<p>Summary with <a href=\"#fn-1\">a note</a>.</p>\n<pre>code\n  indented\n</pre>"
        post["reading_minutes"] = .int(pick([0, 1, 7]))
        if full {
            post["content"] = "<h2 id=\"a\">A</h2>\n<p>Body &amp; text</p>\n<pre><code>  kept\n    as is\n</code></pre>\n"
            post["description"] = text()
            post["word_count"] = 321
            post["extra"] = chance(50) ? [:] : ["mood": "<happy>"]
            if chance(40) { post["toc"] = "<ul>\n<li><a href=\"#a\">A</a></li>\n</ul>" }
        }
        return .map(post)
    }

    mutating func pagination() -> DataValue? {
        guard chance(60) else { return nil }
        let total = pick([2, 3, 12])
        let current = Int.random(in: 1...total, using: &random)
        var value: [String: DataValue] = ["current": .int(current), "total": .int(total)]
        if current > 1 { value["previous_url"] = .string("../\(current - 1)/") }
        if current < total { value["next_url"] = .string("../\(current + 1)/") }
        value["pages"] = .array((1...total).filter { total <= 10 || $0 == 1 || $0 == total || abs($0 - current) <= 2 }.map { number in
            .map(["number": .int(number), "url": .string("../\(number)/"), "current": .bool(number == current), "gap_before": .bool(number > 2 && abs(number - current) == 2)])
        })
        return .map(value)
    }

    mutating func context(kind: String) -> DataValue {
        var site: [String: DataValue] = [
            "title": text(), "description": text(), "author": text(), "language": "en", "base_url": "https://example.com/",
            "home_url": "../", "tags_url": "../tags/", "archive_url": "../archive/", "rss_url": "../rss.xml",
            "atom_url": "../atom.xml", "json_feed_url": "../feed.json", "stylesheet_url": "../css/style.css",
        ]
        if chance(50) { site["favicon_url"] = "../favicon.svg" }
        if chance(80) { site["year"] = 2026 }
        var page: [String: DataValue] = ["title": text(), "description": text(), "absolute_url": "https://example.com/x/", "url": "./", "kind": .string(kind)]
        page["is_\(kind)"] = true
        var context: [String: DataValue] = [
            "site": .map(site), "page": .map(page), "root_url": "../",
            "menu": .array(["Home", "About <me>", "Tags"].map { .map(["title": .string($0), "url": "../", "current": .bool($0 == "Home")]) }),
            "extra": chance(50) ? [:] : ["github": "https://github.com/x", "mastodon": "https://m.example/@x"],
        ]
        switch kind {
        case "post", "page":
            context["post"] = post(full: true)
            if chance(70) { context["next"] = post(full: false) }
            if chance(70) { context["previous"] = post(full: false) }
        case "home", "tag":
            context["posts"] = .array((0..<pick([0, 1, 3])).map { _ in post(full: true) })
            if let pagination = pagination() { context["pagination"] = pagination }
            if kind == "tag" { context["tag"] = ["name": text(), "count": .int(pick([1, 2, 10]))] }
        case "tags":
            context["tags"] = .array((0..<pick([0, 1, 3])).map { .map(["name": .string("t\($0)"), "url": "../t/", "count": .int($0)]) })
        case "archive":
            context["years"] = .array((0..<pick([0, 1, 2])).map { year in
                .map(["year": .int(2026 - year), "posts": .array((0..<pick([1, 2])).map { _ in post(full: false) })])
            })
        case "alias":
            context["target_url"] = "../new/"
            context["target_absolute_url"] = "https://example.com/new/"
        default:
            break
        }
        return .map(context)
    }
}

private let themeTemplates: [String: String] = {
    var templates: [String: String] = [:]
    for (path, data) in BuiltinTheme.files where path.hasSuffix(".mustache") {
        templates[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
    }
    return templates
}()

/// Every page template of the built-in theme compiles (no fallback) and renders 60 varied
/// realistic contexts exactly as swift-mustache does.
@Test(arguments: ["home", "post", "page", "tags", "tag", "archive", "404", "alias"])
func themeTemplateRendersLikeSwiftMustache(_ name: String) throws {
    let compiled = try CompiledTemplates(templates: themeTemplates)
    #expect(compiled.has(name))
    var contexts = ThemeContexts(random: SplitMix64(seed: UInt64(name.utf8.count) * 7919))
    let kind = name == "404" ? "404" : name
    for index in 0..<60 {
        var partials = themeTemplates
        partials[name] = nil
        let renderCase = RenderCase(name: "\(name) #\(index)", template: themeTemplates[name]!, data: contexts.context(kind: kind), partials: partials)
        let rendered = try renderCase.compiled()
        #expect(rendered.contains("</html>"))
        expectSameRendering(renderCase)
    }
}
