import ArgumentParser
import Foundation

@main
struct Blogctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blogctl",
        abstract: "Build a blog from Markdown and publish it to IPFS under your own domain.",
        version: "0.1.0",
        subcommands: [InitCommand.self, NewCommand.self, ImportCommand.self, BuildCommand.self, CheckCommand.self, PackCommand.self, CarCommand.self, ServeCommand.self, PublishCommand.self, DeploymentsCommand.self, DNSLinkCommand.self, RollbackCommand.self, CICommand.self, ThemeCommand.self]
    )

    /// ArgumentParser's own `main`, but a mistake on the command line is reported like every other
    /// error: one `blogctl: error: …` line (naming where the help is), and its exit status.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))  // --help, --version
            } else if !(error is ExitCode) {
                printError(commandLineError(error))
            }
            Foundation.exit(status.rawValue)
        }
    }

    /// `blogctl: error: unknown option '-o' (see 'blogctl build --help')`.
    static func commandLineError(_ error: any Error) -> String {
        var message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
        if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
        if let first = message.first, first.isUppercase, message.dropFirst().first?.isLowercase == true {
            message = first.lowercased() + message.dropFirst()
        }
        if let hint = fullMessage(for: error).firstMatch(of: /See '([^']+)'/) { message += " (see '\(hint.1)')" }
        return "blogctl: error: " + message
    }
}
