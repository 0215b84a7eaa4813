import Foundation

/// What is in a source site's content/ folder: documents, section files, loose files.
struct ContentScan: Sendable {
    var documents: [SourceDocument] = []
    /// `_index.md` section files, relative to SRC_DIR (`content/posts/_index.md`).
    var sectionFiles: [String] = []
    /// Files outside any bundle that are not Markdown (`content/posts/diagram.png`), relative to SRC_DIR;
    /// they are copied to static/ at the same site path, so their URLs stay the same.
    var looseFiles: [String] = []
    /// Content in formats blogctl does not read (`.html`, `.org`, `.adoc`), relative to SRC_DIR.
    var otherFormats: [String] = []

    static let markdownExtensions: Set<String> = ["md", "markdown"]
    /// Content formats Hugo renders besides Markdown: they are pages there, not files to copy.
    static let otherContentExtensions: Set<String> = ["html", "htm", "org", "adoc", "asciidoc", "ad", "rst", "pdc", "pandoc"]

    /// Scans `root/content`.
    init(root: URL) throws(ImportError) {
        try walk(root: root, relative: "content", sections: [])
        documents.sort { $0.file < $1.file }
    }

    private mutating func walk(root: URL, relative: String, sections: [String]) throws(ImportError) {
        let names = try Self.list(root.appendingPathComponent(relative), display: relative)
        if let index = names.first(where: { Self.isIndex($0) }), relative != "content" {
            let assets = try Self.files(root: root, relative: relative).filter { $0 != index }
            documents.append(SourceDocument(file: relative + "/" + index, bundleFolder: relative, sections: Array(sections.dropLast()),
                baseName: sections.last ?? "", assets: assets))
            return
        }
        for name in names {
            let path = relative + "/" + name
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue {
                try walk(root: root, relative: path, sections: sections + [name])
                continue
            }
            let (stem, ext) = Self.split(name)
            if Self.markdownExtensions.contains(ext) {
                if stem.lowercased() == "_index" {
                    sectionFiles.append(path)
                } else {
                    documents.append(SourceDocument(file: path, sections: sections, baseName: stem))
                }
            } else if Self.otherContentExtensions.contains(ext) {
                otherFormats.append(path)
            } else {
                looseFiles.append(path)
            }
        }
    }

    static func isIndex(_ name: String) -> Bool {
        let (stem, ext) = split(name)
        return stem.lowercased() == "index" && markdownExtensions.contains(ext)
    }

    /// `hello.md` -> (`hello`, `md`); the extension lowercased.
    static func split(_ name: String) -> (stem: String, ext: String) {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (name, "") }
        return (String(name[..<dot]), name[name.index(after: dot)...].lowercased())
    }

    /// A folder's entries, sorted; hidden names (`.DS_Store`, editor files) only when `hidden`.
    static func list(_ url: URL, display: String, hidden: Bool = false) throws(ImportError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: url.path).filter { hidden || !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .unreadable(path: display, reason: (error as NSError).localizedDescription)
        }
    }

    /// Every file under `relative` (recursively), relative to it, sorted; hidden ones when `hidden`
    /// (static/.well-known/ is published, as Hugo and Zola do), except `.DS_Store` and `.gitkeep`.
    static func files(root: URL, relative: String, hidden: Bool = false) throws(ImportError) -> [String] {
        var result: [String] = []
        func visit(_ sub: String) throws(ImportError) {
            let folder = sub.isEmpty ? relative : relative + "/" + sub
            for name in try list(root.appendingPathComponent(folder), display: folder, hidden: hidden) where name != ".DS_Store" && name != ".gitkeep" {
                let path = sub.isEmpty ? name : sub + "/" + name
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: root.appendingPathComponent(relative + "/" + path).path, isDirectory: &isFolder)
                if isFolder.boolValue { try visit(path) } else { result.append(path) }
            }
        }
        try visit("")
        return result
    }
}
