import ArgumentParser
import Foundation
import SiteBuilder

/// `blogctl init`: starts a new site.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new site: site.yml, a first post, an about page and a .gitignore."
    )

    @Argument(help: "The folder for the new site (created if missing).")
    var directory: String = "."

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        try reportingErrors {
            let written = try SiteScaffold.createSite(in: url)
            for path in written { print(url.appendingPathComponent(path).relativePath) }
            printError("new site in \(url.relativePath); build it with: blogctl build \(url.relativePath)")
        }
    }
}
