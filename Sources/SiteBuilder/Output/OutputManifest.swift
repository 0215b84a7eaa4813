import ContentAddressing
import Foundation
import POSIXFiles

/// What one output folder holds, kept between builds (`.blogctl-cache/outputs/<device>-<inode>`,
/// named for the folder, whose inode stays through the renames that swap it in and out): every
/// file with its identity once written, and for each page and copied file the key of what it was
/// made from and the build observer's note (the packer's UnixFS node); every folder below the top
/// with its identity. A build that writes into that folder again keeps every file whose key is
/// unchanged and whose identity still matches, without rendering, writing or hashing it, and
/// lists no folder whose identity matches (its entries are the ones recorded: adding, removing
/// or renaming an entry moves a folder's modification time). A damaged manifest or a file
/// changed since only means making that file again.
struct OutputManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// Nil for a file that is always made again (feeds, sitemap: cheap, and not keyed).
        var key: ContentKey?
        var identity: FileIdentity
        var note: [UInt8]
    }

    /// Every file, by output path.
    var entries: [String: Entry] = [:]
    /// Every folder but the top one (renamed by every swap, so its identity never holds).
    var folders: [String: FileIdentity] = [:]

    /// What of a manifest still holds for the folder on disk (`verified(in:)`).
    struct Verified: Sendable {
        /// Files with a key whose identity matches.
        var entries: [String: Entry] = [:]
        /// The entries of each folder whose identity matches: names, and whether each is a folder.
        var listings: [String: [(name: String, isFolder: Bool)]] = [:]
    }

    private static let magic = Array("blogctl output manifest 2\n".utf8)
    /// Manifests of other output folders than the one just written and its recycled tree.
    private static let otherFoldersKept = 6

    init(entries: [String: Entry] = [:], folders: [String: FileIdentity] = [:]) {
        self.entries = entries
        self.folders = folders
    }

    /// The manifest of the folder with identity `tree`, as saved in `directory`; nil when there
    /// is none or it is damaged.
    /// `savedAt` is the manifest file's change time (nanoseconds), for `verified(in:savedAt:)`.
    static func load(from directory: URL, tree: FileIdentity) -> (manifest: OutputManifest, savedAt: Int64)? {
        let path = file(in: directory, tree: tree).path
        guard let data = FileManager.default.contents(atPath: path), let saved = FileIdentity(path: path) else { return nil }
        return decode(data).map { ($0, saved.changed) }
    }

    private static func decode(_ data: Data) -> OutputManifest? {
        data.withUnsafeBytes { bytes -> OutputManifest? in
            guard bytes.count >= magic.count + 32, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[magic.count..<bytes.count - 32])
            guard SHA256.digest(body).elementsEqual(bytes[(bytes.count - 32)...]) else { return nil }
            var reader = CacheBytesReader(body)
            func identity() throws(CacheBytesReader.Malformed) -> FileIdentity {
                FileIdentity(device: UInt64(bitPattern: Int64(try reader.int())), inode: UInt64(bitPattern: Int64(try reader.int())),
                    size: Int64(try reader.int()), modified: Int64(try reader.int()), changed: Int64(try reader.int()))
            }
            do {
                var manifest = OutputManifest()
                let count = try reader.count()
                manifest.entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let key = try reader.bool() ? ContentKey(digest: try reader.raw(32)) : nil
                    let found = try identity()
                    let note = try reader.raw(try reader.count())
                    manifest.entries[path] = Entry(key: key, identity: found, note: note)
                }
                let folderCount = try reader.count()
                manifest.folders.reserveCapacity(folderCount)
                for _ in 0..<folderCount {
                    let path = try reader.string()
                    manifest.folders[path] = try identity()
                }
                return reader.isAtEnd ? manifest : nil
            } catch {
                return nil
            }
        }
    }

    /// Saves it as the manifest of the folder `tree`, atomically, and removes every other
    /// folder's manifest but those in `keeping` (folders that no longer exist leave theirs behind).
    /// Failures are ignored: a missing manifest only makes the next build render everything.
    func save(to directory: URL, tree: FileIdentity, keeping: [FileIdentity]) {
        var body = CacheBytesWriter()
        func identity(_ found: FileIdentity) {
            for value in [Int64(bitPattern: found.device), Int64(bitPattern: found.inode), found.size, found.modified, found.changed] {
                body.int(Int(value))
            }
        }
        // In dictionary order: a manifest is read back only by blogctl, so sorting 29,000 paths would buy nothing.
        body.int(entries.count)
        for (path, entry) in entries {
            body.string(path)
            body.bool(entry.key != nil)
            if let key = entry.key { body.raw(key.bytes) }
            identity(entry.identity)
            body.int(entry.note.count)
            body.raw(entry.note)
        }
        body.int(folders.count)
        for (path, found) in folders {
            body.string(path)
            identity(found)
        }
        let bytes = Self.magic + body.bytes + SHA256.digest(body.bytes)
        guard AtomicOutput.replace(Self.file(in: directory, tree: tree), with: bytes, temporaryPrefix: ".manifest.tmp-", sync: false) else { return }
        // Other output folders of the site (`--output` elsewhere) keep theirs too, up to a few:
        // the newest stay, so those of deleted folders do not pile up.
        let current = Set(([tree] + keeping).map { Self.file(in: directory, tree: $0).lastPathComponent })
        let found = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !current.contains($0) }
            .map { name in (name, FileIdentity(path: directory.appendingPathComponent(name).path)?.modified ?? 0) }
        // A temporary file is another build saving its manifest right now, unless it is old
        // enough to be left by a build that was killed.
        let killedBefore = Int64(Date().timeIntervalSince1970 - 600) * 1_000_000_000
        let others = found.filter { !$0.0.hasPrefix(".") }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let abandoned = found.filter { $0.0.hasPrefix(".") && $0.1 < killedBefore }
        for (name, _) in others.dropFirst(Self.otherFoldersKept) + abandoned {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// What still holds under `root`: identities are checked on all cores. As in git's index, an
    /// identity is trusted only if its change time is older than the manifest (`savedAt`): on a
    /// file system with coarse timestamps, a same-size write in the same tick as the one recorded
    /// would leave every field as it was.
    func verified(in root: String, savedAt: Int64) async -> Verified {
        let keyed = entries.filter { $0.value.key != nil }.map { ($0.key, $0.value) }
        let folderList = Array(folders)
        let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return Verified() }
        defer { close(top) }
        let sameFiles = (try? await Parallel.map(keyed) { path, entry in
            entry.identity.changed < savedAt && FileIdentity(path, in: top) == entry.identity
        }) ?? []
        let sameFolders = (try? await Parallel.map(folderList) { path, found in
            found.changed < savedAt && FileIdentity(path, in: top) == found
        }) ?? []
        var result = Verified()
        result.entries.reserveCapacity(keyed.count)
        for ((path, entry), same) in zip(keyed, sameFiles) where same { result.entries[path] = entry }
        var unchanged: Set<String> = []
        unchanged.reserveCapacity(folderList.count)
        for ((path, _), same) in zip(folderList, sameFolders) where same { unchanged.insert(path) }
        func add(_ path: String, isFolder: Bool) {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
            let parent = String(path[..<slash])
            guard unchanged.contains(parent) else { return }
            result.listings[parent, default: []].append((String(path[path.utf8.index(after: slash)...]), isFolder))
        }
        for path in entries.keys { add(path, isFolder: false) }
        for path in folders.keys { add(path, isFolder: true) }
        // A folder left with no entries (never so in an output) has an empty listing.
        for path in unchanged where result.listings[path] == nil { result.listings[path] = [] }
        return result
    }

    /// The manifest of `output` just written to the folder `root`: `identities` of the files
    /// written, `kept` entries as they were, each keyed file's note from `notes`, and every
    /// folder's identity: from `previous` (the manifest the build started from) for folders in
    /// `unchangedFolders` in which nothing was added or removed, read now for the others. Nil when
    /// a file's identity is missing (the manifest would not list its folder completely).
    static func made(for output: SiteOutput, in root: String, keys: [String: ContentKey], identities: [String: FileIdentity],
        kept: [String: Entry], notes: OutputNotes, previous: OutputManifest?, unchangedFolders: Set<String>) async -> OutputManifest?
    {
        var manifest = OutputManifest()
        manifest.entries.reserveCapacity(output.files.count)
        // Folders where an entry was added, replaced or removed: their identity moved.
        var touched: Set<String> = []
        func parent(_ path: String) -> String {
            guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
            return String(path[..<slash])
        }
        for path in output.files.keys {
            if let entry = kept[path] {
                manifest.entries[path] = entry
                continue
            }
            guard let identity = identities[path] else { return nil }
            if let key = keys[path], let note = notes.note(for: path) {
                manifest.entries[path] = Entry(key: key, identity: identity, note: note)
            } else {
                manifest.entries[path] = Entry(key: nil, identity: identity, note: [])
            }
            if previous?.entries[path]?.identity != identity { touched.insert(parent(path)) }
        }
        let folders = folders(of: output.files.keys)
        if let previous {
            for path in previous.entries.keys where output.files[path] == nil { touched.insert(parent(path)) }
            for path in previous.folders.keys where !folders.contains(path) { touched.insert(parent(path)) }
        }
        var unknown: [String] = []
        manifest.folders.reserveCapacity(folders.count)
        for path in folders {
            if previous?.folders[path] == nil { touched.insert(parent(path)) }
        }
        for path in folders {
            if unchangedFolders.contains(path), !touched.contains(path), let identity = previous?.folders[path] {
                manifest.folders[path] = identity
            } else {
                unknown.append(path)
            }
        }
        let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard top >= 0 else { return nil }
        defer { close(top) }
        guard let found = try? await Parallel.map(unknown, { FileIdentity($0, in: top) }) else { return nil }
        for (path, identity) in zip(unknown, found) {
            guard let identity else { return nil }
            manifest.folders[path] = identity
        }
        return manifest
    }

    /// The folders of a set of output paths (every parent of every path), top one left out.
    static func folders<S: Sequence<String>>(of paths: S) -> Set<String> {
        var folders: Set<String> = []
        for path in paths {
            var end = path.utf8.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                if !folders.insert(String(path[..<slash])).inserted { break }
                end = slash
            }
        }
        return folders
    }

    private static func file(in directory: URL, tree: FileIdentity) -> URL {
        directory.appendingPathComponent("\(tree.device)-\(tree.inode)")
    }
}
