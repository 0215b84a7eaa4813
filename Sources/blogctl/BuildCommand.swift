import ArgumentParser
import Foundation
import SiteBuilder

/// `blogctl build`: renders a site folder into a static site.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder of static files (default: SITE_DIR/public)."
    )

    @Argument(help: "The site folder (holding site.yml).")
    var siteDirectory: String = "."

    @Option(name: .long, help: "Where to write the site (replaced atomically).")
    var output: String?

    @Flag(name: .long, help: "Include posts and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include posts dated in the future.")
    var future = false

    func run() async throws {
        let site = URL(fileURLWithPath: siteDirectory)
        let options = BuildOptions(includeDrafts: drafts, includeFuture: future)
        do {
            let report = try await SiteBuilder.build(
                siteDirectory: site, outputDirectory: output.map { URL(fileURLWithPath: $0) }, options: options)
            let stats = report.stats
            let milliseconds = Double(stats.duration.components.attoseconds) / 1e15 + Double(stats.duration.components.seconds) * 1000
            FileHandle.standardError.write(Data((
                "built \(stats.posts) posts, \(stats.pages) pages: \(stats.htmlPages) HTML pages, \(stats.files) files "
                + "in \(String(format: "%.0f", milliseconds)) ms -> \(report.outputDirectory.relativePath)\n").utf8))
        } catch let error as SiteBuildError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
