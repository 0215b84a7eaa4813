import BuiltinTheme
import Foundation
import TemplateEngine
import Testing

@testable import SiteBuilder

private let sampleSite = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("SampleSite")

/// The built-in theme renders through the compiled engine, not the swift-mustache fallback.
@Test func builtinThemeTakesTheCompiledPath() throws {
    let set = try TemplateSet(themeFiles: BuiltinTheme.files, siteFiles: [:])
    #expect(set.compiled != nil)
    #expect(set.fallbackReason == nil)
}

/// SampleSite built through the compiled engine and through swift-mustache (forced by one unused
/// template with a dynamic partial) is the same site, byte for byte.
@Test func sampleSiteBuildsIdenticallyThroughBothRenderers() async throws {
    let options = BuildOptions(now: Date(timeIntervalSince1970: 1_800_000_000))
    let compiled = SiteBuildSession(siteDirectory: sampleSite, options: options)
    var forcedTheme = BuiltinTheme.files
    forcedTheme["partials/fallback-probe.mustache"] = Data("{{>*name}}".utf8)
    let reference = SiteBuildSession(siteDirectory: sampleSite, options: options, themeFiles: forcedTheme)
    let fast = try await compiled.build()
    let slow = try await reference.build()
    #expect(await compiled.templates?.compiled != nil)
    #expect(await reference.templates?.compiled == nil)
    #expect(fast.stats.htmlPages > 20)
    #expect(fast.output.paths == slow.output.paths)
    for path in fast.output.paths where fast.output.files[path] != slow.output.files[path] {
        Issue.record("\(path) differs between the compiled engine and swift-mustache")
    }
}

/// A site template using a feature the engine lacks still renders, as swift-mustache renders it.
@Test(arguments: [
    ("{{#reversed(list)}}{{.}}{{/reversed(list)}}|{{x}}", "cba|&lt;"),
    ("{{>*which}}", "[partial &lt;]"),
    ("{{% CONTENT_TYPE: TEXT }}\n{{x}}", "<"),
])
func unsupportedSiteTemplatesFallBack(_ text: String, _ expected: String) throws {
    var siteFiles: [String: (data: Data, displayPath: String)] = [:]
    siteFiles["x.mustache"] = (Data(text.utf8), "templates/x.mustache")
    siteFiles["partials/p.mustache"] = (Data("[partial {{x}}]".utf8), "templates/partials/p.mustache")
    let set = try TemplateSet(themeFiles: BuiltinTheme.files, siteFiles: siteFiles)
    #expect(set.compiled == nil)
    #expect(set.fallbackReason != nil)
    let context: DataValue = ["list": ["a", "b", "c"], "x": "<", "which": "partials/p"]
    #expect(try set.render("x", context) == expected)
    #expect(try set.render("x", context) == set.referenceRender("x", context))
}
