import ContentAddressing
import Foundation
import Gateway
import Preview
import SiteBuilder

/// `blogctl serve SITE_DIR`: the first build, the server, and a rebuild for every batch of
/// changes the watcher reports, each printed on one line.
struct PreviewCommand {
    let site: String
    let host: String
    let port: Int
    let drafts: Bool
    let future: Bool
    let open: Bool

    func run() async throws {
        try await reportingErrors {
            let folder = SiteFolder.url(site)
            let options = BuildOptions(includeDrafts: drafts, includeFuture: future, cacheDirectory: SiteBuilder.cacheDirectory(for: folder))
            let preview = LivePreview(siteDirectory: folder, options: options)
            // Watching starts before the first build reads anything, so that a save made while it
            // runs is rebuilt; its events wait in the kernel until the server is up.
            let watcher = try SourceWatcher(root: folder)
            let first = try await preview.start()
            let configuration = GatewayConfiguration(host: host, port: port)
            if !configuration.isLoopback {
                printError("blogctl: warning: listening on \(host): anyone who can reach this machine can read the preview, drafts included")
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await changes in watcher.changes() { report(await preview.rebuild(changes)) }
                }
                try await GatewayServer(configuration: configuration, content: preview.content, preview: preview.hooks)
                    .run(stopOnSignals: true) { port in
                        // Printed once listening: a port in use is then the only line.
                        for warning in first.warnings { printError("blogctl: warning: \(warning)") }
                        printError("built \(first.stats.contentSummary): \(first.stats.files) files in \(milliseconds(first.duration)) ms\(first.stats.leftOutNote)")
                        printURLs(root: first.root, port: port)
                    }
                watcher.stop()
                preview.events.finish()
                try await group.waitForAll()
            }
            printError("blogctl: serve: stopped")
        }
    }

    private func report(_ outcome: Result<PreviewBuild, any Error>) {
        switch outcome {
        case .success(let build):
            let what = build.changed + build.removed == 0 ? "nothing changed" : "\(build.stats.pagesRendered) pages rendered, "
                + "\(build.changed) files changed, \(build.removed) removed"
            printError("rebuilt in \(milliseconds(build.duration)) ms: \(what) -> \(build.root)")
        case .failure(let error):
            printError("blogctl: error: \("\(error)".replacingOccurrences(of: "\n", with: " ")) (the last good site is still served)")
        }
    }

    private func printURLs(root: CID, port: Int) {
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
        printError("""
            blogctl: previewing \(site)\(drafts ? " with drafts" : "")\(future ? " with future posts" : "") (root \(root))
              site:          http://\(shown):\(port)/
              path gateway:  http://\(shown):\(port)/ipfs/\(root)/
              subdomain:     http://\(root.v1).ipfs.localhost:\(port)/
            Edits to site.yml, content/, static/ and templates/ rebuild and reload the open pages. Ctrl-C stops.
            """)
        if open { openInBrowser("http://\(shown):\(port)/") }
    }

    private func openInBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            printError("blogctl: serve: could not start a browser (xdg-open); open \(url) yourself")
        }
    }

    private func milliseconds(_ duration: Duration) -> String {
        String(format: "%.0f", Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15)
    }
}
