import Foundation

/// What one file of a site folder is for, decided from its path alone (so a rebuild can
/// classify just the files that changed).
enum SourceRole: Sendable, Equatable {
    case config
    /// A post or page source; `bundle` is its folder when it is a bundle's `index.md`.
    case document(DocumentKind, bundle: String?)
    /// A file beside a bundle's `index.md`, copied next to that document's output.
    case bundleAsset(owner: String)
    /// A file under `static/`, copied to this path below the output root.
    case staticFile(String)
    /// A file under `templates/`, at this path relative to it.
    case template(String)
    case ignored

    static func classify(_ path: String) -> SourceRole {
        if path == "site.yml" { return .config }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return .ignored }
        switch parts[0] {
        case "static": return .staticFile(String(path.dropFirst("static/".count)))
        case "templates": return .template(String(path.dropFirst("templates/".count)))
        case "content": break
        default: return .ignored
        }
        // Editor droppings (.DS_Store, .#x.md) are not content.
        if parts.dropFirst().contains(where: { $0.hasPrefix(".") }) { return .ignored }
        let isMarkdown = path.hasSuffix(".md")
        if parts[1] == "posts" {
            if parts.count == 3 { return isMarkdown ? .document(.post, bundle: nil) : .ignored }
            if parts.count == 4, parts[3] == "index.md" { return .document(.post, bundle: parts[0...2].joined(separator: "/")) }
            if parts.count >= 4 { return .bundleAsset(owner: parts[0...2].joined(separator: "/") + "/index.md") }
            return .ignored
        }
        if parts.count == 2 { return isMarkdown ? .document(.page, bundle: nil) : .ignored }
        if parts.count == 3, parts[2] == "index.md" { return .document(.page, bundle: parts[0...1].joined(separator: "/")) }
        return .bundleAsset(owner: parts[0...1].joined(separator: "/") + "/index.md")
    }
}

/// Posts or standalone pages.
public enum DocumentKind: String, Sendable, Equatable {
    case post
    case page
}

/// Every relevant file of a site folder by role, paths relative to the site folder.
struct SiteInventory: Sendable, Equatable {
    var documents: [String: SourceRole] = [:]
    /// Bundle assets by owner document path.
    var assets: [String: Set<String>] = [:]
    /// static/ files: output path -> source path.
    var staticFiles: [String: String] = [:]
    /// templates/ files: path relative to templates/ -> source path.
    var templateFiles: [String: String] = [:]

    /// Lists the whole site folder (hidden files included: `static/.well-known/` is real content).
    static func scan(_ root: URL) throws(SiteBuildError) -> SiteInventory {
        var inventory = SiteInventory()
        for folder in ["content", "static", "templates"] {
            let directory = root.appendingPathComponent(folder)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                continue
            }
            let subpaths: [String]
            do {
                subpaths = try FileManager.default.subpathsOfDirectory(atPath: directory.path)
            } catch {
                throw .io(path: directory.path, "cannot list folder: \(error.localizedDescription)")
            }
            for subpath in subpaths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(subpath).path, isDirectory: &isFolder),
                    !isFolder.boolValue
                else { continue }
                inventory.insert(folder + "/" + subpath)
            }
        }
        return inventory
    }

    mutating func insert(_ path: String) {
        switch SourceRole.classify(path) {
        case .document(let kind, let bundle): documents[path] = .document(kind, bundle: bundle)
        case .bundleAsset(let owner): assets[owner, default: []].insert(path)
        case .staticFile(let output): staticFiles[output] = path
        case .template(let name): templateFiles[name] = path
        case .config, .ignored: break
        }
    }

    /// Whether `path` is a file this inventory lists (a deleted folder is not: its path has no role).
    func contains(_ path: String) -> Bool {
        switch SourceRole.classify(path) {
        case .document: return documents[path] != nil
        case .bundleAsset(let owner): return assets[owner]?.contains(path) == true
        case .staticFile(let output): return staticFiles[output] == path
        case .template(let name): return templateFiles[name] == path
        case .config: return true
        case .ignored: return false
        }
    }

    mutating func remove(_ path: String) {
        switch SourceRole.classify(path) {
        case .document: documents[path] = nil
        case .bundleAsset(let owner):
            assets[owner]?.remove(path)
            if assets[owner]?.isEmpty == true { assets[owner] = nil }
        case .staticFile(let output): staticFiles[output] = nil
        case .template(let name): templateFiles[name] = nil
        case .config, .ignored: break
        }
    }
}
