import ArgumentParser
import ContentAddressing
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `blogctl pack PATH`: the root CID of a file or folder as UnixFS, optionally written as a CAR.
struct PackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Pack a file or folder into a UnixFS DAG and print its root CID.",
        discussion: """
            Prints the root CID as the only line on stdout (progress and statistics go to stderr).
            Hidden files are included; symlinks are stored as symlinks, never followed.
            """)

    @Argument(help: "The file or folder to pack.")
    var path: String

    @Option(help: ArgumentHelp("Import profile: \(ImportProfile.all.map(\.name).joined(separator: " or ")).", valueName: "name"))
    var profile: String = ImportProfile.default.name

    @Option(help: ArgumentHelp("Also write the DAG to this CAR file (replaced atomically).", valueName: "file"))
    var car: String?

    @Flag(help: "Print a JSON object (root, profile, blocks, bytes, files, directories) instead of the CID.")
    var json = false

    func run() async throws {
        try await reportingErrors { try await pack() }
    }

    private func pack() async throws {
        let profile = try ImportProfile(named: self.profile)
        let carURL = car.map { URL(fileURLWithPath: $0) }
        if let carURL {
            try PackCommandError.checkWritableParent(of: carURL)
            try PackCommandError.checkNotSource(carURL, packing: path)
        }
        // Blocks are kept only when a CAR is wanted, and then on disk beside it (not in memory, and
        // not in a /tmp that may be RAM): the spill file is unlinked, so nothing is left behind.
        let store: any BlockStore = try carURL.map { try SpillBlockStore(directory: $0.deletingLastPathComponent()) }
            ?? DiscardingBlockStore()
        let started = ContinuousClock.now
        let progress = isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
        var report: (@Sendable (ImportProgress) -> Void)?
        if let progress { report = { progress.show($0) } }
        let summary = try await Importer(profile: profile, store: store, progress: report).importPath(URL(fileURLWithPath: path))
        progress?.clear()
        var stats = "packed \(summary.files) files, \(summary.directories) directories: \(summary.blocks) blocks, "
            + "\(summary.bytes) bytes (\(profile.name))"
        if let carURL {
            let written = try CARWriter.write(root: summary.root, from: store, to: carURL)
            stats += "; wrote \(carURL.path) (\(written.byteCount) bytes)"
        }
        printError(stats + String(format: " in %.2f s", (ContinuousClock.now - started).seconds))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let report = PackReport(root: summary.root.string, profile: profile.name, blocks: summary.blocks,
                                    bytes: summary.bytes, files: summary.files, directories: summary.directories,
                                    symlinks: summary.symlinks, car: carURL?.path)
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(summary.root.string)
        }
    }
}

/// The `--json` output.
private struct PackReport: Encodable {
    let root: String
    let profile: String
    let blocks: Int
    let bytes: UInt64
    let files: Int
    let directories: Int
    let symlinks: Int
    let car: String?
}

private enum PackCommandError: Error, CustomStringConvertible {
    case carFolderMissing(String)
    case carReplacesSource(String)
    case carIsFolder(String)

    var description: String {
        switch self {
        case .carFolderMissing(let path): "\(path): the folder for the CAR file does not exist"
        case .carReplacesSource(let path): "\(path): the CAR would replace the file being packed; choose another --car"
        case .carIsFolder(let path): "\(path): is a folder; --car needs a file name such as site.car"
        }
    }

    /// The CAR is renamed over its path at the end: if that is the packed file, the source is lost.
    static func checkNotSource(_ car: URL, packing source: String) throws {
        var carInfo = stat(), sourceInfo = stat()
        guard stat(car.path, &carInfo) == 0, lstat(source, &sourceInfo) == 0 else { return }
        if carInfo.st_dev == sourceInfo.st_dev && carInfo.st_ino == sourceInfo.st_ino { throw carReplacesSource(car.path) }
    }

    /// Fails before packing, rather than after, when the CAR could not be written.
    static func checkWritableParent(of url: URL) throws {
        var isDirectory: ObjCBool = false
        let parent = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw carFolderMissing(url.path)
        }
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw carIsFolder(url.path)
        }
    }
}

/// A self-overwriting progress line on a terminal's stderr, redrawn at most ten times a second.
private final class ProgressLine: Sendable {
    private let lastDrawn = Mutex<ContinuousClock.Instant?>(nil)

    func show(_ p: ImportProgress) {
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last in
            if let last, now - last < .milliseconds(100) { return false }
            last = now
            return true
        }
        guard due else { return }
        let mib = { (bytes: UInt64) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        FileHandle.standardError.write(Data("\rpacking: \(p.filesDone)/\(p.files) files, \(mib(p.bytesDone))/\(mib(p.bytes)) MiB\u{1b}[K".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1b}[K".utf8))
    }
}
