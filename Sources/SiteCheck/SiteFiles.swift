import Glibc

/// Every file and folder of an output folder, as raw-byte paths relative to it.
struct SiteFiles: Sendable {
    private(set) var files: Set<PathKey> = []
    private(set) var directories: Set<PathKey> = []
    /// Symlinks, not followed: `pack` stores them as links and gateways do not resolve through them.
    private(set) var symlinks: Set<PathKey> = []
    /// HTML and CSS files, sorted by raw bytes.
    private(set) var pages: [[UInt8]] = []

    init(root: String) throws(SiteCheckError) {
        try walk(root: root, relative: [])
        pages.sort { $0.lexicographicallyPrecedes($1) }
    }

    /// The files at `paths` (relative, `/`-separated) and the folders they are in.
    init(paths: [String]) {
        for path in paths {
            let bytes = Array(path.utf8)
            files.insert(PathKey(bytes))
            if Self.isHTML(bytes) || Self.isCSS(bytes) { pages.append(bytes) }
            for end in bytes.indices where bytes[end] == Bytes.slash { directories.insert(PathKey(Array(bytes[..<end]))) }
        }
        pages.sort { $0.lexicographicallyPrecedes($1) }
    }

    private mutating func walk(root: String, relative: [UInt8]) throws(SiteCheckError) {
        let absolute = relative.isEmpty ? root : root + "/" + String(decoding: relative, as: UTF8.self)
        guard let dir = opendir(absolute) else {
            throw .unreadableFile(path: absolute, reason: String(cString: strerror(errno)))
        }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return Array(bytes.prefix(while: { $0 != 0 }))
            }
            if name == [Bytes.dot] || name == [Bytes.dot, Bytes.dot] { continue }
            let path = relative.isEmpty ? name : relative + [Bytes.slash] + name
            guard String(validating: name, as: UTF8.self) != nil else {
                throw .nameNotUTF8(path: root + "/" + String(decoding: path, as: UTF8.self))
            }
            var type = entry.pointee.d_type
            if type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let full = root + "/" + String(decoding: path, as: UTF8.self)
                if lstat(full, &info) == 0 {
                    let format = info.st_mode & S_IFMT
                    type = format == S_IFDIR ? UInt8(DT_DIR) : format == S_IFLNK ? UInt8(DT_LNK) : UInt8(DT_REG)
                }
            }
            if type == UInt8(DT_LNK) {
                symlinks.insert(PathKey(path))
                continue
            }
            let isDirectory = type == UInt8(DT_DIR)
            if isDirectory {
                directories.insert(PathKey(path))
                try walk(root: root, relative: path)
            } else {
                files.insert(PathKey(path))
                if Self.isHTML(path) || Self.isCSS(path) { pages.append(path) }
            }
        }
    }

    static func isHTML(_ path: [UInt8]) -> Bool { hasSuffix(path, ".html") || hasSuffix(path, ".htm") }
    static func isCSS(_ path: [UInt8]) -> Bool { hasSuffix(path, ".css") }

    private static func hasSuffix(_ path: [UInt8], _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return path.count >= s.count && path[(path.count - s.count)...].map(Bytes.lower).elementsEqual(s)
    }
}

extension SiteFiles {
    /// The symlink that `path` is, or passes through, if any.
    func symlink(on path: PathKey) -> PathKey? {
        guard !symlinks.isEmpty else { return nil }
        let bytes = path.bytes
        for end in bytes.indices where bytes[end] == Bytes.slash {
            let prefix = PathKey(Array(bytes[..<end]))
            if symlinks.contains(prefix) { return prefix }
        }
        return symlinks.contains(path) ? path : nil
    }
}
