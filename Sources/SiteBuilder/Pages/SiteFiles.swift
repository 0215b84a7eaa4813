import Foundation
import ImageInfo

/// The files a site copies rather than renders: static/ files (the site's over the theme's),
/// robots.txt (the site's own or a generated one), and the assets of bundles.
struct SiteFiles {
    /// robots.txt, then the static files in path byte order.
    let rootFiles: [any OutputKind]
    /// The favicon's site path, when the static files have one.
    let favicon: String?
    private let inventory: SiteInventory
    private let siteDirectory: URL
    private let display: (String) -> String

    init(inventory: SiteInventory, themeStatic: [String: Data], siteDirectory: URL, display: @escaping (String) -> String) {
        self.inventory = inventory
        self.siteDirectory = siteDirectory
        self.display = display
        var sources: [String: (source: StaticSource, owner: String)] = [:]
        for (output, data) in themeStatic { sources[output] = (.theme(data), "built-in theme static/\(output)") }
        for (output, path) in inventory.staticFiles { sources[output] = (.site(siteDirectory.appendingPathComponent(path).path), display(path)) }
        favicon = ["favicon.svg", "favicon.ico", "favicon.png"].first { sources[$0] != nil }.map { "/" + $0 }

        let robots = SiteURLs.outputFile(for: SiteURLs.robots)
        func kind(_ output: String) -> any OutputKind {
            let (source, owner) = sources[output]!
            return output.hasSuffix(".css") ? Stylesheet(file: output, owner: owner, source: source)
                : StaticFile(file: output, owner: owner, source: source)
        }
        // The site's own static/robots.txt (only that) replaces the generated robots.txt, in its place.
        let siteRobots = inventory.staticFiles[robots] != nil
        var files: [any OutputKind] = [siteRobots ? kind(robots) : RobotsFile()]
        for output in sources.keys.sorted(by: { $0.precedesInUTF8($1) }) where !(output == robots && siteRobots) {
            files.append(kind(output))
        }
        rootFiles = files
    }

    /// The image files among the static files and the assets of `documents`' bundles, by
    /// percent-decoded site path (`/img/a.png`), for `SiteImages`.
    func imageFiles(of documents: [Document]) -> [String: SiteImages.File] {
        var images: [String: SiteImages.File] = [:]
        func add(_ kind: any OutputKind) {
            guard ImageFormat(fileName: kind.file) != nil else { return }
            if let file = kind as? StaticFile { images["/" + file.file] = SiteImages.File(source: file.source, owner: file.owner) }
        }
        rootFiles.forEach(add)
        for document in documents where document.bundle != nil { assets(of: document).forEach(add) }
        return images
    }

    /// The assets of `document`'s bundle, copied beside its page, in path byte order.
    func assets(of document: Document) -> [StaticFile] {
        guard let bundle = document.bundle, let assets = inventory.assets[bundle] else { return [] }
        let directory = SiteURLs.outputFile(for: document.path).split(separator: "/").dropLast().joined(separator: "/")
        return assets.sorted(by: { $0.precedesInUTF8($1) }).map { asset in
            let relative = String(asset.dropFirst(bundle.count + 1))
            return StaticFile(file: directory.isEmpty ? relative : directory + "/" + relative, owner: display(asset),
                source: .site(siteDirectory.appendingPathComponent(asset).path))
        }
    }
}
