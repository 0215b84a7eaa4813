import ArgumentParser
import ContentAddressing
import Foundation
import SiteBuilder
import SitePacking

/// `blogctl build`: renders a site folder into a static site.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder of static files (default: SITE_DIR/public) and print its root CID.",
        discussion: """
            The output is packed with the unixfs-v1-2025 profile; the root CID is the only line on stdout. \
            With --drafts or --future the default folder is SITE_DIR/public-drafts, so a preview build never \
            takes the place of the site that `pack public` and deployments use.
            """
    )

    @Argument(help: "The site folder (holding site.yml).")
    var siteDirectory: String = "."

    @Option(name: .long, help: "Where to write the site (replaced atomically; default SITE_DIR/public, or SITE_DIR/public-drafts with --drafts or --future).")
    var output: String?

    @Flag(name: .long, help: "Include posts and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Include posts dated in the future.")
    var future = false

    @Flag(name: .long, help: "Parse every source again instead of reusing SITE_DIR/.blogctl-cache, and leave the cache as it is.")
    var noCache = false

    func run() async throws {
        let site = SiteFolder.url(siteDirectory)
        let options = BuildOptions(includeDrafts: drafts, includeFuture: future,
            cacheDirectory: noCache ? nil : SiteBuilder.cacheDirectory(for: site), leavesMemoryToExit: true)
        let root = try await reportingErrors {
            // The CID is what a gateway will serve; only CIDs are needed here, so blocks are not kept.
            let packer = SitePacker(profile: .default)
            // A build with drafts or future posts goes to a folder of its own by default.
            let outputDirectory = output.map { URL(fileURLWithPath: $0) }
                ?? (drafts || future ? site.appendingPathComponent("public-drafts") : nil)
            let built = try await packer.build(siteDirectory: site, outputDirectory: outputDirectory, options: options)
            let report = built.report
            for warning in report.warnings { printError("blogctl: warning: \(warning)") }
            let stats = report.stats
            let sources = stats.posts + stats.pages
            let parsed = noCache || stats.documentsParsed >= sources ? "" : " (\(stats.documentsParsed) parsed, the rest from the cache)"
            let rendered = stats.pagesRendered < stats.htmlPages ? " (\(stats.pagesRendered) rendered, the rest unchanged)" : ""
            printError("built \(stats.contentSummary)\(parsed): \(stats.htmlPages) HTML pages\(rendered), \(stats.files) files "
                + "in \(milliseconds(stats.duration)) ms -> \(report.outputDirectory.relativePath)\(stats.leftOutNote)")
            let summary = built.pack
            let kept = summary.kept > 0 ? "\(summary.kept) kept from the previous output, " : ""
            printError("packed \(summary.files) files, \(summary.directories) directories (\(packer.profile.name)) "
                + "in \(milliseconds(built.packDuration)) ms after the build (\(summary.files - summary.streamed - summary.kept) as they were made, "
                + "\(kept)\(summary.streamed) streamed from their sources)")
            return summary.root.cid
        }
        print(root.string)
        if PhaseTrace.isEnabled, let peak = PeakMemory.residentBytes() {
            printError("  peak resident memory: \(peak >> 20) MiB")
        }
    }

    private func milliseconds(_ duration: Duration) -> String {
        String(format: "%.0f", duration.seconds * 1000)
    }
}
