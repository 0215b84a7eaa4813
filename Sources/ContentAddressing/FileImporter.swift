import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Imports single files: bytes in memory or a file on disk, chunked and laid out per profile.
/// Reuse one for many files; blocks go to `store`.
public struct FileImporter: Sendable {
    /// How files are chunked, laid out and named.
    public let profile: ImportProfile
    let sink: BlockSink

    /// An importer that puts every block into `store`.
    public init(profile: ImportProfile = .default, store: any BlockStore) {
        self.profile = profile
        self.sink = BlockSink(store: store, profile: profile, counting: false)
    }

    /// The UnixFS file holding `bytes`.
    public func importBytes(_ bytes: [UInt8]) throws(ImportError) -> ImportedNode {
        let chunker = FileChunker(profile: profile, sink: sink)
        let leaves = try chunker.leaves(of: .memory(bytes), chunks: 0..<chunker.chunkCount(length: bytes.count))
        return try BalancedLayout(profile: profile, sink: sink).root(of: leaves)
    }

    /// The UnixFS file holding `data`, read in place (a built page's bytes are not copied first).
    public func importData(_ data: Data) throws(ImportError) -> ImportedNode {
        let chunker = FileChunker(profile: profile, sink: sink)
        let leaves = try chunker.leaves(of: .data(data), chunks: 0..<chunker.chunkCount(length: data.count))
        return try BalancedLayout(profile: profile, sink: sink).root(of: leaves)
    }

    /// The regular file at `url` (a symlink there is followed), read in chunks, never whole; a big
    /// file is hashed on several cores.
    public func importFile(at url: URL,
                           maxConcurrency: Int = ProcessInfo.processInfo.activeProcessorCount) async throws(ImportError) -> ImportedNode {
        let path = url.relativePath
        var st = stat()
        guard stat(path, &st) == 0 else { throw ImportError.system(errno, path: path) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            let kind = DiskWalker.kindName(st.st_mode)
            throw st.st_mode & S_IFMT == S_IFDIR ? .notAFile(path: path, kind: kind) : .unsupportedFileType(path: path, kind: kind)
        }
        // The chunk reader opens with O_NOFOLLOW (a walked tree's links are symlink nodes), while
        // this function follows links (stat above): read the file the link leads to.
        guard let real = realpath(path, nil) else { throw ImportError.system(errno, path: path) }
        let target = String(cString: real)
        free(real)
        var plan = ImportPlan()
        plan.root = plan.addFile(.disk(path: target, length: Int(st.st_size)), path: path)
        return try await ImportEngine(sink: sink, maxConcurrency: maxConcurrency, progress: nil).run(ImportEngine.replaying(plan)).root
    }

    /// The UnixFS symlink node pointing at `target`.
    public func importSymlink(target: String) throws(ImportError) -> ImportedNode {
        let bytes = UnixFSNodes.symlink(target: Array(target.utf8))
        return ImportedNode(cid: try sink.putDAGPB(bytes), tsize: UInt64(bytes.count), size: UInt64(target.utf8.count))
    }
}
