import Foundation

/// The built-in theme: every file of the package's `Templates/` folder, compiled in.
public enum BuiltinTheme {
    /// Theme files keyed by their path relative to `Templates/` (e.g. `layouts/base.mustache`).
    public static let files: [String: Data] = {
        var result: [String: Data] = [:]
        for entry in embeddedThemeFiles {
            // The embedder wrote this base64 itself; a failure here is a build bug, not user input.
            guard let data = Data(base64Encoded: entry.base64) else {
                preconditionFailure("BuiltinTheme: corrupt embedded file \(entry.path)")
            }
            result[entry.path] = data
        }
        return result
    }()
}
