import ContentAddressing
import Foundation
import POSIXFiles
import Synchronization

/// Parsed documents kept on disk between builds (`.blogctl-cache/documents` in the site folder,
/// like Jekyll's `.jekyll-cache`), so a build parses only the sources that changed since the
/// last one. A record is found by the SHA-256 of everything its parse depends on: the source
/// bytes, the path shown in its errors, `site.yml` and the blogctl binary itself (which
/// brings its own cache format), so a changed input or a new blogctl never sees an old record. An unreadable or
/// damaged cache file is ignored and replaced; it never fails a build or changes its output.
final class DocumentCache: Sendable {
    let file: URL
    /// The cache file as last written, mapped; records are decoded on lookup.
    private let stored: Data
    /// Where each record of `stored` is: its bytes, then their `RecordChecksum`.
    private let index: [ContentKey: Range<Int>]
    /// Where the last whole record of `stored` ends (a build killed while appending leaves a torn one after it).
    private let validEnd: Int
    private let state = Mutex(State())

    private struct State {
        /// Keys marked used or stored during this build, with new records' bytes.
        var used: Set<ContentKey> = []
        var added: [ContentKey: [UInt8]] = [:]
    }

    /// The file format (6: records one after the other, so new ones can be appended; each ends
    /// with its same-page link offsets, `DocumentShape` and search terms, and is checked with XXH64). Keys do
    /// not depend on it: they are content identities beyond this cache, and a new format comes
    /// with a new binary, which keys do depend on.
    private static let magic = Array("blogctl document cache 6\n".utf8)
    /// Records of removed or edited sources are left in the file, unread, until they make up
    /// this share of it; then the next save writes only the used ones again.
    private static let staleShareBeforeRewrite = 8

    /// The cache in `directory`, as last saved (empty when there is none or it cannot be read).
    init(directory: URL) {
        file = directory.appendingPathComponent("documents")
        let data = (try? Data(contentsOf: file, options: .alwaysMapped)) ?? Data()
        stored = data
        (index, validEnd) = Self.index(of: data)
    }

