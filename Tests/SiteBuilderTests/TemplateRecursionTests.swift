import Foundation
import Testing
@testable import SiteBuilder

/// A template that includes itself outside any section (directly, through other partials or
/// through its parent) recursed until the stack overflowed: `blogctl build` died with a
/// segmentation fault and no message. It is an error naming the template and the cycle.
@Test(arguments: [
    ["templates/home.mustache": "{{> home}}\n"],
    ["templates/home.mustache": "<h1>{{> partials/a}}</h1>", "templates/partials/a.mustache": "{{> partials/b}}",
     "templates/partials/b.mustache": "{{#site}}ok{{/site}}{{^site}}{{/site}}{{> partials/a}}"],
    ["templates/home.mustache": "{{<pp}}{{$m}}x{{/m}}{{/pp}}", "templates/pp.mustache": "{{> home}}"],
])
func unconditionalPartialCycleIsAnError(_ templates: [String: String]) async throws {
    let site = try FixtureSite(files: templates.merging(["content/posts/a.md": post("A", date: "2026-01-01")]) { $1 })
    defer { site.cleanUp() }
    let error = try #require(await site.buildError())
    #expect(error.contains("includes itself"), "\(error)")
    #expect(error.contains(".mustache"), "\(error)")
}

/// Recursion that data ends (a tree through a section) is legal Mustache and still renders.
@Test func recursionInsideASectionStillRenders() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01"),
        "templates/home.mustache": "{{#extra}}{{> partials/node}}{{/extra}}",
        "templates/partials/node.mustache": "[{{motto}}{{#child}}{{> partials/node}}{{/child}}]",
    ])
    defer { site.cleanUp() }
    let result = try await site.build()
    #expect(result.text("index.html") == "[hello]")
}

/// Recursion through a section whose data never ends (`site` is always there) recursed until the
/// stack overflowed; the compiled renderer stops at its nesting limit and the build names the template.
@Test func recursionTheDataNeverEndsIsAnError() async throws {
    let site = try FixtureSite(files: [
        "content/posts/a.md": post("A", date: "2026-01-01"),
        "templates/home.mustache": "{{#site}}{{> partials/loop}}{{/site}}",
        "templates/partials/loop.mustache": "<div>{{#title}}{{> partials/loop}}{{/title}}</div>",
    ])
    defer { site.cleanUp() }
    let error = try #require(await site.buildError())
    #expect(error.contains("partials nested more than 200 deep"), "\(error)")
    #expect(error.contains("home.mustache"), "\(error)")
}
