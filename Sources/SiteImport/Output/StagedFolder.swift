import Foundation

/// The imported site is written into a temporary folder beside DEST_DIR and renamed into place
/// only when everything is written: a failed import leaves no half-written site.
struct StagedFolder: Sendable {
    let destination: URL
    let staging: URL

    /// Checks DEST_DIR (absent or an empty folder, in an existing folder) and makes the staging folder.
    init(destination: URL) throws(ImportError) {
        let manager = FileManager.default
        let path = destination.path
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .destinationUnusable(path: path, reason: "exists and is not a folder: import into a new or empty folder") }
            let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? ["?"]
            guard entries.isEmpty else { throw .destinationNotEmpty(path: path) }
        }
        let parent = destination.deletingLastPathComponent()
        guard manager.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .destinationUnusable(path: path, reason: "its folder \(parent.path) does not exist")
        }
        self.destination = destination
        staging = parent.appendingPathComponent(".\(destination.lastPathComponent).import-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw .destinationUnusable(path: parent.path, reason: "cannot create a folder there: \((error as NSError).localizedDescription)")
        }
    }

    /// Writes `text` at `relative` inside the staging folder.
    func write(_ text: String, to relative: String) throws(ImportError) {
        let url = staging.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        } catch {
            throw .writeFailed(path: relative, reason: (error as NSError).localizedDescription)
        }
    }

    /// Copies the file `source` to `relative` inside the staging folder.
    func copy(_ source: URL, to relative: String, display: String) throws(ImportError) {
        let url = staging.appendingPathComponent(relative)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source, to: url)
        } catch {
            throw .unreadable(path: display, reason: (error as NSError).localizedDescription)
        }
    }

    /// Renames the staging folder to DEST_DIR (removing the empty folder there first).
    func commit() throws(ImportError) {
        let manager = FileManager.default
        if manager.fileExists(atPath: destination.path) {
            // Empty, as checked: rmdir fails rather than deleting anything written there since.
            guard rmdir(destination.path) == 0 else { throw .destinationNotEmpty(path: destination.path) }
        }
        guard rename(staging.path, destination.path) == 0 else {
            throw .writeFailed(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Removes the staging folder after a failure.
    func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
