/// Where each document goes in blogctl's layout: posts directly in content/posts/, pages
/// directly in content/ (blogctl has no nested sections), as files or bundles.
enum DestinationNames {
    /// Folder names a page cannot take: blogctl's own content folder.
    static let reserved: Set<String> = ["posts"]

    /// Sets `destination` on every document; a name already taken in its folder gets the old
    /// section folders in front (`2024-hello`), then a number.
    static func assign(_ documents: inout [ImportedDocument]) {
        var taken: [String: Set<String>] = ["content/posts": [], "content": reserved]
        // Shallow documents first: content/posts/hello.md keeps its name over content/posts/2022/hello.md.
        let order = documents.indices.sorted { (documents[$0].source.sections.count, documents[$0].source.file) < (documents[$1].source.sections.count, documents[$1].source.file) }
        for index in order {
            let document = documents[index]
            let folder = document.kind == .post ? "content/posts" : "content"
            let base = cleaned(document.source.baseName.isEmpty ? "index" : document.source.baseName)
            var candidates = [base]
            let sections = document.source.sections.dropFirst(document.kind == .post ? 1 : 0).map(cleaned)
            if !sections.isEmpty { candidates.append((sections + [base]).joined(separator: "-")) }
            var name = candidates.first { !taken[folder, default: []].contains($0.lowercased()) }
            var number = 2
            while name == nil {
                let candidate = "\(candidates.last!)-\(number)"
                if !taken[folder, default: []].contains(candidate.lowercased()) { name = candidate }
                number += 1
            }
            taken[folder, default: []].insert(name!.lowercased())
            documents[index].destination = document.source.bundleFolder != nil
                ? "\(folder)/\(name!)/index.md"
                : "\(folder)/\(name!).md"
        }
    }

    /// A file or folder name without path separators or a leading dot.
    private static func cleaned(_ name: String) -> String {
        var text = name.replacing("/", with: "-").replacing("\\", with: "-")
        while text.hasPrefix(".") { text.removeFirst() }
        return text.isEmpty ? "untitled" : text
    }
}
