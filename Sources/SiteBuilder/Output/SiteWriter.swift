import ContentAddressing
import Foundation
import POSIXFiles
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a built site to disk all or nothing: into a `.<name>.tmp-<pid>-<random>` folder beside the
/// output, swapped in by rename only when every file is written. On any failure the previous
/// output is untouched and the temporary folder is gone.
///
/// The replaced output is not deleted but kept as `.<name>-recycle` beside it, and the next
/// build writes its temporary folder over that tree: rewriting existing files and folders in
/// place instead of creating and deleting some 27,000 inodes per 10,000-post build. On ext4
/// without a journal, every inode allocation skips over inodes freed in the last minutes, which
/// made back-to-back builds spend most of their time in the kernel. The recycled tree is
/// corrected to match the new output exactly (extra entries removed, symbolic links and files
/// with other hard links replaced, never written through), so output bytes do not depend on it.
public enum SiteWriter {
    /// Name of the folder beside the output that holds the previous output for reuse.
    public static func recycleName(forOutputNamed name: String) -> String { ".\(name)-recycle" }

    /// Writes `output` into `directory`; `.copy(of:)` files are streamed from their source with its
    /// permissions, never read whole.
    public static func write(_ output: SiteOutput, to directory: URL, siteDirectory: URL? = nil) throws {
        let tree = try claim(directory, siteDirectory: siteDirectory)
        _ = try write(output, into: tree)
    }

