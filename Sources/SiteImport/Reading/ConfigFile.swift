import Foundation

/// A config file found in the source site and parsed by its extension.
struct ConfigFile: Sendable {
    /// Relative to SRC_DIR (`hugo.toml`, `config/_default/hugo.yaml`).
    var path: String
    var table: ImportTable

    /// The first of `candidates` that exists under `root`, parsed; nil when none does.
    static func first(of candidates: [String], in root: URL) throws(ImportError) -> ConfigFile? {
        for candidate in candidates where FileManager.default.fileExists(atPath: root.appendingPathComponent(candidate).path) {
            let text = try TextFile.read(root, candidate)
            let table = candidate.hasSuffix(".toml")
                ? try TOMLReader.table(text, file: candidate, firstLine: 1)
                : try YAMLReader.table(text, file: candidate, firstLine: 1)
            return ConfigFile(path: candidate, table: table)
        }
        return nil
    }
}

/// Reading a source file as UTF-8 text, with errors that name it.
enum TextFile {
    static func read(_ root: URL, _ relative: String) throws(ImportError) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: root.appendingPathComponent(relative))
        } catch {
            throw .unreadable(path: relative, reason: (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path: relative, reason: "not UTF-8 text") }
        return text
    }
}
