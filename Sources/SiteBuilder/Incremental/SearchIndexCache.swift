import Foundation
import POSIXFiles

/// The search index of the last build, in memory and in `.blogctl-cache/search-index`. The index
/// depends only on the documents shown, in order, and each document's content key covers all it
/// gives the index (its text, title, date, path and the settings), so a build whose documents
/// kept their keys and order writes the index it wrote before without gathering it again.
/// A damaged or unreadable file is ignored and replaced, as with the document cache.
struct SearchIndexCache: Sendable {
    let file: URL?
    private var last: (key: ContentKey, index: SearchIndex)?

    /// The file format; the key covers the binary, so a new index layout never meets an old file.
    private static let magic = Array("blogctl search index 1\n".utf8)

    /// A cache in `directory` (memory only when nil).
    init(directory: URL?) {
        file = directory?.appendingPathComponent("search-index")
    }

    /// The index of `documents` (in the site's order), from the last build when they are the same.
    mutating func index(of documents: [Document]) async throws -> SearchIndex {
        let key = ContentKey("blogctl search index", [], keys: documents.map(\.contentKey))
        if let last, last.key == key { return last.index }
        if let file, let files = Self.read(file, key: key) {
            let index = SearchIndex(files: files)
            last = (key, index)
            return index
        }
        let index = try await SearchIndex(documents: documents)
        last = (key, index)
        if let file { Self.write(index.files, key: key, to: file) }
        return index
    }

    /// The files stored in `file` under `key`; nil when it holds another key or is damaged.
    static func read(_ file: URL, key: ContentKey) -> [SearchIndexFile]? {
        guard let data = try? Data(contentsOf: file), data.count >= magic.count + 32 + 8 else { return nil }
        return data.withUnsafeBytes { bytes -> [SearchIndexFile]? in
            guard bytes.prefix(magic.count).elementsEqual(magic),
                  bytes[magic.count..<magic.count + 32].elementsEqual(key.bytes) else { return nil }
            let body = UnsafeRawBufferPointer(rebasing: bytes[magic.count + 32..<bytes.count - 8])
            let checksum = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
            guard RecordChecksum.of(body) == checksum else { return nil }
            var reader = CacheBytesReader(body)
            do {
                var files: [SearchIndexFile] = []
                for _ in 0..<(try reader.count()) {
                    let name = try reader.string()
                    files.append(SearchIndexFile(file: name, bytes: Data(try reader.raw(try reader.count()))))
                }
                return reader.isAtEnd ? files : nil
            } catch {
                return nil
            }
        }
    }

    /// Stores `files` under `key` in `file`, atomically; failures only cost the next build time.
    static func write(_ files: [SearchIndexFile], key: ContentKey, to file: URL) {
        var writer = CacheBytesWriter()
        writer.int(files.count)
        for entry in files {
            writer.string(entry.file)
            writer.int(entry.bytes.count)
            writer.raw(entry.bytes)
        }
        var output = magic + key.bytes + writer.bytes
        let checksum = writer.bytes.withUnsafeBytes { RecordChecksum.of($0) }
        withUnsafeBytes(of: checksum.littleEndian) { output += $0 }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = AtomicOutput.replace(file, with: output, temporaryPrefix: ".search-index.tmp-", sync: false)
    }
}
