import ContentAddressing
import Foundation

/// What one output folder holds, kept between builds (`.blogctl-cache/outputs/<device>-<inode>`,
/// named for the folder, whose inode stays through the renames that swap it in and out): for each
/// page and copied file, the key of what it was made from, the file's identity once written, and
/// the build observer's note (the packer's UnixFS node). A build that writes into that folder
/// again keeps every file whose key is unchanged and whose identity still matches, without
/// rendering, writing or hashing it. A damaged manifest or a file changed since only means
/// making that file again.
struct OutputManifest: Sendable {
    struct Entry: Sendable, Equatable {
        var key: ContentKey
        var identity: FileIdentity
        var note: [UInt8]
    }

    var entries: [String: Entry] = [:]

    private static let magic = Array("blogctl output manifest 1\n".utf8)

    init(entries: [String: Entry] = [:]) { self.entries = entries }

    /// The manifest of the folder with identity `tree`, as saved in `directory`; nil when there
    /// is none or it is damaged.
    static func load(from directory: URL, tree: FileIdentity) -> OutputManifest? {
        guard let data = try? Data(contentsOf: file(in: directory, tree: tree)) else { return nil }
        return data.withUnsafeBytes { bytes -> OutputManifest? in
            guard bytes.count >= magic.count + 32, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[magic.count..<bytes.count - 32])
            guard SHA256.digest(body).elementsEqual(bytes[(bytes.count - 32)...]) else { return nil }
            var reader = CacheBytesReader(body)
            do {
                let count = try reader.count()
                var entries: [String: Entry] = [:]
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let path = try reader.string()
                    let key = ContentKey(digest: try reader.raw(32))
                    let identity = FileIdentity(device: UInt64(bitPattern: Int64(try reader.int())), inode: UInt64(bitPattern: Int64(try reader.int())),
                        size: Int64(try reader.int()), modified: Int64(try reader.int()), changed: Int64(try reader.int()))
                    let note = try reader.raw(try reader.count())
                    entries[path] = Entry(key: key, identity: identity, note: note)
                }
                return reader.isAtEnd ? OutputManifest(entries: entries) : nil
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
        body.int(entries.count)
        for path in entries.keys.sorted(by: { $0.precedesInUTF8($1) }) {
            let entry = entries[path]!
            body.string(path)
            body.raw(entry.key.bytes)
            for value in [Int64(bitPattern: entry.identity.device), Int64(bitPattern: entry.identity.inode), entry.identity.size,
                entry.identity.modified, entry.identity.changed]
            {
                body.int(Int(value))
            }
            body.int(entry.note.count)
            body.raw(entry.note)
        }
        let bytes = Self.magic + body.bytes + SHA256.digest(body.bytes)
        let target = Self.file(in: directory, tree: tree)
        let temporary = directory.appendingPathComponent(".manifest.tmp-\(UInt64.random(in: 0...UInt64.max))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return
        }
        let kept = Set(([tree] + keeping).map { Self.file(in: directory, tree: $0).lastPathComponent })
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [] where !kept.contains(name) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Removes the manifest of the folder `tree` (its files are about to change without one).
    static func remove(from directory: URL, tree: FileIdentity) {
        try? FileManager.default.removeItem(at: file(in: directory, tree: tree))
    }

    /// The entries whose file under `root` still has the recorded identity (checked on all cores).
    func verified(in root: String) async -> [String: Entry] {
        let candidates = Array(entries)
        let still = (try? await Parallel.map(candidates) { path, entry in FileIdentity(path: root + "/" + path) == entry.identity }) ?? []
        var result: [String: Entry] = [:]
        result.reserveCapacity(candidates.count)
        for ((path, entry), same) in zip(candidates, still) where same { result[path] = entry }
        return result
    }

    private static func file(in directory: URL, tree: FileIdentity) -> URL {
        directory.appendingPathComponent("\(tree.device)-\(tree.inode)")
    }
}
