import BuiltinTheme
import Foundation
import TemplateEngine
import Testing
@testable import SiteBuilder

/// A page kind as a developer adds one: its stored properties are its inputs. `subtitle` stands
/// for a context field added later, with no code that lists it anywhere but the template data.
private struct ProbePage: HTMLPage {
    let path: String
    let title: String
    let subtitle: String

    var template: String { "probe" }
    var owner: String { "probe page" }

    func sitemapEntry(in site: SiteContext) -> String? { nil }

    func context(in site: SiteContext) -> DataValue {
        var value = site.common(path: path, kind: .page, title: title)
        value["subtitle"] = .string(subtitle)
        return .map(value)
    }
}

/// An output's key comes from all its stored properties, so a field added to a kind can never
/// be missing from it: a rebuild whose only change is the new field renders the page again.
@Suite struct OutputKindKeyTests {
    func site() throws -> SiteContext {
        var theme = BuiltinTheme.files
        theme["probe.mustache"] = Data("<h1>{{page.title}}</h1><p>{{subtitle}}</p>\n".utf8)
        let templates = try TemplateSet(themeFiles: theme, siteFiles: [:])
        let text = "title: Probe\nbase_url: https://probe.example\n"
        let config = try SiteConfig.parse(text, file: "site.yml")
        return SiteContext(.init(configText: text, templates: ContentKey("probe templates", files: theme), includeDrafts: false,
            includeFuture: false, menu: [], year: nil, favicon: nil), config: config, templates: templates)
    }

    @Test func everyStoredPropertyIsInTheKey() {
        let page = ProbePage(path: "/probe/", title: "T", subtitle: "first")
        #expect(ContentKey(of: page) == ContentKey(of: ProbePage(path: "/probe/", title: "T", subtitle: "first")))
        #expect(ContentKey(of: page) != ContentKey(of: ProbePage(path: "/probe/", title: "T", subtitle: "second")))
        #expect(ContentKey(of: page) != ContentKey(of: ProbePage(path: "/probe/", title: "T2", subtitle: "first")))
        // Two kinds with equal encodings are told apart by their type.
        #expect(ContentKey(of: NotFoundPage()) != ContentKey(of: RobotsFile()))
    }

    @Test func aRebuildWhoseOnlyChangeIsTheNewFieldRendersThePageAgain() async throws {
        let site = try site()
        let memo = BuildMemo(cacheDirectory: nil)
        func make(_ page: ProbePage) async throws -> (rendered: Bool, html: String) {
            let made = try await memo.outputs([page], files: [page.file], site: site, sink: nil)
            return (!made.rendered.isEmpty, String(decoding: try made.contents[0].data(), as: UTF8.self))
        }
        let first = try await make(ProbePage(path: "/probe/", title: "T", subtitle: "first"))
        #expect(first.rendered && first.html.contains("<p>first</p>"))
        let same = try await make(ProbePage(path: "/probe/", title: "T", subtitle: "first"))
        #expect(!same.rendered && same.html == first.html)
        let changed = try await make(ProbePage(path: "/probe/", title: "T", subtitle: "second"))
        #expect(changed.rendered && changed.html.contains("<p>second</p>"))
    }

    @Test func theSiteContextsInputsAreAllInItsKey() throws {
        let site = try site()
        var inputs = site.inputs
        inputs.menu = [DocumentLink(title: "About", path: "/about/")]
        #expect(SiteContext(inputs, config: site.config, templates: site.templates).key != site.key)
        inputs = site.inputs
        inputs.favicon = "/favicon.svg"
        #expect(SiteContext(inputs, config: site.config, templates: site.templates).key != site.key)
    }
}
