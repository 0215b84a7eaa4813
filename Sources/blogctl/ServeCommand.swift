import ArgumentParser
import ContentAddressing
import Foundation
import Gateway

/// `blogctl serve --car FILE…`: an IPFS gateway over the DAGs in CAR files, until Ctrl-C.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a site or CAR files over HTTP as an IPFS gateway.",
        discussion: """
            With --car, serves every DAG in the CAR files read-only: path gateway (/ipfs/CID/…), subdomain gateway \
            (CID.ipfs.localhost:PORT), trustless gateway (?format=raw, ?format=car). With one root in all, that root \
            is also the site at /. The URLs go to stderr; Ctrl-C stops.
            """)

    @Argument(help: "The site folder (authoring mode).") var site: String?
    @Option(name: .customLong("car"), help: ArgumentHelp("A CAR file to serve; repeat for several.", valueName: "file"))
    var cars: [String] = []
    @Option(help: "The address to listen on; anything but loopback exposes the content to the network.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 picks a free one).") var port = 8080

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() async throws {
        guard !cars.isEmpty else {
            printError("blogctl: error: serve: authoring mode: not yet; serve CAR files with --car FILE")
            throw ExitCode.failure
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
