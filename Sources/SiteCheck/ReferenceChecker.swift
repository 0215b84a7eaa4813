/// Decides whether one reference resolves within the site.
struct ReferenceChecker {
    struct Outcome {
        /// nil when the reference is fine.
        let problem: (BrokenReference.Kind, String)?
    }

    let site: SiteFiles
    let anchors: [[UInt8]: Set<[UInt8]>]

    private static let indexFile = Array("index.html".utf8)

    /// nil for references that are not checked (external, fragment-only, empty).
    func check(_ reference: [UInt8], from page: [UInt8]) -> Outcome? {
        switch ReferenceResolver.resolve(reference, from: page) {
        case .external, .ignored:
            return nil
        case .rootAbsolute:
            return Outcome(problem: (.rootAbsolute,
                "root-absolute path; links must be page-relative to work on IPFS path gateways"))
        case .escapesRoot:
            return Outcome(problem: (.escapesRoot, "points above the site's root folder"))
        case .local(let path, let isDirectory, let fragment):
            var target = path
            if isDirectory || (!site.files.contains(path) && site.directories.contains(path)) {
                target = path.isEmpty ? Self.indexFile : path + [Bytes.slash] + Self.indexFile
            }
            guard site.files.contains(target) else {
                return Outcome(problem: (.missingTarget, "no such file: \(String(decoding: target, as: UTF8.self))"))
            }
            if let fragment, !fragment.isEmpty, !fragment.starts(with: Array(":~:".utf8)),
               let targets = anchors[target] {
                let id = Bytes.percentDecoded(fragment[...])
                if !targets.contains(id) {
                    return Outcome(problem: (.missingFragment,
                        "no id or name \"\(String(decoding: id, as: UTF8.self))\" in \(String(decoding: target, as: UTF8.self))"))
                }
            }
            return Outcome(problem: nil)
        }
    }
}
