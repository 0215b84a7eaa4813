import Foundation
import SiteBuilder
import Yams

/// A folder of files written by a test, and what the tests read back from an imported site.
struct SiteFolder {
    let url: URL

    /// A new empty folder under the system's temporary folder.
    static func temporary(_ name: String = "site") -> SiteFolder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("siteimport-\(UUID().uuidString)").appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return SiteFolder(url: url)
    }

    /// Writes `text` at `path`, creating folders.
    func write(_ path: String, _ text: String) {
        write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) {
        let file = url.appendingPathComponent(path)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! data.write(to: file)
    }

    func text(_ path: String) -> String? {
        (try? Data(contentsOf: url.appendingPathComponent(path))).map { String(decoding: $0, as: UTF8.self) }
    }

    func data(_ path: String) -> Data? { try? Data(contentsOf: url.appendingPathComponent(path)) }

    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: url.appendingPathComponent(path).path) }

    /// Every file under the folder, relative paths, sorted.
    func allFiles() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var files: [String] = []
        let base = url.resolvingSymlinksInPath().path + "/"
        for case let file as URL in enumerator where (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files.append(String(file.resolvingSymlinksInPath().path.dropFirst(base.count)))
        }
        return files.sorted()
    }

    /// The front matter of an imported Markdown file, parsed by Yams as YAML, and its body.
    func frontMatter(_ path: String) -> (matter: [String: Any], body: String)? {
        guard let text = text(path), text.hasPrefix("---\n"), let end = text.range(of: "\n---\n") else { return nil }
        let yaml = String(text[text.index(text.startIndex, offsetBy: 4)..<end.lowerBound])
        guard let matter = (try? Yams.load(yaml: yaml, SiteFolder.resolver)) as? [String: Any] else { return nil }
        return (matter, String(text[end.upperBound...]))
    }

    /// Builds the folder as a blogctl site (drafts and future posts included) into `public/`.
    func build() async throws -> BuildReport {
        try await SiteBuilder.build(siteDirectory: url, options: BuildOptions(includeDrafts: true, includeFuture: true))
    }
}

extension SiteFolder {
    /// A YAML mapping parsed as blogctl reads it (YAML 1.2 core types).
    static func yaml(_ text: String) -> [String: Any]? {
        (try? Yams.load(yaml: text, SiteFolder.resolver)) as? [String: Any]
    }
}

extension SiteFolder {
    /// Booleans, numbers and null typed; dates left as text, as blogctl reads them.
    static let resolver = Resolver.default.removing(.timestamp)
}

extension SiteFolder {
    /// Deletes the folder `temporary()` made this one (or its sibling) in, with everything beside it.
    func removeTemporaryRoot() {
        let root = url.deletingLastPathComponent()
        guard root.lastPathComponent.hasPrefix("siteimport-") else { return }
        try? FileManager.default.removeItem(at: root)
    }
}
