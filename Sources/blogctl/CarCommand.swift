import ArgumentParser
import ContentAddressing
import Foundation

/// `blogctl car …`: inspect, verify and unpack CAR files.
struct CarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "car",
        abstract: "Verify, list and extract CAR files.",
        subcommands: [Verify.self, List.self, Extract.self]
    )

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that every block matches its CID and the DAG under each root is complete.")

        @Argument(help: "The CAR file (v1 or v2).") var file: String

        func run() throws {
            let result = try reportingErrors(naming: file) { try CARVerifier.verify(url: URL(fileURLWithPath: file)) }
            for root in result.roots { print("root: \(root)") }
            print("blocks: \(result.blockCount)")
            print("bytes: \(result.byteCount)")
            for warning in result.warnings { printError("\(file): warning: \(warning)") }
            guard result.isValid else {
                for failure in result.failures { printError("blogctl: error: \(file): \(failure)") }
                throw ExitCode.failure
            }
            print("ok: every block matches its CID and the DAG is complete")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ls",
            abstract: "List the UnixFS tree in a CAR: directories end in /, symlinks show their target.")

        @Argument(help: "The CAR file.") var file: String

        func run() throws {
            let entries = try reportingErrors(naming: file) { () throws -> [UnixFSEntry] in
                let (store, root) = try openSingleRoot(file)
                return try UnixFSReader(store: store).list(root: root)
            }
            for entry in entries.sorted(by: { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }) {
                let path = entry.path.isEmpty ? entry.cid.string : entry.path
                switch entry.kind {
                case .directory: print(path + "/")
                case .file: print(path)
                case .symlink(let target): print("\(path) -> \(target)")
                case .other(let codec): print("\(path) (codec 0x\(String(codec, radix: 16)), not UnixFS)")
                }
            }
        }
    }

    struct Extract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the UnixFS tree in a CAR into a new (or empty) folder.")

        @Argument(help: "The CAR file.") var file: String
        @Argument(help: "The folder to create; it must not exist or be empty.") var directory: String

        func run() throws {
            try reportingErrors(naming: file) {
                let (store, root) = try openSingleRoot(file)
                try UnixFSReader(store: store).extract(root: root, to: URL(fileURLWithPath: directory))
            }
            print("extracted \(file) into \(directory)")
        }
    }
}

/// Opens a CAR as a block store and returns its only root.
private func openSingleRoot(_ file: String) throws -> (CARBlockStore, CID) {
    let store = try CARBlockStore(url: URL(fileURLWithPath: file))
    guard store.roots.count == 1, let root = store.roots.first else {
        throw CarCommandError.rootCount(file: file, count: store.roots.count)
    }
    return (store, root)
}

private enum CarCommandError: Error, CustomStringConvertible {
    case rootCount(file: String, count: Int)

    var description: String {
        switch self {
        case .rootCount(let file, let n): "\(file): has \(n) roots; this command needs exactly one"
        }
    }
}
