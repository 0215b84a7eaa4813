import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What one file of a site folder is for, decided from its path alone (so a rebuild can
/// classify just the files that changed).
enum SourceRole: Sendable, Equatable {
    case config
    /// A post or page source; `bundle` is its folder when it is a bundle's `index.md`.
    case document(DocumentKind, bundle: String?)
    /// A file inside a folder of `content/` (subfolders included), copied next to the output of
    /// the folder's `index.md` when the folder is a bundle; `folder` is that folder.
    case bundleAsset(folder: String)
    /// A file under `static/`, copied to this path below the output root.
    case staticFile(String)
    /// A file under `templates/`, at this path relative to it.
    case template(String)
    /// A file in `content/` that is neither a document nor in a bundle folder: reported, never copied.
    case stray
    case ignored

    static func classify(_ path: String) -> SourceRole {
        if path == "site.yml" { return .config }
        // Every file of the site goes through here on each build: ASCII paths (nearly all) by
        // their bytes, which for them say the same as their characters.
        if let role = path.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? classify(ascii: $0, path: path) : nil }),
            let role
        {
            return role
        }
        return classifyByCharacters(path)
    }

    /// Files that tools leave in folders and that are never a site's content: git's placeholder for
    /// an empty folder (`blogctl init` makes `static/.gitkeep`) and macOS's folder settings.
    static let placeholderNames: Set<String> = [".gitkeep", ".DS_Store"]

    private static func isPlaceholder(_ name: Substring) -> Bool { placeholderNames.contains(String(name)) }

    private static func isPlaceholder(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        name.first == UInt8(ascii: ".") && placeholderNames.contains(String(decoding: name, as: UTF8.self))
    }

    /// `classify(_:)` for any path, its parts split as characters.
    static func classifyByCharacters(_ path: String) -> SourceRole {
        if path == "site.yml" { return .config }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return .ignored }
        switch parts[0] {
        case "static": return isPlaceholder(parts[parts.count - 1]) ? .ignored : .staticFile(String(path.dropFirst("static/".count)))
        case "templates": return .template(String(path.dropFirst("templates/".count)))
        case "content": break
        default: return .ignored
        }
        // Editor droppings (.DS_Store, .#x.md) are not content.
        if parts.dropFirst().contains(where: { $0.hasPrefix(".") }) { return .ignored }
        let isMarkdown = markdownExtensionLength(parts[parts.count - 1]) != nil
        // Hugo's section files would otherwise become a page at /index/ or a post needing a date.
        if isSectionFile(parts[parts.count - 1]) { return .stray }
        // content/posts/<file> or content/<file> is a document; in a folder below, index.md makes
        // the folder a bundle and everything else in it is the bundle's.
        let depth = parts[1] == "posts" ? 3 : 2
        if parts.count < depth { return parts.count == 2 && isMarkdown ? .document(.page, bundle: nil) : .stray }
        let kind: DocumentKind = depth == 3 ? .post : .page
        if parts.count == depth { return isMarkdown ? .document(kind, bundle: nil) : .stray }
        let folder = parts[0..<depth].joined(separator: "/")
        if parts.count == depth + 1, isIndex(parts[depth]) { return .document(kind, bundle: folder) }
        return .bundleAsset(folder: folder)
    }

    /// `classify(_:)` of an ASCII `path` from its `bytes`: the places of its slashes are all it needs.
    private static func classify(ascii bytes: UnsafeBufferPointer<UInt8>, path: String) -> SourceRole {
        let slash = UInt8(ascii: "/")
        var slashes = 0
        var first = 0, second = 0, third = 0, last = 0
        // Whether a part after the first starts with a dot (editor droppings: .DS_Store, .#x.md).
        var hidden = false
        for index in 0..<bytes.count where bytes[index] == slash {
            switch slashes {
            case 0: first = index
            case 1: second = index
            case 2: third = index
            default: break
            }
            slashes += 1
            last = index
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ".") { hidden = true }
        }
        let parts = slashes + 1
        guard parts >= 2 else { return .ignored }
        let head = UnsafeBufferPointer(rebasing: bytes[0..<first])
        if equalsASCII(head, "static") {
            if isPlaceholder(UnsafeBufferPointer(rebasing: bytes[(last + 1)...])) { return .ignored }
            return .staticFile(String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)...]), as: UTF8.self))
        }
        if equalsASCII(head, "templates") { return .template(String(decoding: UnsafeBufferPointer(rebasing: bytes[(first + 1)...]), as: UTF8.self)) }
        guard equalsASCII(head, "content"), !hidden else { return .ignored }
        let name = UnsafeBufferPointer(rebasing: bytes[(last + 1)...])
        let extensionLength = markdownExtensionLength(ascii: name)
        if let extensionLength, name.count == extensionLength + 6, hasASCIIPrefix(name, "_index") { return .stray }
        let depth = equalsASCII(UnsafeBufferPointer(rebasing: bytes[(first + 1)..<(parts > 2 ? second : bytes.count)]), "posts") ? 3 : 2
        if parts < depth { return parts == 2 && extensionLength != nil ? .document(.page, bundle: nil) : .stray }
        let kind: DocumentKind = depth == 3 ? .post : .page
        if parts == depth { return extensionLength != nil ? .document(kind, bundle: nil) : .stray }
        let folder = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(depth == 3 ? third : second)]), as: UTF8.self)
        if parts == depth + 1, let extensionLength, name.count == extensionLength + 5, hasASCIIPrefix(name, "index") {
            return .document(kind, bundle: folder)
        }
        return .bundleAsset(folder: folder)
    }

    private static func equalsASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool {
        bytes.count == text.utf8CodeUnitCount && (bytes.isEmpty || memcmp(bytes.baseAddress!, text.utf8Start, bytes.count) == 0)
    }

    /// Whether ASCII `name` starts with `prefix` (lowercase) in any case.
    private static func hasASCIIPrefix(_ name: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard name.count >= count else { return false }
        for index in 0..<count where asciiLowercase(name[index]) != prefix.utf8Start[index] { return false }
        return true
    }

    /// The length of `name`'s Markdown extension (`.md` or `.markdown`, any case), nil for other files.
    static func markdownExtensionLength<S: StringProtocol>(_ name: S) -> Int? {
        if let length = name.utf8.withContiguousStorageIfAvailable({ $0.allSatisfy { $0 < 0x80 } ? markdownExtensionLength(ascii: $0) : -1 }),
            length != -1
        {
            return length
        }
        let lower = name.lowercased()
        for ext in [".md", ".markdown"] where lower.count > ext.count && lower.hasSuffix(ext) { return ext.count }
        return nil
    }

    /// Whether `name` is `_index.md` (or `.markdown`): a section file in Hugo, nothing here.
    static func isSectionFile<S: StringProtocol>(_ name: S) -> Bool {
        guard let length = markdownExtensionLength(name) else { return false }
        if isASCII(name) { return name.utf8.count == length + 6 && hasASCIIPrefix(name, "_index") }
        return name.dropLast(length).lowercased() == "_index"
    }

    /// Whether `name` is a bundle's document: `index.md` or `index.markdown`.
    static func isIndex<S: StringProtocol>(_ name: S) -> Bool {
        guard let length = markdownExtensionLength(name) else { return false }
        if isASCII(name) { return name.utf8.count == length + 5 && hasASCIIPrefix(name, "index") }
        return name.dropLast(length).lowercased() == "index"
    }

    /// `markdownExtensionLength(_:)` of an ASCII name.
    static func markdownExtensionLength(ascii name: UnsafeBufferPointer<UInt8>) -> Int? {
        if name.count > 3, hasASCIISuffix(name, ".md") { return 3 }
        if name.count > 9, hasASCIISuffix(name, ".markdown") { return 9 }
        return nil
    }

    private static func hasASCIISuffix(_ name: UnsafeBufferPointer<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard name.count >= count else { return false }
        let start = name.count - count
        for index in 0..<count where asciiLowercase(name[start + index]) != suffix.utf8Start[index] { return false }
        return true
    }

    private static func isASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether ASCII `name` starts with `prefix` (lowercase) in any case.
    private static func hasASCIIPrefix<S: StringProtocol>(_ name: S, _ prefix: String) -> Bool {
        name.utf8.count >= prefix.utf8.count && zip(name.utf8.prefix(prefix.utf8.count), prefix.utf8).allSatisfy { asciiLowercase($0) == $1 }
    }

    private static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

