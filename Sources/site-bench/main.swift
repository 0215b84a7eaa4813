import Foundation
import SiteBuilder

// usage: site-bench SITE_DIR [POST_PATH]
// Prints the time of a cold full build (in memory, no writing), of writing the output, and of a
// one-post rebuild through a live SiteBuildSession (the preview server's path): POST_PATH (default:
// the first post) gets one more line appended, then is restored.
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
let session = SiteBuildSession(siteDirectory: site)
var result: BuildResult!
let full = try await clock.measure { result = try await session.build() }
print("full build (in memory): \(milliseconds(full))  \(result.stats.posts) posts, \(result.stats.htmlPages) pages, \(result.stats.files) files")

let output = FileManager.default.temporaryDirectory.appendingPathComponent("site-bench-\(UUID().uuidString)")
let write = try clock.measure { try SiteWriter.write(result.output, to: output) }
print("write output:           \(milliseconds(write))")
try? FileManager.default.removeItem(at: output)

let posts = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/posts").path)
    .filter { $0.hasSuffix(".md") }.sorted()
let target = arguments.count >= 3 ? arguments[2] : "content/posts/" + posts[0]
let file = site.appendingPathComponent(target)
let original = try Data(contentsOf: file)
defer { try? original.write(to: file) }
for round in 1...5 {
    try (original + Data("\nEdited line \(round).\n".utf8)).write(to: file)
    var rebuilt: BuildResult!
    let time = try await clock.measure { rebuilt = try await session.rebuild(changedPaths: [target]) }
    print("one-post rebuild #\(round):     \(milliseconds(time))  parsed \(rebuilt.stats.documentsParsed), rendered \(rebuilt.stats.pagesRendered) pages, \(rebuilt.changedPaths.count) files changed")
}
try original.write(to: file)
