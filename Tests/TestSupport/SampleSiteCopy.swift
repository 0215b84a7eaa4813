import Foundation

/// Copies of the repository's SampleSite for tests that build, serve or publish it.
public enum SampleSiteCopy {
    /// The repository's `SampleSite` folder.
    public static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("SampleSite")

    /// SampleSite's sources (`site.yml`, `content/`, `static/`, `templates/` when there) copied to
    /// `destination`, without what a build or publish in the repository left there (`public/`,
    /// caches, records, `site.car`), which would change what the copy builds or show up in its folder.
    public static func make(at destination: URL) throws {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in ["site.yml", "content", "static", "templates"] {
            let item = source.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: item.path) else { continue }
            try FileManager.default.copyItem(at: item, to: destination.appendingPathComponent(name))
        }
    }
}