/// Posts or standalone pages.
public enum DocumentKind: String, Sendable, Equatable {
    case post
    case page
}

/// Every relevant file of a site folder by role, paths relative to the site folder.
struct SiteInventory: Sendable, Equatable {
    var documents: [String: SourceRole] = [:]
    /// Files in folders of `content/` by folder (`content/posts/trip`); copied when the folder is a bundle.
    var assets: [String: Set<String>] = [:]
    /// Files in `content/` that nothing reads (`SourceRole.stray`).
    var strays: Set<String> = []
    /// static/ files: output path -> source path.
    var staticFiles: [String: String] = [:]
    /// templates/ files: path relative to templates/ -> source path.
    var templateFiles: [String: String] = [:]

    /// Lists the whole site folder (hidden files included: `static/.well-known/` is real content).
    /// Symbolic links to files and folders are followed, so the output holds their bytes; a
    /// dangling link, a link loop or anything that is not a regular file (a FIFO would block the
    /// build forever) is an error naming it.
    static func scan(_ root: URL) throws(SiteBuildError) -> SiteInventory {
        var inventory = SiteInventory()
        for folder in ["content", "static", "templates"] {
            let directory = root.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            try walk(directory.path, relative: folder, ancestors: [], into: &inventory)
        }
        return inventory
    }

