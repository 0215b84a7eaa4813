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
