import Foundation

/// A directory tree held in memory (relative path → content), for packing output without
/// writing it to disk first.
public struct InMemoryTree: Sendable, Equatable {
    /// What a path holds.
    public enum Entry: Sendable, Equatable {
        case file([UInt8])
        /// A file whose bytes are shared with a `Data` (a built page), not copied.
        case data(Data)
        /// A directory; only needed for an empty one, parents of other paths exist implicitly.
        case directory
        /// A symlink with this target (stored, never followed).
        case symlink(String)
    }

    /// Entries by relative path with `/` separators, e.g. `posts/hello/index.html`.
    public private(set) var entries: [String: Entry] = [:]

    public init() {}

    /// A tree of regular files.
    public init(files: [String: [UInt8]]) {
        entries = files.mapValues { .file($0) }
    }

    /// Sets what `path` holds, replacing any earlier entry at that path.
    public mutating func set(_ path: String, _ entry: Entry) {
        entries[path] = entry
    }

    /// A file's bytes (convenience for `set(path, .file(bytes))`).
    public mutating func addFile(_ path: String, _ bytes: [UInt8]) {
        entries[path] = .file(bytes)
    }

    /// Forgets what `path` holds.
    public mutating func remove(_ path: String) {
        entries[path] = nil
    }

    /// What `path` holds, if it was set.
    public subscript(path: String) -> Entry? { entries[path] }

    /// The import plan: validates every path and nests entries into directories.
    func plan() throws(ImportError) -> ImportPlan {
        let root = Folder()
        for (path, entry) in entries {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            for part in parts where part.isEmpty || part == "." || part == ".." {
                throw .invalidTreePath(path, reason: part.isEmpty ? "empty path component" : "'\(part)' component")
            }
            var folder = root
            for (depth, part) in parts.dropLast().enumerated() {
                let name = String(part)
                switch folder.children[name] {
                case nil:
                    let sub = Folder()
                    folder.children[name] = .folder(sub)
                    folder = sub
                case .folder(let sub):
                    folder = sub
                case .leaf:
                    throw .invalidTreePath(path, reason: "'\(parts[...depth].joined(separator: "/"))' is not a directory")
                }
            }
            let name = String(parts.last!)
            switch (entry, folder.children[name]) {
            case (.directory, nil): folder.children[name] = .folder(Folder())
            case (.directory, .folder): break
            case (_, nil): folder.children[name] = .leaf(entry)
            default: throw .invalidTreePath(path, reason: "is both a directory and a file")
            }
        }
        var plan = ImportPlan()
        plan.root = Self.entry(.folder(root), path: "", plan: &plan)
        return plan
    }

    private static func entry(_ node: Node, path: String, plan: inout ImportPlan) -> PlanEntry {
        switch node {
        case .leaf(.file(let bytes)):
            return plan.addFile(.memory(bytes), path: path)
        case .leaf(.data(let data)):
            return plan.addFile(.data(data), path: path)
        case .leaf(.symlink(let target)):
            plan.symlinks += 1
            return .symlink(target: Array(target.utf8))
        case .leaf(.directory):
            preconditionFailure("directories are folders")
        case .folder(let folder):
            plan.directories += 1
            // Sorted so files are numbered, and read, in the same order on every run.
            let names = folder.children.keys.sorted { $0.precedesInUTF8($1) }
            let entries = names.map { name in
                (name: name, entry: entry(folder.children[name]!, path: path.isEmpty ? name : path + "/" + name, plan: &plan))
            }
            return .directory(path: path, entries: entries)
        }
    }

    private final class Folder {
        var children: [String: Node] = [:]
    }

    private enum Node {
        case leaf(Entry)
        case folder(Folder)
    }
}
