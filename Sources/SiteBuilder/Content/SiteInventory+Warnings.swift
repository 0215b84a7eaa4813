import ContentAddressing
/// What a site folder holds that the build will not use the way its place suggests: so no
/// content is ever skipped silently.
extension SiteInventory {
    /// One warning per such file, sorted by path; `display` turns a site path into the path shown.
    func warnings(display: (String) -> String) -> [BuildWarning] {
        var bundles: Set<String> = []
        for role in documents.values {
            if case .document(_, let bundle?) = role { bundles.insert(bundle) }
        }
        var found: [(String, String)] = []
        for path in strays {
            if SourceRole.isSectionFile(path.split(separator: "/").last ?? "") {
                found.append((path, "not used: _index.md is a Hugo section file; blogctl makes the home page and /posts/ itself "
                    + "(change them with templates/home.mustache and templates/posts.mustache)"))
                continue
            }
            let folder = path.hasPrefix("content/posts/") ? "content/posts/" : "content/"
            found.append((path, "not used: only Markdown files (.md, .markdown) and bundle folders are read in \(folder); "
                + "put files for several pages in static/"))
        }
        for (folder, files) in assets {
            let kind = folder.hasPrefix("content/posts/") ? "post" : "page"
            for path in files {
                let isMarkdown = SourceRole.markdownExtensionLength(path.split(separator: "/").last ?? "") != nil
                if bundles.contains(folder) {
                    // A bundle's other files are its assets, copied as they are; Markdown there is likely meant as a page.
                    if isMarkdown {
                        found.append((path, "copied as a file, not rendered: only \(folder)/index.md becomes a \(kind)"))
                    }
                } else if isMarkdown {
                    let parent = folder.split(separator: "/").dropLast().joined(separator: "/")
                    // content/post/, content/blog/: most likely posts in the wrong folder.
                    let hint = kind == "page" ? " (posts go in content/posts/)" : ""
                    found.append((path, "not a \(kind): \(folder)/ has no index.md, so it is not a bundle; "
                        + "move the file up to \(parent)/ or make it \(folder)/index.md\(hint)"))
                } else {
                    found.append((path, "not copied: \(folder)/ has no index.md, so it is not a bundle; put files for several pages in static/"))
                }
            }
        }
        // The theme reads only Mustache files and static/ (a layouts/post.html from another tool would do nothing).
        for (name, path) in templateFiles where !name.hasPrefix("static/") && !name.hasSuffix(".mustache") {
            found.append((path, "not used: templates/ holds .mustache templates and static/ files (see docs/templates.md)"))
        }
        return found.sorted { $0.0.precedesInUTF8($1.0) }.map { BuildWarning(path: display($0.0), message: $0.1) }
    }
}
