// Renders a synthetic corpus of blog posts serially and on all cores, and prints throughput.
// Usage: swift run -c release markdown-bench [POSTS] [BYTES_PER_POST]
// One post in ten uses ~~strikethrough~~ (such posts finish parsing one at a time).
import Dispatch
import Foundation
import Markdown

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let postCount = arguments.first ?? 10_000
let targetBytes = arguments.dropFirst().first ?? 5_000

/// A deterministic ~targetBytes post mixing the constructs real posts use.
func post(_ n: Int) -> String {
    var s = "# Post number \(n): on \"things\" -- and more\n\nIntro paragraph with *emphasis*, **strong**, `code` and a [link](../other-\(n)/).\n\n<!--more-->\n\n"
    var section = 0
    while s.utf8.count < targetBytes {
        section += 1
        s += "## Section \(section) of post \(n)\n\n"
        s += "Lorem ipsum dolor sit amet, consectetur adipiscing elit; sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Visit https://example.com/\(n)/\(section) or read the note[^\(section)]. It's \(n % 10 == 0 ? "~~wrong~~" : "*really*") right...\n\n"
        s += "- item one with `inline code`\n- [x] a done task\n- [ ] an open task\n\n"
        s += "```swift\nlet value = \(n) * \(section)\nprint(value)\n```\n\n"
        if section % 2 == 0 { s += "| key | value |\n|-----|------:|\n| a | \(n) |\n| b | \(section) |\n\n" }
        s += "[^\(section)]: Footnote \(section) of \(n).\n\n"
    }
    return s
}

let corpus = (0..<postCount).map(post)
let totalBytes = corpus.reduce(0) { $0 + $1.utf8.count }
let renderer = MarkdownRenderer()

func measure(_ label: String, _ body: () async -> Int) async {
    let start = DispatchTime.now().uptimeNanoseconds
    let checksum = await body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let line = String(format: "%-9@ %6d posts  %7.1f MB  %7.3f s  %8.0f posts/s  %6.1f MB/s  (html bytes %d)",
                      label, postCount, Double(totalBytes) / 1e6, seconds,
                      Double(postCount) / seconds, Double(totalBytes) / 1e6 / seconds, checksum)
    print(line)
}

print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
await measure("serial") { corpus.reduce(0) { $0 + renderer.render($1).html.utf8.count } }
await measure("parallel") {
    await withTaskGroup(of: Int.self) { group in
        let chunk = max(1, postCount / (ProcessInfo.processInfo.activeProcessorCount * 8))
        for start in stride(from: 0, to: postCount, by: chunk) {
            group.addTask {
                corpus[start..<min(start + chunk, postCount)].reduce(0) { $0 + renderer.render($1).html.utf8.count }
            }
        }
        var total = 0
        for await bytes in group { total += bytes }
        return total
    }
}
