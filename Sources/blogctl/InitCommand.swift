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

    @Option(help: "Also write a CI workflow that publishes on every push (github).") var ci: String?

    func validate() throws {
        if let ci, ci != "github" { throw ValidationError("--ci takes github (the only CI blogctl writes a workflow for), not '\(ci)'") }
    }

    func run() throws {
        let url = URL(fileURLWithPath: directory)
        try reportingErrors {
            let written = try SiteScaffold.createSite(in: url)
            for path in written { print(url.appendingPathComponent(path).relativePath) }
            printError("new site in \(url.relativePath); build it with: blogctl build \(url.relativePath)")
            if ci != nil { try CIGitHubCommand.write(site: url, branch: nil, force: false) }
        }
    }
}
