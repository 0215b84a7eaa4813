import ArgumentParser
import ContentAddressing
import Foundation
import Gateway

/// `blogctl serve [SITE_DIR]`: a live preview of a site, served as an IPFS gateway serves it;
/// `blogctl serve --car FILE…`: an IPFS gateway over the DAGs in CAR files. Until Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview a site as it changes, or serve CAR files, over HTTP as an IPFS gateway.",
        discussion: """
            Without --car, builds SITE_DIR in memory (never into its output folder), serves it as a gateway serves \
            the published site (at /, at /ipfs/CID/ and at CID.ipfs.localhost:PORT), watches site.yml, content/, \
            static/ and templates/, rebuilds what changed and reloads the open pages; a failed build keeps the last \
            good site and shows its error in the pages. With --car, serves every DAG in the CAR files read-only: \
            path gateway (/ipfs/CID/…), subdomain gateway (CID.ipfs.localhost:PORT), trustless gateway (?format=raw, \
            ?format=car). With one root in all, that root is also the site at /. The URLs go to stderr; Ctrl-C stops.
            """)

    @Argument(help: "The site folder to preview (default: the current folder).") var site: String?
    @Option(name: .customLong("car"), help: ArgumentHelp("A CAR file to serve; repeat for several.", valueName: "file"))
    var cars: [String] = []
    @Option(help: "The address to listen on; anything but loopback exposes the content to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080
    @Flag(help: "Include posts and pages marked draft: true.") var drafts = false
    @Flag(help: "Include posts dated in the future.") var future = false
    @Flag(help: "Open the site in the default browser once it is served.") var open = false

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        if !cars.isEmpty, site != nil { throw ValidationError("give a site folder or --car files, not both") }
        if !cars.isEmpty, drafts || future { throw ValidationError("--drafts and --future are for a site folder, not --car") }
    }

    func run() async throws {
        guard !cars.isEmpty else {
            try await PreviewCommand(site: site ?? ".", host: host, port: port, drafts: drafts, future: future, open: open).run()
            return
        }
        try await reportingErrors {
            let content = try CARContent(files: cars.map { URL(fileURLWithPath: $0) })
            let configuration = GatewayConfiguration(host: host, port: port)
            if !configuration.isLoopback {
                printError("blogctl: warning: listening on \(host): anyone who can reach this machine can read what it serves")
            }
            let snapshot = content.snapshot()
            try await GatewayServer(configuration: configuration, content: content).run(stopOnSignals: true) { port in
                printURLs(snapshot, port: port)
            }
            printError("blogctl: serve: stopped")
        }
    }

    private func printURLs(_ snapshot: ContentSnapshot, port: Int) {
        let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host.contains(":") ? "[\(host)]" : host
        var lines = ["blogctl: serving \(snapshot.roots.count) DAG\(snapshot.roots.count == 1 ? "" : "s") from \(cars.joined(separator: ", "))"]
        if snapshot.siteRoot != nil { lines.append("  site:             http://\(shown):\(port)/") }
        for root in snapshot.roots {
            lines.append("  path gateway:     http://\(shown):\(port)/ipfs/\(root)/")
            lines.append("  subdomain:        http://\(root.v1).ipfs.localhost:\(port)/")
        }
        lines.append("Ctrl-C stops.")
        printError(lines.joined(separator: "\n"))
    }
}