    /// Claims the folder the next output of `directory` is written into: the recycled previous
    /// output when there is one (renamed to a name only this build uses), else a new folder made
    /// by `write(_:into:)`. Checks the target first (see `refuseDangerousTarget`).
    static func claim(_ directory: URL, siteDirectory: URL? = nil) throws -> ClaimedTree {
        let target = directory.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        try refuseDangerousTarget(target, siteDirectory: siteDirectory)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw SiteBuildError.io(path: parent.path, "cannot create folder: \(fileErrorReason(error, path: parent.path))")
        }
        let trace = PhaseTrace("write: ")
        let token = ownedToken()
        let parentPath = parent.path.hasSuffix("/") ? parent.path : parent.path + "/"
        let temporary = parentPath + ".\(name).tmp-\(token)"
        let recycle = parentPath + recycleName(forOutputNamed: name)
        reclaimAbandonedFolders(in: parentPath, outputName: name, recycle: recycle)
        let lock = holdLock(parentPath: parentPath, outputName: name, token: token)
        // Claiming by rename: two builds at once never share a tree. A folder of that name that
        // holds a site is somebody's work, not a previous output: left alone.
        var reusing = false
        if !FileManager.default.fileExists(atPath: recycle + "/site.yml"), rename(recycle, temporary) == 0 {
            reusing = isRealDirectory(temporary)
            if !reusing { try? FileManager.default.removeItem(atPath: temporary) }
        }
        trace.phase("claim previous output")
        return ClaimedTree(target: target.path, temporary: temporary, old: parentPath + ".\(name).old-\(token)", recycle: recycle,
            reusing: reusing, lock: lock)
    }

    /// Writes `output` into the claimed `tree` and swaps it in place of the output folder; returns
    /// the identity of each file it holds now. `.kept` files must be in the tree already (an
    /// `OutputManifest` says which). On failure the previous output is untouched and the tree is given up.
    /// `listings` holds what some folders of a reused tree are known to contain (see
    /// `OutputManifest.Verified`), so they need not be listed.
    static func write(_ output: SiteOutput, into tree: ClaimedTree, listings: [String: [(name: String, isFolder: Bool)]] = [:]) throws
        -> [String: FileIdentity]
    {
        defer { tree.lock?.release() }
        let trace = PhaseTrace("write: ")
        var temporary = tree.temporary
        let targetPath = tree.target
        let old = tree.old
        var reusing = tree.reusing
        func writeFresh() throws -> [String: FileIdentity] {
            if mkdir(temporary, 0o755) != 0 {
                throw SiteBuildError.io(path: temporary, "cannot create folder: \(lastError())")
            }
            return try TreeWriter(output: output, root: temporary, reusing: false, trace: trace).write()
        }
        do {
            let identities: [String: FileIdentity]
            if reusing {
                do {
                    identities = try TreeWriter(output: output, root: temporary, reusing: true, trace: trace, listings: listings).write()
                } catch {
                    // Something in the old tree got in the way (a read-only file or folder): it must
                    // never make a build fail that a fresh folder would pass, so start over without
                    // it; the caller builds again when this output counted on files kept in it.
                    try? FileManager.default.removeItem(atPath: temporary)
                    if output.files.values.contains(.kept) { throw SiteWriterError.reusedTreeFailed }
                    reusing = false
                    temporary += "-fresh"
                    identities = try writeFresh()
                }
            } else {
                identities = try writeFresh()
            }
            var existing = stat()
            if lstat(targetPath, &existing) == 0 {
                guard rename(targetPath, old) == 0 else {
                    throw SiteBuildError.io(path: targetPath, "cannot move the previous output aside: \(lastError())")
                }
                guard rename(temporary, targetPath) == 0 else {
                    let error = lastError()
                    _ = rename(old, targetPath)
                    throw SiteBuildError.io(path: targetPath, "cannot move the new output in place: \(error)")
                }
                // Keep the previous output for the next build unless it is not a plain folder (a
                // symbolic link to somewhere else must never be written through) or another build
                // already left one.
                if !(isRealDirectory(old) && rename(old, tree.recycle) == 0) {
                    try? FileManager.default.removeItem(atPath: old)
                }
            } else {
                guard rename(temporary, targetPath) == 0 else {
                    throw SiteBuildError.io(path: targetPath, "cannot move the new output in place: \(lastError())")
                }
            }
            trace.phase("swap")
            return identities
        } catch {
            // A claimed tree goes back, half rewritten but still worth reusing; a new one goes.
            if !(reusing && rename(temporary, tree.recycle) == 0) {
                try? FileManager.default.removeItem(atPath: temporary)
            }
            if error is SiteBuildError || error is SiteWriterError { throw error }
            throw SiteBuildError.io(path: targetPath, "cannot write output: \(fileErrorReason(error, path: targetPath))")
        }
    }

    /// Replacing a folder means deleting the old one, so never replace the site itself, a folder
    /// holding it, or any of its sources; and never replace a file with a folder.
    private static func refuseDangerousTarget(_ target: URL, siteDirectory: URL?) throws {
        let targetPath = resolvedPath(target.path)
        var info = stat()
        // The swap renames the link itself away: the folder it leads to would never be written.
        if lstat(target.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
            throw SiteBuildError.io(path: target.path, "is a symbolic link; blogctl replaces the output folder itself, so pass the folder it leads to: --output \(targetPath)")
        }
        if stat(target.path, &info) == 0, (info.st_mode & S_IFMT) != S_IFDIR {
            throw SiteBuildError.io(path: target.path, "exists and is not a folder; choose another --output")
        }
        if FileManager.default.fileExists(atPath: target.appendingPathComponent("site.yml").path) {
            throw SiteBuildError.io(path: target.path, "refusing to replace a folder that holds a site.yml; choose another --output")
        }
        guard let siteDirectory else { return }
        func overlaps(_ a: String, _ b: String) -> Bool {
            a == b || a.hasPrefix(b.hasSuffix("/") ? b : b + "/") || b.hasPrefix(a.hasSuffix("/") ? a : a + "/")
        }
        let sitePath = resolvedPath(siteDirectory.standardizedFileURL.path)
        if sitePath == targetPath || sitePath.hasPrefix(targetPath.hasSuffix("/") ? targetPath : targetPath + "/") {
            throw SiteBuildError.io(path: target.path, "refusing to replace a folder that contains the site; choose another --output")
        }
        // The document cache too: it is saved after the swap, so it would end up inside the output.
        for source in ["content", "static", "templates", ".blogctl-cache"] {
            let sourcePath = resolvedPath(siteDirectory.appendingPathComponent(source).path)
            if overlaps(targetPath, sourcePath) {
                throw SiteBuildError.io(path: target.path, "refusing to write the output over the site's \(source)/ folder (\(sourcePath)); choose another --output")
            }
        }
        // The replaced folder becomes the recycled tree, whose stale files the next build deletes:
        // only an earlier output of a site (every site build writes 404.html and _redirects) or an empty folder.
        if (info.st_mode & S_IFMT) == S_IFDIR,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: target.path), !entries.isEmpty,
            !(entries.contains("404.html") && entries.contains("_redirects"))
        {
            throw SiteBuildError.io(path: target.path,
                "refusing to replace a folder that is not an earlier output (no 404.html and _redirects); choose another --output or empty it")
        }
    }

    /// `path` with symbolic links resolved as far as it exists (the rest appended as written).
    private static func resolvedPath(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while existing.path != "/" {
            if let real = realpath(existing.path, nil) {
                defer { free(real) }
                return ([String(cString: real)] + rest.reversed()).joined(separator: "/").replacingOccurrences(of: "//", with: "/")
            }
            rest.append(existing.lastPathComponent)
            existing = existing.deletingLastPathComponent()
        }
        return "/" + rest.reversed().joined(separator: "/")
    }
}

/// Whether `path` is a folder itself, not a symbolic link to one.
func isRealDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

private func lastError() -> String { systemErrorMessage() }

