import Foundation

/// The site folder a command works on.
enum SiteFolder {
    /// `given` as a URL; the default `.` is the nearest folder holding `site.yml`, here or above (as
    /// git finds its repository), so commands work from `content/posts/` too. It stays relative
    /// (`../..`) so what commands print stays short. When no folder up to the root holds a
    /// `site.yml`, `.` stays and the command's own "no site.yml" error names it.
    static func url(_ given: String) -> URL {
        guard given == "." else { return URL(fileURLWithPath: given) }
        var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        var levels = 0
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("site.yml").path) {
            let parent = folder.deletingLastPathComponent()
            guard parent.path != folder.path else { return URL(fileURLWithPath: ".") }
            folder = parent
            levels += 1
        }
        return URL(fileURLWithPath: levels == 0 ? "." : Array(repeating: "..", count: levels).joined(separator: "/"))
    }
}
