import ArgumentParser
import Foundation
import SiteImport

/// `blogctl import hugo|zola SRC_DIR DEST_DIR`: moves a Hugo or Zola site into a new blogctl site.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a Hugo or Zola site into a new blogctl site, keeping every post's URL; prints what it could not carry over."
    )

    @Argument(help: "The generator the site was made with: hugo or zola.")
    var generator: String

    @Argument(help: "The Hugo or Zola site folder (with its config and content/).")
    var source: String

    @Argument(help: "The new blogctl site folder: must not exist or be empty.")
    var destination: String

    func validate() throws {
        guard SourceGenerator(rawValue: generator) != nil else {
            throw ValidationError("import takes hugo or zola, not '\(generator)'")
        }
    }

    func run() throws {
        let kind = SourceGenerator(rawValue: generator)!
        try reportingErrors {
            let report: ImportReport
            do throws(ImportError) {
                report = try SiteImporter.run(kind, source: URL(fileURLWithPath: source), destination: URL(fileURLWithPath: destination))
            } catch {
                throw error.inFolder(source)
            }
            // The report goes to stderr like every other message; stdout stays empty for scripts.
            for item in report.sortedItems { printError("\(source)/\(item)") }
            if !report.shortcodeTemplates.isEmpty {
                printError("placeholder shortcode templates: \(report.shortcodeTemplates.map { "templates/shortcodes/\($0).mustache" }.joined(separator: ", "))")
            }
            printError("\(report.summary); report in \(destination)/IMPORT-REPORT.md; build it with: blogctl build \(destination)")
        }
    }
}
