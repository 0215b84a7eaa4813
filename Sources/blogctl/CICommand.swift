import ArgumentParser
import Foundation
import POSIXFiles
import Publishing

/// `blogctl ci github`: the workflow that publishes the site on every push.
struct CICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ci",
        abstract: "Write a CI workflow that publishes the site on every push.", subcommands: [CIGitHubCommand.self])
}

struct CIGitHubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "github",
        abstract: "Write .github/workflows/publish.yml: on every push to the branch, install blogctl and run `blogctl publish --yes`.")

    @Argument(help: "The site folder (holding site.yml).") var siteDirectory: String = "."
    @Option(help: "The branch whose pushes publish (default: the repository's current branch, else main).") var branch: String?
    @Flag(help: "Replace an existing workflow file.") var force = false

    func run() async throws {
        try reportingErrors { try Self.write(site: SiteFolder.url(siteDirectory), branch: branch, force: force) }
    }

    /// Writes the workflow of `site` into the repository holding it; prints the secrets to add.
    static func write(site: URL, branch: String?, force: Bool) throws {
        let site = site.standardizedFileURL
        let repository = gitRoot(of: site) ?? site
        let (publish, dnslink) = try Publisher.settings(of: site)
        let secrets = GitHubWorkflow.secretVariables(publish: publish, dnslink: dnslink)
        let folder = site.path == repository.path ? "." : String(site.path.dropFirst(repository.path.count + 1))
        let file = repository.appendingPathComponent(GitHubWorkflow.path)
        if FileManager.default.fileExists(atPath: file.path), !force {
            throw CIError("\(file.relativePath) exists; pass --force to replace it")
        }
        let text = GitHubWorkflow.text(siteFolder: folder, branch: branch ?? currentBranch(repository) ?? "main", secrets: secrets,
            blogctlRepository: "https://github.com/blogctl/blogctl", blogctlVersion: "0.1.0")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicOutput.writeFile(file) { try $0.write(Array(text.utf8)) }
        print(file.path)
        printError("wrote \(GitHubWorkflow.path); it publishes on every push with `blogctl publish --yes`")
        if !secrets.isEmpty {
            printError("add these repository secrets (Settings > Secrets and variables > Actions): \(secrets.joined(separator: ", "))")
        }
        for path in GitHubWorkflow.secretFiles(publish: publish, dnslink: dnslink) {
            printError("blogctl: warning: \(path) is a secret file; CI has no such file: name an environment variable (*_env) instead")
        }
    }

    private static func gitRoot(of folder: URL) -> URL? {
        var current = folder
        while current.path != "/" {
            if FileManager.default.fileExists(atPath: current.appendingPathComponent(".git").path) { return current }
            current.deleteLastPathComponent()
        }
        return nil
    }

    private static func currentBranch(_ repository: URL) -> String? {
        guard let head = try? String(contentsOf: repository.appendingPathComponent(".git/HEAD"), encoding: .utf8),
            head.hasPrefix("ref: refs/heads/")
        else { return nil }
        return head.dropFirst("ref: refs/heads/".count).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

struct CIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
