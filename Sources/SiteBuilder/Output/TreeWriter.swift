import ContentAddressing
import Foundation
import POSIXFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's words for `errno`.
func lastError() -> String { systemErrorMessage() }

/// The permissions `mkdir(path, 0o755)` gives a folder under this process's umask.
let freshFolderMode: mode_t = 0o755 & ~processUmask
/// The permissions `open(path, O_CREAT, 0o644)` gives a page under this process's umask.
let freshFileMode: mode_t = 0o644 & ~processUmask

/// Fills one folder with a site output, reusing what a previous output left in it.
struct TreeWriter {
    let output: SiteOutput
    let root: String
    let reusing: Bool
    let trace: PhaseTrace
    var listings: [String: [(name: String, isFolder: Bool)]] = [:]

    /// Entry types as `readdir` reports them.
    private enum EntryType { case file, folder, other }

    /// Writes every file; returns the identity of each file it wrote or found equal (not of `.kept` ones).
    func write() throws -> [String: FileIdentity] {
        let paths = output.paths
        let folderSet = OutputManifest.folders(of: paths)
        // Parents sort before their children.
        let folders = folderSet.sorted { $0.precedesInUTF8($1) }
        var existingFolders: Set<String> = []
        var existingFiles: Set<String> = []
        if reusing {
            (existingFolders, existingFiles) = try reconcile(folders: folders, folderSet: folderSet, files: Set(paths))
            trace.phase("reconcile \(existingFolders.count) folders (\(listings.count) known), \(existingFiles.count) files kept")
        }
        // Each worker makes the missing folders its files need (with mkdir(2) itself: FileManager's
        // per-call overhead dominates with thousands of folders), so making folders, which the
        // kernel serialises per parent, overlaps writing files. A folder needed by two workers
        // is made by whichever comes first; the other finds it there. Contiguous runs of paths keep
        // each thread in its own folders.
        let reusable = existingFiles
        let failures = FailureBox()
        let found = UnsafeMutableBufferPointer<FileIdentity?>.allocate(capacity: paths.count)
        found.initialize(repeating: nil)
        defer {
            found.deinitialize()
            found.deallocate()
        }
        nonisolated(unsafe) let identities = found
        let chunkCount = min(paths.count, max(1, ProcessInfo.processInfo.activeProcessorCount) * 16)
        if chunkCount > 0 {
            let chunkSize = (paths.count + chunkCount - 1) / chunkCount
            let present = existingFolders
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                var made: Set<String> = []
                for index in min(paths.count, chunk * chunkSize)..<min(paths.count, (chunk + 1) * chunkSize) {
                    let path = paths[index]
                    do {
                        var slash = path.utf8.startIndex
                        while let next = path.utf8[slash...].firstIndex(of: UInt8(ascii: "/")) {
                            let folder = String(path[..<next])
                            if !present.contains(folder), made.insert(folder).inserted { try makeFolder(folder) }
                            slash = path.utf8.index(after: next)
                        }
                        let content = output.files[path]!
                        if content == .kept {
                            guard reusable.contains(path) else {
                                throw SiteBuildError.io(path: root + "/" + path, "was kept from the previous output but is gone; build again")
                            }
                            continue
                        }
                        identities[index] = try writeFile(root + "/" + path, content, mayExist: reusable.contains(path))
                    } catch let error as SiteBuildError {
                        failures.record(index, error)
                    } catch {
                        failures.record(index, SiteBuildError.io(path: path, "cannot write: \(fileErrorReason(error, path: path))"))
                    }
                }
            }
        }
        if let error = failures.first { throw error }
        trace.phase("create \(folders.count - existingFolders.count) folders and write \(paths.count) files")
        var result: [String: FileIdentity] = [:]
        result.reserveCapacity(paths.count)
        for (path, identity) in zip(paths, found) where identity != nil { result[path] = identity }
        return result
    }

    /// Makes `folder` (relative to the root), and its parents when another worker has not made
    /// them yet; one that exists already is fine.
    private func makeFolder(_ folder: String) throws {
        let path = root + "/" + folder
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
            try makeFolder(String(folder[..<slash]))
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw SiteBuildError.io(path: path, "cannot create folder: \(lastError())")
    }

    /// Lists the recycled tree and removes whatever the new output does not have in the same
    /// form; returns the folders and regular files left to reuse.
    private func reconcile(folders: [String], folderSet: Set<String>, files: Set<String>) throws
        -> (folders: Set<String>, files: Set<String>)
    {
        // Listing is independent per folder; a folder reached through a symbolic link is listed
        // too but ignored below, because its parent's listing shows the link.
        let listed = [""] + folders
        let found = UnsafeMutableBufferPointer<[(String, EntryType)]?>.allocate(capacity: listed.count)
        found.initialize(repeating: nil)
        defer {
            found.deinitialize()
            found.deallocate()
        }
        let chunkCount = max(1, ProcessInfo.processInfo.activeProcessorCount) * 16
        let chunkSize = (listed.count + chunkCount - 1) / chunkCount
        nonisolated(unsafe) let slots = found
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            for index in min(listed.count, chunk * chunkSize)..<min(listed.count, (chunk + 1) * chunkSize) {
                if let known = listings[listed[index]] {
                    slots[index] = known.map { ($0.name, $0.isFolder ? .folder : .file) }
                } else {
                    slots[index] = list(listed[index].isEmpty ? root : root + "/" + listed[index])
                }
            }
        }
        var keptFolders: Set<String> = [""]
        var keptFiles: Set<String> = []
        for (index, folder) in listed.enumerated() {
            guard keptFolders.contains(folder), let entries = found[index] else { continue }
            for (name, type) in entries {
                let relative = folder.isEmpty ? name : folder + "/" + name
                var path: String { root + "/" + relative }
                if folderSet.contains(relative), type == .folder {
                    keptFolders.insert(relative)
                } else if files.contains(relative), type == .file {
                    keptFiles.insert(relative)
                } else if type == .folder {
                    do {
                        try FileManager.default.removeItem(atPath: path)
                    } catch {
                        throw SiteBuildError.io(path: path, "cannot remove from the reused tree: \(fileErrorReason(error, path: path))")
                    }
                } else if unlink(path) != 0 {
                    throw SiteBuildError.io(path: path, "cannot remove from the reused tree: \(lastError())")
                }
            }
        }
        // Only folders reached without symbolic links, so chmod(2) never leaves the tree. A known
        // folder is as the build that listed it left it (a chmod moves its change time), and that
        // build gave it the mode of its umask, which the top folder's mode tells (every build sets it).
        var top = stat()
        let sameUmask = lstat(root, &top) == 0 && top.st_mode & 0o7777 == freshFolderMode
        let kept = sameUmask ? keptFolders.filter { $0.isEmpty || listings[$0] == nil } : Array(keptFolders)
        let failures = FailureBox()
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            for index in min(kept.count, chunk * chunkSize)..<min(kept.count, (chunk + 1) * chunkSize) {
                if let error = giveFreshFolderMode(kept[index].isEmpty ? root : root + "/" + kept[index]) { failures.record(index, error) }
            }
        }
        if let error = failures.first { throw error }
        keptFolders.remove("")
        return (keptFolders, keptFiles)
    }

    /// Gives a reused folder whose permissions were changed (by hand, or by a build under another
    /// umask) the ones `mkdir` gives a new folder, as a fresh build's output has; the error when it cannot.
    private func giveFreshFolderMode(_ path: String) -> SiteBuildError? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, info.st_mode & 0o7777 != freshFolderMode,
            chmod(path, freshFolderMode) != 0
        else { return nil }
        return SiteBuildError.io(path: path, "cannot set the permissions of a reused folder: \(lastError())")
    }

    /// Names and types of a folder's entries; nil when it is not a listable folder.
    private func list(_ path: String) -> [(String, EntryType)]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var entries: [(String, EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .folder
            case Int32(DT_UNKNOWN):
                var info = stat()
                guard lstat(path + "/" + name, &info) == 0 else { type = .other; break }
                switch info.st_mode & S_IFMT {
                case S_IFREG: type = .file
                case S_IFDIR: type = .folder
                default: type = .other
                }
            default: type = .other
            }
            entries.append((name, type))
        }
        return entries
    }
}

/// The first failure (by index) among parallel writes.
final class FailureBox: @unchecked Sendable {
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
