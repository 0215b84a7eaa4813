import BuiltinTheme
import ContentAddressing
import Foundation
import Mustache
import SiteBuilder
import SitePacking
import TemplateEngine

// usage: site-bench SITE_DIR [POST_PATH]
// Prints the time of a cold full build (in memory, no writing), of writing the output, and of a
// one-post rebuild through a live SiteBuildSession (the preview server's path): POST_PATH (default:
// the first post) gets one more line appended, then is restored. Each build is packed by the
// SitePacker the preview server uses: its sink packs each page on the worker that renders it,
// and `pack` then puts the changed files into the tree kept from the last pack.
// Then structural edits: retitles, re-dates (the post moves a few places) and a new post (added, then removed).
// env: SITE_BENCH_ROUNDS (text edits, default 5), SITE_BENCH_RETITLES (default 2), SITE_BENCH_REDATES (default 3),
// SITE_BENCH_NEW_POSTS (default 2), SITE_BENCH_SKIP_WRITE=1.
let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: site-bench SITE_DIR [POST_PATH]\n".utf8))
    exit(2)
}
let site = URL(fileURLWithPath: arguments[1])

func milliseconds(_ duration: Duration) -> String {
    let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%8.1f ms", ms)
}

let clock = ContinuousClock()
let packer = SitePacker(store: DiscardingBlockStore())
let session = SiteBuildSession(siteDirectory: site, sink: packer)
var result: BuildResult!
let full = try await clock.measure { result = try await session.build() }
print("full build (in memory): \(milliseconds(full))  \(result.stats.posts) posts, \(result.stats.htmlPages) pages, \(result.stats.files) files")

if ProcessInfo.processInfo.environment["SITE_BENCH_SKIP_WRITE"] == nil {
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("site-bench-\(UUID().uuidString)")
    let write = try clock.measure { try SiteWriter.write(result.output, to: output) }
    print("write output:           \(milliseconds(write))")
    try? FileManager.default.removeItem(at: output)
}

let packing = try await clock.measure { _ = try await packer.pack(result) }
print("pack output (in memory): \(milliseconds(packing))")
@MainActor func repack(_ rebuilt: BuildResult) async throws -> Duration {
    try await clock.measure { _ = try await packer.pack(rebuilt) }
}

let posts = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/posts").path)
    .filter { $0.hasSuffix(".md") }.sorted()
let target = arguments.count >= 3 ? arguments[2] : "content/posts/" + posts[0]
let file = site.appendingPathComponent(target)
let original = try Data(contentsOf: file)
defer { try? original.write(to: file) }
let environment = ProcessInfo.processInfo.environment
/// Rebuilds after `paths` changed, re-packs, and prints one line.
@MainActor func timedRebuild(_ label: String, _ paths: [String]) async throws {
    var rebuilt: BuildResult!
    let time = try await clock.measure { rebuilt = try await session.rebuild(changedPaths: paths) }
    let pack = try await repack(rebuilt)
    let padded = label.padding(toLength: 26, withPad: " ", startingAt: 0)
    print("\(padded)\(milliseconds(time)) + re-pack \(milliseconds(pack)) = \(milliseconds(time + pack))  parsed \(rebuilt.stats.documentsParsed), rendered \(rebuilt.stats.pagesRendered) pages, \(rebuilt.changedPaths.count) files changed, \(rebuilt.removedPaths.count) removed")
}
let originalText = String(decoding: original, as: UTF8.self)
for round in stride(from: 1, through: Int(environment["SITE_BENCH_ROUNDS"] ?? "") ?? 5, by: 1) {
    try (original + Data("\nEdited line \(round).\n".utf8)).write(to: file)
    try await timedRebuild("one-post rebuild #\(round):", [target])
}
// Structural edits take the structural path: order, tags, archive, neighbours, sitemap.
for round in stride(from: 1, through: Int(environment["SITE_BENCH_RETITLES"] ?? "") ?? 2, by: 1) {
    let text = originalText.replacingOccurrences(of: "title: \"", with: "title: \"Retitled \(round) ", options: [], range: nil)
    try Data(text.utf8).write(to: file)
    try await timedRebuild("one-post retitle #\(round):", [target])
}
// Re-dates: the post moves `round` days later (a few places in the order on the benchmark corpus).
if let dateLine = originalText.split(separator: "\n").first(where: { $0.hasPrefix("date: ") }),
    let day = ISO8601DateFormatter().date(from: dateLine.dropFirst(6).prefix(10) + "T12:00:00Z")
{
    for round in stride(from: 1, through: Int(environment["SITE_BENCH_REDATES"] ?? "") ?? 3, by: 1) {
        let moved = day.addingTimeInterval(Double(round) * 86_400)
        let text = originalText.replacingOccurrences(of: String(dateLine), with: "date: " + String(moved.ISO8601Format().prefix(10)))
        try Data(text.utf8).write(to: file)
        try await timedRebuild("one-post re-date #\(round):", [target])
    }
}
try original.write(to: file)
try await timedRebuild("restore:", [target])
// New posts, dated after every other post in the same year (the usual case: today's post) with a tag in use and a new one, then removed again.
let newPost = "content/posts/zz-site-bench-new-post.md"
let newFile = site.appendingPathComponent(newPost)
defer { try? FileManager.default.removeItem(at: newFile) }
for round in stride(from: 1, through: Int(environment["SITE_BENCH_NEW_POSTS"] ?? "") ?? 2, by: 1) {
    let text = "---\ntitle: \"A new post \(round)\"\ndate: 2024-12-30\ntags: [cache-record, bench-new-tag]\n---\n\nNew text \(round).\n"
    try Data(text.utf8).write(to: newFile)
    try await timedRebuild("new post #\(round):", [newPost])
    try FileManager.default.removeItem(at: newFile)
    try await timedRebuild("post removed #\(round):", [newPost])
}

