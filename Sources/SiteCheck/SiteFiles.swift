import Glibc

/// Every file and folder of an output folder, as raw-byte paths relative to it.
struct SiteFiles: Sendable {
    private(set) var files: Set<PathKey> = []
    private(set) var directories: Set<PathKey> = []
    /// HTML and CSS files, sorted by raw bytes.
    private(set) var pages: [[UInt8]] = []

    init(root: String) throws(SiteCheckError) {
        try walk(root: root, relative: [])
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
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_LNK) || entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                let full = root + "/" + String(decoding: path, as: UTF8.self)
                if stat(full, &info) == 0 { isDirectory = (info.st_mode & S_IFMT) == S_IFDIR }
            }
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
