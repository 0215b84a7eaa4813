import ArgumentParser
import Foundation
import SiteBuilder

/// `blogctl theme …`: the built-in theme.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the built-in theme.",
        subcommands: [ThemeExportCommand.self]
    )
}

/// `blogctl theme export [DIR]`: the theme's templates, partials, shortcodes and static files.
struct ThemeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the built-in theme's files to change them (default: the site's templates/, which overrides the theme file by file)."
    )

    @Argument(help: "Where to write them (default: templates/ of the site here or above).")
    var directory: String?

    @Flag(help: "Replace files that exist already.") var force = false

    func run() throws {
        let target = directory.map { URL(fileURLWithPath: $0) } ?? SiteFolder.url(".").appendingPathComponent("templates")
        try reportingErrors {
            let written = try ThemeExport.write(to: target, overwrite: force)
            for path in written { print(target.appendingPathComponent(path).relativePath) }
            printError("wrote \(written.count) theme files to \(target.relativePath); delete the ones you do not change, so they keep following blogctl's theme")
        }
    }
}
