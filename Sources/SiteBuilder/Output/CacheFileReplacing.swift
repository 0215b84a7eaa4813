import Foundation

/// Replacing a build cache file whole (the document cache, an output manifest): written beside
/// it under a temporary name, then renamed over it, so no reader ever sees half a file.
enum CacheFileReplacing {
    /// Writes `bytes` as `target`, making its folder when needed; the temporary file is named
    /// `<temporaryPrefix><random>`. False when it could not (no temporary file is left behind).
    @discardableResult
    static func replace(_ target: URL, with bytes: [UInt8], temporaryPrefix: String) -> Bool {
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent("\(temporaryPrefix)\(UInt64.random(in: 0...UInt64.max))")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: temporary)
            guard rename(temporary.path, target.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
            return true
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
    }
}