    /// Lists `path` (a folder) recursively; `ancestors` are the (device, inode) pairs of the
    /// folders above it, to catch a symbolic link leading back up.
    private static func walk(_ path: String, relative: String, ancestors: Set<[UInt64]>, into inventory: inout SiteInventory) throws(SiteBuildError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .io(path: path, "cannot list folder: \(String(cString: strerror(errno)))") }
        let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
        if ancestors.contains(identity) { throw .io(path: path, "symbolic link loop (leads back to a folder above it)") }
        guard let directory = opendir(path) else {
            throw .io(path: path, "cannot list folder: \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        let inner = ancestors.union([identity])
        let inContent = relative.hasPrefix("content")
        while let entryPointer = readdir(directory) {
            // The name straight from the entry: decoding repairs invalid UTF-8, which changes its bytes.
            let (name, isUTF8) = withUnsafeBytes(of: entryPointer.pointee.d_name) { raw -> (String, Bool) in
                let bytes = UnsafeBufferPointer(rebasing: raw.bindMemory(to: UInt8.self).prefix(while: { $0 != 0 }))
                let name = String(decoding: bytes, as: UTF8.self)
                return (name, name.hasUTF8(UnsafeRawBufferPointer(bytes)))
            }
            if name == "." || name == ".." { continue }
            // A lossy name would point at no file; and URLs and UnixFS names are UTF-8.
            if !isUTF8, !(inContent && name.hasPrefix(".")) {
                throw .io(path: path + "/" + name, "file name is not valid UTF-8; rename it")
            }
            // Editor files in content/ (`.#post.md` links, sockets) are not content.
            if inContent, name.hasPrefix(".") { continue }
            let childRelative = relative + "/" + name
            // The folder entry's type saves a stat per file (10,000 posts); links and file
            // systems that do not say are looked at with stat, which follows links.
            var type = Int32(entryPointer.pointee.d_type)
            if type != Int32(DT_REG), type != Int32(DT_DIR) {
                let child = path + "/" + name
                var entry = stat()
                guard stat(child, &entry) == 0 else {
                    let reason = errno == ELOOP ? "symbolic link loop" : errno == ENOENT ? "dangling symbolic link (its target does not exist)" : String(cString: strerror(errno))
                    throw .io(path: child, reason)
                }
                switch entry.st_mode & S_IFMT {
                case S_IFDIR: type = Int32(DT_DIR)
                case S_IFREG: type = Int32(DT_REG)
                default: throw .io(path: child, "not a regular file or folder (a FIFO, socket or device); remove it")
                }
            }
            if type == Int32(DT_DIR) {
                try walk(path + "/" + name, relative: childRelative, ancestors: inner, into: &inventory)
            } else {
                inventory.insert(childRelative)
            }
        }
    }

    mutating func insert(_ path: String) {
        switch SourceRole.classify(path) {
        case .document(let kind, let bundle): documents[path] = .document(kind, bundle: bundle)
        case .bundleAsset(let folder): assets[folder, default: []].insert(path)
        case .staticFile(let output): staticFiles[output] = path
        case .template(let name): templateFiles[name] = path
        case .stray: strays.insert(path)
        case .config, .ignored: break
        }
    }

    /// Whether `path` is a file this inventory lists (a deleted folder is not: its path has no role).
    func contains(_ path: String) -> Bool {
        switch SourceRole.classify(path) {
        case .document: return documents[path] != nil
        case .bundleAsset(let folder): return assets[folder]?.contains(path) == true
        case .stray: return strays.contains(path)
        case .staticFile(let output): return staticFiles[output] == path
        case .template(let name): return templateFiles[name] == path
        case .config: return true
        case .ignored: return false
        }
    }

    mutating func remove(_ path: String) {
        switch SourceRole.classify(path) {
        case .document: documents[path] = nil
        case .bundleAsset(let folder):
            assets[folder]?.remove(path)
            if assets[folder]?.isEmpty == true { assets[folder] = nil }
        case .staticFile(let output): staticFiles[output] = nil
        case .template(let name): templateFiles[name] = nil
        case .stray: strays.remove(path)
        case .config, .ignored: break
        }
    }
}
