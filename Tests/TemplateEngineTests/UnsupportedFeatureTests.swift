import Testing

@testable import TemplateEngine

/// Templates using swift-mustache features the compiled engine does not reproduce, and what
/// the compiler must report for each so the caller renders with swift-mustache instead.
let unsupportedTemplates: [(template: String, feature: String)] = [
    ("Hello {{>*dynamic}}", "the dynamic partial {{>*dynamic}}"),
    ("{{<*dynamic}}{{$b}}x{{/b}}{{/*dynamic}}", "the dynamic partial {{>*dynamic}}"),
    ("{{#reversed(list)}}{{.}}{{/reversed(list)}}", "the transform reversed()"),
    ("{{count(reversed(list))}}", "the transform reversed()"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{x}}", "the pragma CONTENT_TYPE: TEXT"),
]

@Test(arguments: unsupportedTemplates.indices)
func unsupportedFeaturesAreReported(_ index: Int) {
    let (template, feature) = unsupportedTemplates[index]
    #expect(throws: TemplateCompileError.unsupported(template: "page", feature: feature)) {
        try CompiledTemplates(templates: ["page": template, "dynamic": "D{{$b}}{{/b}}"])
    }
}

/// One unsupported template anywhere in a set stops the whole set, so a page never mixes engines.
@Test func oneUnsupportedTemplateStopsTheSet() {
    #expect(throws: TemplateCompileError.self) {
        try CompiledTemplates(templates: ["page": "{{x}}", "unused": "{{>*x}}"])
    }
    #expect((try? CompiledTemplates(templates: ["page": "{{x}}", "other": "{{#first()}}{{/first()}}"])) != nil)
}

/// Pragmas naming HTML escaping are accepted, and only those the caller lists.
@Test func htmlContentTypePragmas() throws {
    let compiled = try CompiledTemplates(templates: ["a": "{{% CONTENT_TYPE: site-html }}\n{{x}}"], htmlContentTypes: ["site-html"])
    #expect(try compiled.render("a", ["x": "<"]) == "&lt;")
    #expect(throws: TemplateCompileError.self) { try CompiledTemplates(templates: ["a": "{{% CONTENT_TYPE: site-html }}\n"]) }
    #expect(try compiled.render("missing", [:]) == nil)
}

@Test func nestingLimitStopsEndlessRecursionButNotDeepTrees() throws {
    let set = try CompiledTemplates(templates: ["a": "{{#x}}({{> a}}){{/x}}"])
    #expect(throws: TemplateNestingError(template: "a", partial: "a", limit: 200)) { try set.render("a", ["x": true]) }
    // A tree 150 levels deep is data that ends: it renders.
    var tree: DataValue = ["x": false]
    for _ in 0..<150 { tree = ["x": tree] }
    let rendered = try #require(try set.render("a", tree))
    #expect(rendered == String(repeating: "(", count: 150) + String(repeating: ")", count: 150))
}

/// The names a template can look up reach through sections, partials, parents, blocks and the
/// overrides a page gives its parent; names only in templates it never includes are left out.
@Test func namesUsedByATemplateFollowEverythingItIncludes() throws {
    let set = try CompiledTemplates(templates: [
        "home": "{{<base}}{{$main}}{{#posts}}{{> entry}}{{/posts}}{{/main}}{{/base}}",
        "base": "<title>{{site.title}}</title>{{$main}}{{fallback}}{{/main}}{{^empty(menu)}}{{.}}{{/empty(menu)}}",
        "entry": "{{title}}{{#tags}}{{.name}}{{/tags}}{{{summary}}}",
        "post": "{{{content}}}",
    ])
    #expect(set.names(usedBy: "home") == ["posts", "title", "tags", "name", "summary", "site", "fallback", "menu"])
    #expect(set.names(usedBy: "post") == ["content"])
    #expect(set.names(usedBy: "missing") == nil)
}
