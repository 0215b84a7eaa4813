import ArgumentParser
import Foundation
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
            ?? URL(fileURLWithPath: siteDirectory).appendingPathComponent("public")
        let report: SiteCheckReport
        do {
            report = try await SiteCheck.check(outputDirectory: outputURL)
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

    private func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