/// The permissions `mkdir(path, 0o755)` gives a folder under this process's umask.
private let freshFolderMode: mode_t = 0o755 & ~processUmask
/// The permissions `open(path, O_CREAT, 0o644)` gives a page under this process's umask.
private let freshFileMode: mode_t = 0o644 & ~processUmask

/// Fills one folder with a site output, reusing what a previous output left in it.
private struct TreeWriter {
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

/// Writes `content` to `path` with open/write/close: no fsync per file (the folder is swapped in
/// as a whole, and Foundation's Data.write syncs each file, which costs seconds on 10,000 pages).
/// A file that may exist is overwritten in place unless it has other hard links, which must not
/// see the change, or is a page whose permissions are not the ones it is created with (a copy
/// takes its source's), which a fresh build would not have.
private func writeFile(_ path: String, _ content: OutputContent, mayExist: Bool) throws -> FileIdentity? {
    var descriptor = open(path, (mayExist ? O_RDWR : O_WRONLY) | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
    var existingSize = 0
    if mayExist {
        var info = stat()
        let isPage = if case .bytes = content { true } else { false }
        if fstat(descriptor, &info) == 0, info.st_nlink > 1 || (isPage && info.st_mode & 0o7777 != freshFileMode) {
            close(descriptor)
            unlink(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
        } else {
            existingSize = Int(info.st_size)
        }
    }
    defer { close(descriptor) }
    let written: Int
    switch content {
    case .bytes(let data):
        written = data.count
        // Most pages of a rebuild are what the reused file already holds: reading it back from the
        // page cache costs less than dirtying and writing back every page of the site.
        if existingSize == data.count, data.withUnsafeBytes({ holds(descriptor, $0) }) { return FileIdentity(descriptor: descriptor) }
        try data.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
    case .copy(let source):
        written = try copy(from: source, to: descriptor, existingSize: existingSize, path: path)
    case .kept:
        return nil
    }
    if existingSize > written, ftruncate(descriptor, off_t(written)) != 0 {
        throw SiteBuildError.io(path: path, "cannot write: \(lastError())")
    }
    return FileIdentity(descriptor: descriptor)
}

/// Whether the file open at `descriptor` starts with exactly `bytes` (its size is checked by the caller).
private func holds(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
    guard bytes.count > 0 else { return true }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: min(bytes.count, 1 << 16), alignment: 16)
    defer { buffer.deallocate() }
    var offset = 0
    while offset < bytes.count {
        let count = min(buffer.count, bytes.count - offset)
        guard readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), at: UInt64(offset)) == count,
            memcmp(buffer.baseAddress!, bytes.baseAddress! + offset, count) == 0
        else { return false }
        offset += count
    }
    return true
}

private func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer, path: String) throws {
    guard writeFully(descriptor, buffer) else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
}

/// Copies the file at `source` into `descriptor` with its permission bits, a buffer at a time
/// (memory stays bounded for files of any size); returns the byte count. A reused file of the
/// same size is compared first and written only from the first buffer that differs, so
/// unchanged media are not dirtied again on every build.
private func copy(from source: String, to descriptor: Int32, existingSize: Int, path: String) throws -> Int {
    let input = open(source, O_RDONLY | O_CLOEXEC)
    guard input >= 0 else { throw SiteBuildError.io(path: source, "cannot read: \(lastError())") }
    defer { close(input) }
    var info = stat()
    guard fstat(input, &info) == 0 else { throw SiteBuildError.io(path: source, "cannot read: \(lastError())") }
    fchmod(descriptor, info.st_mode & 0o777)
    #if canImport(Glibc)
    _ = posix_fadvise(input, 0, 0, POSIX_FADV_SEQUENTIAL)
    #endif
    let bufferSize = 1 << 18
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16)
    defer { buffer.deallocate() }
    var comparing = existingSize > 0 && existingSize == Int(info.st_size)
    let existing = comparing ? UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 16) : nil
    defer { existing?.deallocate() }
    var total = 0
    while true {
        let count = read(input, buffer.baseAddress, buffer.count)
        if count < 0 {
            if errno == EINTR { continue }
            throw SiteBuildError.io(path: source, "cannot read: \(lastError())")
        }
        if count == 0 { return total }
        if comparing {
            if let existing, readFully(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: existing[..<count]), at: UInt64(total)) == count,
                memcmp(existing.baseAddress!, buffer.baseAddress!, count) == 0
            {
                total += count
                continue
            }
            comparing = false
            guard lseek(descriptor, off_t(total), SEEK_SET) >= 0 else { throw SiteBuildError.io(path: path, "cannot write: \(lastError())") }
        }
        try writeAll(descriptor, UnsafeRawBufferPointer(rebasing: buffer[..<count]), path: path)
        total += count
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