    /// Every whole record of `data` up to the first that is cut short or malformed.
    private static func index(of data: Data) -> (index: [ContentKey: Range<Int>], validEnd: Int) {
        data.withUnsafeBytes { bytes in
            guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else { return ([:], 0) }
            var index: [ContentKey: Range<Int>] = [:]
            index.reserveCapacity(bytes.count / 4096)
            var offset = magic.count
            // key, then the record's length and bytes, each record followed by its checksum.
            while offset + 32 + 8 <= bytes.count {
                let length = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 32, as: Int64.self)))
                guard length >= 8, length <= bytes.count - offset - 40 else { break }
                index[ContentKey(digest: Array(bytes[offset..<offset + 32]))] = offset + 40..<offset + 40 + length
                offset += 40 + length
            }
            return (index, offset)
        }
    }

    /// What every key of one build shares: this blogctl binary, `site.yml`, the highlighter's
    /// lexer definitions, which Debian may update under the same binary, and the shortcode
    /// templates (not the cache format: a key names the document, with or without a cache).
    static func salt(configText: String, highlighting: String, shortcodes: ContentKey) -> [UInt8] {
        var material = Array("blogctl document cache 2\u{0}".utf8)
        material += shortcodes.bytes
        material.append(0)
        material += binaryFingerprint.utf8
        material.append(0)
        material += highlighting.utf8
        material.append(0)
        material += configText.utf8
        return SHA256.digest(material)
    }

    /// The key of the document at `displayPath` with source `data`, for a build with `salt`.
    static func key(salt: [UInt8], displayPath: String, kind: DocumentKind, bundle: String?, data: Data) -> ContentKey {
        var material = salt
        material += "\(kind.rawValue)\u{0}\(bundle ?? "")\u{0}\(displayPath)\u{0}".utf8
        material.reserveCapacity(material.count + data.count)
        material += data
        return ContentKey(digest: SHA256.digest(material))
    }

    /// Starts a build: records not used from now until `save()` are dropped then.
    func beginBuild() {
        state.withLock { $0.used = [] }
    }

    /// The record stored under `key`, decoded with dates in `timeZone`; nil when there is none.
    /// Records looked up are not kept by `save()` unless marked used (`markUsed(_:)`).
    func lookup(_ key: ContentKey, timeZone: TimeZone) -> DocumentRecord? {
        if let range = index[key] {
            // A damaged record (a flipped bit on disk) must never turn into different output.
            let record = stored.withUnsafeBytes { bytes -> DocumentRecord? in
                let record = UnsafeRawBufferPointer(rebasing: bytes[range.lowerBound..<range.upperBound - 8])
                let checksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: range.upperBound - 8, as: UInt64.self))
                guard RecordChecksum.of(record) == checksum else { return nil }
                return try? DocumentRecord(encoded: record, timeZone: timeZone)
            }
            if let record { return record }
        }
        guard let added = state.withLock({ $0.added[key] }) else { return nil }
        return added.withUnsafeBytes { try? DocumentRecord(encoded: $0, timeZone: timeZone) }
    }

    /// Keeps the records under `keys` (documents this build uses) when saving; one call per
    /// build rather than one per document, which thousands of lookups on all cores waited for.
    func markUsed(_ keys: some Sequence<ContentKey>) {
        state.withLock { state in
            state.used.reserveCapacity(state.used.count + keys.underestimatedCount)
            state.used.formUnion(keys)
        }
    }

    /// Keeps `record` under `key` for the next build.
    func store(_ key: ContentKey, _ record: DocumentRecord) {
        let record = record.encoded()
        state.withLock {
            $0.used.insert(key)
            $0.added[key] = record
        }
    }

    /// Writes what this build added to the cache file: appended to it while records nobody uses
    /// any more are few and small (an eighth of the records and of the bytes), else a new file with only the records this build used, swapped in
    /// atomically. Skipped when nothing changed. Failures are ignored: a cache that cannot be
    /// written only makes the next build slower.
    func save() {
        let (used, added) = state.withLock { state in
            state.added = state.added.filter { state.used.contains($0.key) }
            return (state.used, state.added)
        }
        let stale = index.keys.count { !used.contains($0) }
        // One stale record may be most of the file (a huge post deleted): bytes count too.
        let staleBytes = index.reduce(0) { used.contains($1.key) ? $0 : $0 + $1.value.count }
        if added.isEmpty, stale == 0 { return }
        // New records in key order: the same builds make the same file.
        func append(_ keys: [ContentKey], to output: inout [UInt8], from bytes: UnsafeRawBufferPointer) {
            for key in keys.sorted(by: { $0.bytes.lexicographicallyPrecedes($1.bytes) }) {
                var length = CacheBytesWriter()
                if let record = added[key] {
                    length.int(record.count + 8)
                    output += key.bytes + length.bytes + record
                    let checksum = record.withUnsafeBytes { RecordChecksum.of($0) }
                    withUnsafeBytes(of: checksum.littleEndian) { output += $0 }
                } else if let range = index[key] {
                    length.int(range.count)
                    output += key.bytes + length.bytes
                    output += bytes[range]
                }
            }
        }
        // Every record added: a document is parsed only when its record was missing or damaged,
        // and a record appended under a damaged one's key replaces it (the last one read wins).
        let newKeys = Array(added.keys)
        if validEnd > 0, validEnd == stored.count, stale * Self.staleShareBeforeRewrite <= index.count + newKeys.count,
           staleBytes * Self.staleShareBeforeRewrite <= stored.count {
            if newKeys.isEmpty { return }
            var output: [UInt8] = []
            stored.withUnsafeBytes { append(newKeys, to: &output, from: $0) }
            // One write with O_APPEND: two builds appending at once each add whole records.
            let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            defer { close(descriptor) }
            _ = output.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            return
        }
        var output = Self.magic
        stored.withUnsafeBytes { append(Array(used), to: &output, from: $0) }
        AtomicOutput.replace(file, with: output, temporaryPrefix: ".documents.tmp-", sync: false)
    }
}
