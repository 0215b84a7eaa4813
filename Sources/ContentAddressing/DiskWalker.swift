#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks a path on disk into an `ImportPlan` without following symlinks or reading files.
enum DiskWalker {
    /// The plan for `path`: a file, a symlink or a directory tree. Each regular file is passed
    /// to `found` (index, source) as soon as it is seen, so reading can start before the walk ends.
    static func plan(path: String, found: (Int, ChunkSource) -> Void) throws(ImportError) -> ImportPlan {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw ImportError.system(errno, path: path) }
        var plan = ImportPlan()
        plan.root = try entry(path: path, stat: st, plan: &plan, found: found) { () throws(ImportError) -> [UInt8] in
            var target = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(path, &target, target.count)
            guard n >= 0 else { throw ImportError.system(errno, path: path) }
            return Array(target[..<n])
        }
        return plan
    }

    /// What `stat` describes, as a plan entry (recursing into directories).
    private static func entry(path: String, stat st: stat, plan: inout ImportPlan, found: (Int, ChunkSource) -> Void,
                              readTarget: () throws(ImportError) -> [UInt8]) throws(ImportError) -> PlanEntry {
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            let source = ChunkSource.disk(path: path, length: Int(st.st_size))
            let file = plan.addFile(source, path: path)
            found(plan.files.count - 1, source)
            return file
        case S_IFDIR:
            return try directory(path: path, plan: &plan, found: found)
        case S_IFLNK:
            plan.symlinks += 1
            return .symlink(target: try readTarget())
        default:
            throw .unsupportedFileType(path: path, kind: kindName(st.st_mode))
        }
    }

    private static func directory(path: String, plan: inout ImportPlan,
                                  found: (Int, ChunkSource) -> Void) throws(ImportError) -> PlanEntry {
        guard let dir = opendir(path) else { throw ImportError.system(errno, path: path) }
        defer { closedir(dir) }
        let fd = dirfd(dir)
        var names: [(bytes: [UInt8], name: String)] = []
        while true {
            errno = 0
            guard let item = readdir(dir) else {
                if errno != 0 { throw ImportError.system(errno, path: path) }
                break
            }
            let bytes = withUnsafeBytes(of: item.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if bytes == [0x2e] || bytes == [0x2e, 0x2e] { continue }
            guard let name = String(validating: bytes, as: UTF8.self) else {
                throw .nameNotUTF8(path: path + "/" + String(decoding: bytes, as: UTF8.self))
            }
            names.append((bytes, name))
        }
        // Byte order makes walks, and so the first error reported, the same everywhere.
        names.sort { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        plan.directories += 1
        var entries: [(name: String, entry: PlanEntry)] = []
        entries.reserveCapacity(names.count)
        for (_, name) in names {
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            var st = stat()
            guard fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { throw ImportError.system(errno, path: child) }
            let entry = try entry(path: child, stat: st, plan: &plan, found: found) { () throws(ImportError) -> [UInt8] in
                var target = [UInt8](repeating: 0, count: Int(PATH_MAX) + 1)
                let n = readlinkat(fd, name, &target, target.count)
                guard n >= 0 else { throw ImportError.system(errno, path: child) }
                return Array(target[..<n])
            }
            entries.append((name, entry))
        }
        return .directory(path: path, entries: entries)
    }

    /// A human name for a file type UnixFS cannot hold (or any other), for error messages.
    static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "FIFO (named pipe)"
        case S_IFSOCK: "socket"
        case S_IFCHR: "character device"
        case S_IFBLK: "block device"
        case S_IFDIR: "directory"
        case S_IFLNK: "symbolic link"
        case S_IFREG: "regular file"
        default: "file of unknown type"
        }
    }
}