// Context representation: the same post page rendered from a DataValue tree (what the builder
// uses) and from [String: Any] dictionaries, with the built-in theme.
var library = MustacheLibrary()
var themeTexts: [String: String] = [:]
for (path, data) in BuiltinTheme.files where path.hasSuffix(".mustache") {
    themeTexts[String(path.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
    try library.register(String(decoding: data, as: UTF8.self), named: String(path.dropLast(".mustache".count)))
}
let compiled = try CompiledTemplates(templates: themeTexts)
let content = String(repeating: "<p>Some paragraph text with <a href=\"../x/\">a link</a>.</p>\n", count: 60)
let tags: DataValue = .array((0..<3).map { .map(["name": .string("tag\($0)"), "url": .string("../../tags/tag\($0)/")]) })
let context: DataValue = [
    "site": ["title": "Bench", "description": "d", "author": "a", "language": "en", "base_url": "https://e.com",
             "home_url": "../../", "tags_url": "../../tags/", "archive_url": "../../archive/", "rss_url": "../../rss.xml",
             "atom_url": "../../atom.xml", "json_feed_url": "../../feed.json", "stylesheet_url": "../../css/style.css", "year": 2026],
    "menu": .array((0..<5).map { .map(["title": .string("Item \($0)"), "url": .string("../../m\($0)/"), "current": .bool($0 == 0)]) }),
    "page": ["title": "Post", "description": "A post", "absolute_url": "https://e.com/posts/p/", "url": "./", "kind": "post", "is_post": true],
    "root_url": "../../",
    "extra": [:],
    "post": .map(["title": "Post", "url": "./", "absolute_url": "https://e.com/posts/p/", "date": "2026-01-01T00:00:00+00:00",
                  "date_display": "1 January 2026", "year": 2026, "content": .string(content), "summary": "<p>s</p>",
                  "description": "s", "word_count": 600, "reading_minutes": 3, "tags": tags, "authors": ["Ada"], "extra": [:],
                  "previous": ["title": "Older", "url": "../older/"], "next": ["title": "Newer", "url": "../newer/"]]),
]
func plain(_ value: DataValue) -> Any {
    switch value {
    case .map(let map): return map.mapValues(plain)
    case .array(let items): return items.map(plain)
    case .string(let text): return text
    case .int(let number): return number
    case .double(let number): return number
    case .bool(let flag): return flag
    case .null: return NSNull()
    }
}
let dictionary = plain(context)
let iterations = 2000
var sink = 0
let dataValueTime = clock.measure { for _ in 0..<iterations { sink &+= library.render(context, withTemplate: "post")?.utf8.count ?? 0 } }
let dictionaryTime = clock.measure { for _ in 0..<iterations { sink &+= library.render(dictionary, withTemplate: "post")?.utf8.count ?? 0 } }
// The builder's renderer, checked against swift-mustache before it is timed.
guard try compiled.render("post", context) == library.render(context, withTemplate: "post") else {
    FileHandle.standardError.write(Data("site-bench: the compiled engine renders the post page differently\n".utf8))
    exit(1)
}
let compiledTime = clock.measure { for _ in 0..<iterations { sink &+= (try? compiled.render("post", context))??.utf8.count ?? 0 } }
print("post page x\(iterations), DataValue context:   \(milliseconds(dataValueTime))")
print("post page x\(iterations), compiled engine:     \(milliseconds(compiledTime))")
print("post page x\(iterations), [String: Any] context: \(milliseconds(dictionaryTime))  (\(sink % 10))")
