import Foundation
import Testing
@testable import SiteBuilder

// Seeded random edits an author makes while previewing (retitles, re-dates, tag spellings,
// drafts, new and deleted posts, bundles, static files, templates, site.yml), each followed by
// `rebuild(changedPaths:)` on one live session: every rebuild must equal a fresh build.

private let tagSpellings = ["Swift", "swift", "C#", "c++", "Self Hosting", "self-hosting", "Go", "go", "IPFS", "Crème", "creme"]

private func randomPost(_ random: inout SeededRandom, title: String) -> String {
    let day = Int.random(in: 1...9, using: &random)
    let hour = Int.random(in: 0...2, using: &random)
    let tags = (0..<Int.random(in: 0...3, using: &random)).map { _ in "\"\(tagSpellings.randomElement(using: &random)!)\"" }
    var extra = ""
    if Int.random(in: 0..<6, using: &random) == 0 { extra += "draft: true\n" }
    if Int.random(in: 0..<5, using: &random) == 0 { extra += "updated: 2026-02-0\(day)\n" }
    let body = Int.random(in: 0..<3, using: &random) == 0
        ? "Intro [link](/posts/) and more.\n\n<!--more-->\n\n## A\n\n## B\n\nText\(day)[^1].\n\n[^1]: note"
        : "Body \(Int.random(in: 0..<4, using: &random)) with a [link](#x)."
    return post(title, date: "2026-01-0\(day)T0\(hour):00:00", tags: tags, extra: extra, body: body)
}

@Test(arguments: Array(1...8))
func randomEditsRebuildLikeAFreshBuild(_ seed: Int) async throws {
    var random = SeededRandom(state: UInt64(seed))
    var files: [String: String] = [:]
    for index in 0..<6 { files["content/posts/p\(index).md"] = randomPost(&random, title: "Post \(index)") }
    files["content/about.md"] = "---\ntitle: About\n---\nHi\n"
    let site = try FixtureSite(files: files, themeOnly: true)
    defer { site.cleanUp() }
    let session = site.session()
    _ = try await session.build()
    var names = (0..<6).map { "content/posts/p\($0).md" }
    var counter = 100
    for step in 0..<60 {
        var changed: [String] = []
        var what = ""
        switch Int.random(in: 0..<14, using: &random) {
        case 0...3:
            let name = names.randomElement(using: &random)!
            try site.write(name, randomPost(&random, title: ["Post A", "Post B", "Zed", "Post \(step)"].randomElement(using: &random)!))
            changed = [name]; what = "edit \(name)"
        case 4:
            counter += 1
            let name = Int.random(in: 0..<2, using: &random) == 0 ? "content/posts/n\(counter).md" : "content/posts/n\(counter)/index.md"
            try site.write(name, randomPost(&random, title: "New \(counter)"))
            names.append(name); changed = [name]; what = "add \(name)"
        case 5 where names.count > 1:
            let name = names.remove(at: Int.random(in: 0..<names.count, using: &random))
            try site.remove(name)
            changed = [name]; what = "delete \(name)"
        case 6:
            let yml = FixtureSite.siteYML.replacingOccurrences(of: "posts_per_page: 2", with: "posts_per_page: \(Int.random(in: 1...3, using: &random))")
            try site.write("site.yml", yml)
            changed = ["site.yml"]; what = "site.yml"
        case 7:
            try site.write("static/s\(step % 3).txt", "static \(step)")
            changed = ["static/s\(step % 3).txt"]; what = "static"
        case 8:
            if Int.random(in: 0..<2, using: &random) == 0 {
                try site.write("templates/partials/footer.mustache", "<footer>{{site.title}} {{#menu}}{{title}}{{/menu}} \(step)</footer>\n")
            } else {
                try? site.remove("templates/partials/footer.mustache")
            }
            changed = ["templates/partials/footer.mustache"]; what = "template"
        case 10:
            // A watcher reports a renamed bundle by its folders.
            guard let name = names.first(where: { $0.hasSuffix("/index.md") }) else { continue }
            let folder = String(name.dropLast("/index.md".count))
            counter += 1
            let newFolder = "content/posts/r\(counter)"
            try FileManager.default.moveItem(at: site.root.appendingPathComponent(folder), to: site.root.appendingPathComponent(newFolder))
            names.removeAll { $0 == name }
            names.append(newFolder + "/index.md")
            changed = [folder, newFolder]; what = "rename \(folder) -> \(newFolder)"
        case 11:
            guard let name = names.first(where: { $0.hasSuffix("/index.md") }) else { continue }
            let folder = String(name.dropLast("/index.md".count))
            try site.write(folder + "/pic\(step % 2).png", "PNG \(step)")
            changed = [folder + "/pic\(step % 2).png"]; what = "asset in \(folder)"
        case 12:
            let zone = ["Europe/Berlin", "UTC", "Pacific/Kiritimati", "America/Adak"].randomElement(using: &random)!
            try site.write("site.yml", FixtureSite.siteYML.replacingOccurrences(of: "Europe/Berlin", with: zone))
            changed = ["site.yml"]; what = "timezone \(zone)"
        case 13:
            let name = names.randomElement(using: &random)!
            let text = try String(contentsOf: site.root.appendingPathComponent(name), encoding: .utf8)
            let extra = ["template: page\n", "aliases: [/old/\(step)/]\n", "slug: moved-\(step % 2)\n", "summary: Short \(step)\n", "authors: [Bo, Al]\n"]
                .randomElement(using: &random)!
            guard !text.contains("\n" + extra.prefix(while: { $0 != ":" }) + ":") else { continue }
            try site.write(name, text.replacingOccurrences(of: "\n---\n\n", with: "\n\(extra)---\n\n"))
            changed = [name]; what = "front matter \(extra) in \(name)"
        default:
            let name = names.randomElement(using: &random)!
            let text = try String(contentsOf: site.root.appendingPathComponent(name), encoding: .utf8)
            try site.write(name, text + "\nMore text \(step).\n")
            changed = [name]; what = "text edit \(name)"
        }
        let rebuiltResult: Result<BuildResult, any Error>
        do { rebuiltResult = .success(try await session.rebuild(changedPaths: changed)) } catch { rebuiltResult = .failure(error) }
        let freshResult: Result<BuildResult, any Error>
        do { freshResult = .success(try await site.build()) } catch { freshResult = .failure(error) }
        guard case .success(let rebuilt) = rebuiltResult, case .success(let fresh) = freshResult else {
            // An edit that breaks the site (two posts claiming one URL) fails both ways alike.
            var messages = ["", ""]
            if case .failure(let error) = rebuiltResult { messages[0] = "\(error)" }
            if case .failure(let error) = freshResult { messages[1] = "\(error)" }
            #expect(messages[0] == messages[1], "seed \(seed) step \(step) \(what): errors differ")
            if messages[0] != messages[1] { break }
            continue
        }
        #expect(rebuilt.output.paths == fresh.output.paths, "seed \(seed) step \(step) \(what): paths")
        var differing: [String] = []
        for path in fresh.output.paths where try rebuilt.output.files[path]?.data() != fresh.output.files[path]?.data() {
            differing.append(path)
        }
        #expect(differing.isEmpty, "seed \(seed) step \(step) \(what): \(differing.prefix(8))")
        if !differing.isEmpty || rebuilt.output.paths != fresh.output.paths { break }
    }
}
