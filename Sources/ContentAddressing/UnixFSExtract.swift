import Foundation
import POSIXFiles

extension UnixFSReader {
    /// Writes the tree under `root` into the folder `destination`, which must not exist or be empty.
    /// Work happens in a temp folder beside it, renamed into place at the end, so an error leaves nothing behind.
    /// Symlinks are created, never followed; a root that is a file or symlink is written as `destination/<cid>`.
    public func extract(root: CID, to destination: URL) throws(UnixFSError) {
        let target = destination.standardizedFileURL
        // attributesOfItem does not follow symlinks: a link at the destination counts as occupied, not as its target.
        if let type = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.type] as? FileAttributeType {
            let contents = type == .typeDirectory ? (try? FileManager.default.contentsOfDirectory(atPath: target.path)) : nil
            guard contents?.isEmpty == true else { throw .destinationNotEmpty(path: target.path) }
        }
        let temp = AtomicOutput.temporarySibling(of: target)
        do throws(UnixFSError) {
            try makeDirectory(temp, shownAs: target.path)
            try walk(root: root) { (entry) throws(UnixFSError) in
                let name = entry.path.isEmpty ? root.string : entry.path
                try write(entry, at: temp.appendingPathComponent(name), shownAs: target.appendingPathComponent(name).path)
            }
            do { try AtomicOutput.rename(temp, to: target) } catch {
                throw UnixFSError.writeFailed(path: target.path, reason: error.reason)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw error
        }
    }

    private func write(_ entry: UnixFSEntry, at url: URL, shownAs shown: String) throws(UnixFSError) {
        switch entry.kind {
        case .directory:
            try makeDirectory(url, shownAs: shown)
        case .symlink(let target):
            guard symlink(target, url.path) == 0 else {
                throw .writeFailed(path: shown, reason: systemErrorMessage())
            }
        case .other:
            throw .malformedNode(entry.cid, path: entry.path, reason: "codec 0x\(String(entry.cid.codec, radix: 16)) is not UnixFS and cannot be extracted")
        case .file:
            do {
                // O_EXCL | O_NOFOLLOW: never overwrite, never write through a link.
                let file = try BufferedFileWriter(creating: url.path)
                try readFile(entry.cid, path: entry.path) { try file.write($0) }
                try file.finish(sync: false)
            } catch let error as FileIOError {
                throw .writeFailed(path: shown, reason: error.reason)
            } catch let error as UnixFSError {
                throw error
            } catch {
                throw .writeFailed(path: shown, reason: "\(error)")
            }
        }
    }

    private func makeDirectory(_ url: URL, shownAs shown: String) throws(UnixFSError) {
        guard mkdir(url.path, 0o755) == 0 else {
            throw .writeFailed(path: shown, reason: systemErrorMessage())
        }
    }
}
