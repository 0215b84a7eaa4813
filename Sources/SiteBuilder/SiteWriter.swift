import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        // Parents sort before their children; plain mkdir(2) because FileManager's per-call
        // overhead dominates with thousands of folders.
        let rootPath = root.path
        for folder in folders.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            let path = rootPath + "/" + folder
            if mkdir(path, 0o755) != 0, errno != EEXIST {
                throw SiteBuildError.io(path: path, "cannot create folder: \(String(cString: strerror(errno)))")
            }
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
                    case .bytes(let data): try writeFile(rootPath + "/" + path, data)
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

/// Writes with open/write/close: no fsync per file (the folder is swapped in as a whole, and
/// Foundation's Data.write syncs each file, which costs seconds on 10,000 pages).
private func writeFile(_ path: String, _ data: Data) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SiteBuildError.io(path: path, String(cString: strerror(errno))) }
    defer { close(descriptor) }
    try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SiteBuildError.io(path: path, String(cString: strerror(errno)))
            }
            offset += written
        }
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
