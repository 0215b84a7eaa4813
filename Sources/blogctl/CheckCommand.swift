import ArgumentParser
import Foundation
import SiteBuilder
import SiteCheck

/// `blogctl check`: verifies that every internal link and asset of the built site resolves.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check every internal link and asset reference of the built site.",
        discussion: """
            Scans every .html and .css file of the output folder. References must be \
            page-relative and resolve to a file inside the folder (a directory through its \
            index.html); #fragments must name an id on the target page. Root-absolute \
            references (/x) are reported because they break on IPFS path gateways.
            """
    )

    @Argument(help: "The site folder.")
    var siteDirectory: String = "."

    @Option(name: .long, help: "The built output folder to check (default: SITE_DIR/public).")
    var output: String?

    func run() async throws {
        let outputURL = output.map { URL(fileURLWithPath: $0) }
            ?? SiteFolder.url(siteDirectory).appendingPathComponent("public")
        // Without an output there is nothing to check, whatever the state of site.yml.
        let path = try reportingErrors { FileManager.default.fileExists(atPath: outputURL.path) ? try sitePath() : "/" }
        let report: SiteCheckReport
        do {
            report = try await SiteCheck.check(outputDirectory: outputURL, sitePath: path)
        } catch .outputFolderMissing(let path) {
            printError("blogctl: error: no built site at \(path); run `blogctl build` first")
            throw ExitCode.failure
        } catch {
            printError("blogctl: error: \(error)")
            throw ExitCode.failure
        }
        for finding in report.broken { printError(finding.description) }
        let summary = "checked \(count(report.referencesChecked, "reference")) in \(count(report.pagesChecked, "file")): "
        if report.broken.isEmpty {
            print(summary + "all resolve")
        } else {
            printError(summary + "\(report.broken.count) broken")
            throw ExitCode.failure
        }
    }

    /// `base_url`'s path (`/blog/`) from the site's `site.yml`, which the root `404.html` links carry;
    /// `/` when there is no site.yml (checking a bare output folder).
    private func sitePath() throws -> String {
        let file = SiteFolder.url(siteDirectory).appendingPathComponent("site.yml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return "/" }
        let config = try SiteConfig.parse(String(decoding: data, as: UTF8.self), file: file.relativePath)
        return SiteURLs(baseURL: config.baseURL).rootRelative("/")
    }

    private func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
