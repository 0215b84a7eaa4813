import Foundation

/// Writes a built site to disk all or nothing: into a fresh `.<name>.tmp-<random>` folder beside
/// the output, swapped in by rename only when every file is written. On any failure the previous
/// output is untouched and the temporary folder is gone.
public enum SiteWriter {
    public static func write(_ output: SiteOutput, to directory: URL, siteDirectory: URL? = nil) throws {
        let fileManager = FileManager.default
        let target = directory.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try refuseDangerousTarget(target, siteDirectory: siteDirectory)
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteBuildError.io(path: parent.path, "cannot create folder: \(error.localizedDescription)")
        }
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = parent.appendingPathComponent(".\(name).tmp-\(token)")
        let old = parent.appendingPathComponent(".\(name).old-\(token)")
        do {
            try writeFiles(output, into: temporary)
            if fileManager.fileExists(atPath: target.path) {
                try fileManager.moveItem(at: target, to: old)
                do {
                    try fileManager.moveItem(at: temporary, to: target)
                } catch {
                    try? fileManager.moveItem(at: old, to: target)
                    throw error
                }
                try? fileManager.removeItem(at: old)
            } else {
                try fileManager.moveItem(at: temporary, to: target)
            }
        } catch {
            try? fileManager.removeItem(at: temporary)
            if let error = error as? SiteBuildError { throw error }
            throw SiteBuildError.io(path: target.path, "cannot write output: \(error.localizedDescription)")
        }
    }

    /// Replacing a folder means deleting the old one, so never replace the site itself or a folder holding it.
    private static func refuseDangerousTarget(_ target: URL, siteDirectory: URL?) throws {
        let targetPath = target.resolvingSymlinksInPath().path
        if FileManager.default.fileExists(atPath: target.appendingPathComponent("site.yml").path) {
            throw SiteBuildError.io(path: target.path, "refusing to replace a folder that holds a site.yml; choose another --output")
        }
        if let siteDirectory {
            let sitePath = siteDirectory.standardizedFileURL.resolvingSymlinksInPath().path
            if sitePath == targetPath || sitePath.hasPrefix(targetPath.hasSuffix("/") ? targetPath : targetPath + "/") {
                throw SiteBuildError.io(path: target.path, "refusing to replace a folder that contains the site; choose another --output")
            }
        }
    }

    private static func writeFiles(_ output: SiteOutput, into root: URL) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: false)
        let paths = output.paths
        var folders: Set<String> = []
        for path in paths {
            var components = path.split(separator: "/").dropLast()
            while !components.isEmpty {
                folders.insert(components.joined(separator: "/"))
                components = components.dropLast()
            }
        }
        for folder in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            try fileManager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        // Writing is I/O bound with many small files: spread it over a few threads.
        let failures = FailureBox()
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < paths.count {
                let path = paths[index]
                let destination = root.appendingPathComponent(path)
                do {
                    switch output.files[path]! {
                    case .bytes(let data): try data.write(to: destination)
                    case .copy(let source): try fileManager.copyItem(atPath: source, toPath: destination.path)
                    }
                } catch {
                    failures.record(index, SiteBuildError.io(path: path, "cannot write: \(error.localizedDescription)"))
                }
                index += workers
            }
        }
        if let error = failures.first { throw error }
    }
}

/// The first failure (by index) among parallel writes.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: (Int, SiteBuildError)?

    func record(_ index: Int, _ error: SiteBuildError) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil || index < failure!.0 { failure = (index, error) }
    }

    var first: SiteBuildError? {
        lock.lock()
        defer { lock.unlock() }
        return failure?.1
    }
}
