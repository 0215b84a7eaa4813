import Foundation
import Mustache
import Testing
@testable import SiteBuilder

@Test func oneBuildReportsTheErrorsOfEveryFile() async throws {
    var files: [String: String] = [:]
    files["content/posts/a.md"] = "---\ntitle: A\ndate: 2026-13-01\n---\nText\n"
    files["content/posts/b.md"] = post("B", date: "2026-01-02", body: "{{< nope >}}")
    files["content/posts/c.md"] = post("C", date: "2026-01-03")
    files["content/posts/d.md"] = "---\ntitel: D\n---\n"
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    do {
        _ = try await site.build()
        Issue.record("the build should fail")
    } catch let error as SiteBuildError {
        let lines = error.lines
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].contains("content/posts/a.md:3:7: invalid date '2026-13-01'"))
        #expect(lines[1].contains("content/posts/b.md:6:1: unknown shortcode 'nope'"))
        #expect(lines[2].contains("content/posts/d.md:2:1: unknown key 'titel' (did you mean 'title'?)"))
    }
}

@Test func theListOfErrorsIsCapped() {
    let errors = (1...60).map { SiteBuildError.missingKey(file: "content/posts/p\($0).md", key: "title") }
    let combined = SiteBuildError.combining(errors)!
    #expect(combined.lines.count == SiteBuildError.cap + 1)
    #expect(combined.lines.last == "… and 10 more errors")
    #expect(SiteBuildError.combining([errors[0]]) == errors[0])
}

@Test func aTemplateNoPageUsesIsWarnedAbout() async throws {
    let site = try FixtureSite(files: [
        "content/posts/p.md": post("P", date: "2026-01-02", extra: "template: wide\n"),
        "templates/hme.mustache": "{{< base}}{{/base}}",
        "templates/wide.mustache": "{{< base}}{{$main}}{{> partials/extra}}{{/main}}{{/base}}",
        "templates/partials/extra.mustache": "x",
        "templates/shortcodes/note.mustache": "<aside></aside>",
    ], themeOnly: true)
    defer { site.cleanUp() }
    let warnings = try await site.build().warnings.map(\.description)
    #expect(warnings.count == 1, "\(warnings)")
    #expect(warnings.first?.contains("templates/hme.mustache: no page uses this template (did you mean 'home'?)") == true, "\(warnings)")
}

@Test func templateErrorsSayWhatIsWrongAndWhereTheSectionOpened() async throws {
    let post = """
        {{< base}}
        {{$main}}
        <article>
        <h1>{{post.title}}</h1>
        <p>x</p>
        {{#post.tags}}
        <span>{{name}}</span>
        {{/main}}
        {{/base}}
        """
    let site = try FixtureSite(files: ["content/posts/p.md": SiteBuilderTests.post("P", date: "2026-01-02"), "templates/post.mustache": post], themeOnly: true)
    defer { site.cleanUp() }
    let error = await site.buildError()
    #expect(error?.hasSuffix("templates/post.mustache:8:1: template error: '{{/main}}' does not close the open section 'post.tags'; close 'post.tags' first (it was opened on line 6)") == true, "\(error ?? "")")
    // swift-mustache's own errors (a set it renders) in words, not case names.
    #expect(TemplateSet.words(for: MustacheTemplate.Error.unfinishedName).hasPrefix("a tag is not finished"))
}
