import ArgumentParser
import Foundation
import SiteBuilder

/// `blogctl new post "Title"`: writes a new draft post.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create new content.",
        subcommands: [NewPostCommand.self]
    )
}

struct NewPostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Write content/posts/YYYY-MM-DD-<slug>.md as a draft dated now, and print its path."
    )

    @Argument(help: "The post's title.")
    var title: String

    @Option(name: .long, help: "The site folder.")
    var site: String = "."

    func run() throws {
        try reportingErrors {
            let url = try SiteScaffold.createPost(title: title, in: SiteFolder.url(site))
            print(url.relativePath)
        }
    }
}
