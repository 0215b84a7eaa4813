import BuiltinTheme
import Foundation

/// `blogctl theme export`: the built-in theme's files written out, so a site can change any of
/// them (a site's `templates/` overrides the theme file by file).
public enum ThemeExport {
    /// Writes every theme file under `directory`; returns their relative paths, sorted. Refuses,
    /// writing nothing, when one exists already, unless `overwrite`. Each file is written whole
    /// (a temporary file renamed into place).
    @discardableResult
    public static func write(to directory: URL, overwrite: Bool = false, files: [String: Data] = BuiltinTheme.files) throws(SiteBuildError) -> [String] {
        let paths = files.keys.sorted { $0.precedesInUTF8($1) }
        let fileManager = FileManager.default
        if !overwrite {
            let existing = paths.filter { fileManager.fileExists(atPath: directory.appendingPathComponent($0).path) }
            if let first = existing.first {
                throw .io(path: directory.appendingPathComponent(first).path,
                    "already exists\(existing.count > 1 ? " (and \(existing.count - 1) more theme files)" : ""); nothing written (--force replaces them)")
            }
        }
        for path in paths {
            let url = directory.appendingPathComponent(path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url, options: .atomic)
            } catch {
                throw .io(path: url.path, "cannot write: \(fileErrorReason(error, path: url.path))")
            }
        }
        return paths
    }
}
