import ArgumentParser

@main
struct Blogctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blogctl",
        abstract: "Build a blog from Markdown and publish it to IPFS under your own domain.",
        version: "0.1.0",
        subcommands: [InitCommand.self, NewCommand.self, BuildCommand.self, CheckCommand.self, PackCommand.self, CarCommand.self, ServeCommand.self, PublishCommand.self, DeploymentsCommand.self, DNSLinkCommand.self, RollbackCommand.self, CICommand.self, ThemeCommand.self]
    )
}
