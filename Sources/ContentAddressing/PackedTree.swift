/// A directory tree kept packed between edits, for a preview server or watch mode: changing a
/// file re-packs that file and the directories above it, nothing else. The root equals what
/// `Importer.importTree` gives for the same contents.
///
/// Not thread-safe: own it from one task or actor.
public final class PackedTree {
    private final class Folder {
        var children: [String: Child] = [:]
        /// The directory's node while nothing below it has changed.
        var packed: ImportedNode?
        /// The children's names in UTF-8 byte order while none was added or removed (a folder of
        /// 10,000 posts is not sorted again for each edited file).
        var order: [String]?
    }

    private enum Child {
        case leaf(ImportedNode)
        case folder(Folder)
    }

    /// How files are chunked, laid out and named.
    public let profile: ImportProfile
    private let files: FileImporter
    private let directories: DirectoryBuilder
    private let root = Folder()

    /// An empty tree whose blocks go to `store`.
    public init(profile: ImportProfile = .default, store: any BlockStore) {
        self.profile = profile
        self.files = FileImporter(profile: profile, store: store)
        self.directories = DirectoryBuilder(profile: profile, store: store)
    }

    /// Packs `bytes` as the file at `path` (`a/b/index.html`), replacing what was there.
    public func setFile(_ path: String, _ bytes: [UInt8]) throws(ImportError) {
        try setLeaf(path, files.importBytes(bytes))
    }

    /// Puts an already packed file or symlink at `path`, e.g. one kept from an earlier run.
    public func setLeaf(_ path: String, _ node: ImportedNode) throws(ImportError) {
        let (parents, name) = try Self.split(path)
        var folder = root
        folder.packed = nil
        for (depth, part) in parents.enumerated() {
            switch folder.children[part] {
            case .folder(let sub):
                folder = sub
            case nil:
                let sub = Folder()
                folder.children[part] = .folder(sub)
                folder.order = nil
                folder = sub
            case .leaf:
                throw .invalidTreePath(path, reason: "'\(parents[...depth].joined(separator: "/"))' is not a directory")
            }
            folder.packed = nil
        }
        if case .folder = folder.children[name] {
            throw .invalidTreePath(path, reason: "'\(path)' is a directory")
        }
        if folder.children.updateValue(.leaf(node), forKey: name) == nil { folder.order = nil }
    }

    /// Removes the file, symlink or whole directory at `path`, and directories left empty by it.
    public func remove(_ path: String) throws(ImportError) {
        let (parents, name) = try Self.split(path)
        var chain = [root]
        for part in parents {
            guard case .folder(let sub) = chain.last!.children[part] else { return }
            chain.append(sub)
        }
        guard chain.last!.children.removeValue(forKey: name) != nil else { return }
        chain.last!.order = nil
        for folder in chain { folder.packed = nil }
        // Prune from the deepest folder up: a build's output never holds an empty directory.
        for depth in stride(from: parents.count - 1, through: 0, by: -1) where chain[depth + 1].children.isEmpty {
            chain[depth].children.removeValue(forKey: parents[depth])
            chain[depth].order = nil
        }
    }

    /// Directories in the tree, the root included.
    public var directoryCount: Int { Self.count(root) }

    private static func count(_ folder: Folder) -> Int {
        folder.children.values.reduce(1) { total, child in
            if case .folder(let sub) = child { return total + count(sub) }
            return total
        }
    }

    /// The root directory, re-packing only directories changed since the last call.
    public func rootNode() throws(ImportError) -> ImportedNode {
        try pack(root, path: "")
    }

    private func pack(_ folder: Folder, path: String) throws(ImportError) -> ImportedNode {
        if let packed = folder.packed { return packed }
        var entries: [(name: String, node: ImportedNode)] = []
        entries.reserveCapacity(folder.children.count)
        let order = folder.order ?? folder.children.keys.sorted { $0.precedesInUTF8($1) }
        folder.order = order
        for name in order {
            switch folder.children[name]! {
            case .leaf(let node): entries.append((name, node))
            case .folder(let sub): entries.append((name, try pack(sub, path: path.isEmpty ? name : path + "/" + name)))
            }
        }
        let node = try directories.build(entries, path: path)
        folder.packed = node
        return node
    }

    private static func split(_ path: String) throws(ImportError) -> (parents: [String], name: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts where part.isEmpty || part == "." || part == ".." {
            throw .invalidTreePath(path, reason: part.isEmpty ? "empty path component" : "'\(part)' component")
        }
        return (Array(parts.dropLast()), parts.last!)
    }
}
