/// Decides whether one reference resolves within the site (all but the fragment check, which
/// needs every page scanned first).
struct ReferenceChecker: Sendable {
    enum Outcome {
        /// Not checked: external, fragment-only or empty.
        case skipped
        case fine
        case broken(BrokenReference.Kind, String)
        /// The file exists; the fragment must still be found among the target page's anchors.
        case fragmentToCheck(target: PathKey, id: PathKey)
    }

    let site: SiteFiles
    /// The site's path on its host, `/` or `/blog/`: where the root `404.html` links from.
    let sitePath: [UInt8]

    private static let indexFile = Array("index.html".utf8)
    /// Gateways serve this page, through `_redirects`, in place of a missing page at any depth
    /// and only where the site sits at a host's root, so its links are root-relative by design.
    static let notFoundPage = Array("404.html".utf8)
    private static let textFragment = Array(":~:".utf8)

    func check(_ reference: [UInt8], from page: [UInt8]) -> Outcome {
        let isNotFoundPage = page == Self.notFoundPage
        switch ReferenceResolver.resolve(reference, from: page, sitePath: isNotFoundPage ? sitePath : nil) {
        case .external, .ignored:
            return .skipped
        case .rootAbsolute where isNotFoundPage:
            return .broken(.rootAbsolute, "outside the site's path \(String(decoding: sitePath, as: UTF8.self))")
        case .rootAbsolute:
            return .broken(.rootAbsolute, "root-absolute path; links must be page-relative to work on IPFS path gateways")
        case .escapesRoot:
            return .broken(.escapesRoot, "points above the site's root folder")
        case .local(let path, let isDirectory, let fragment):
            var target = PathKey(path)
            if isDirectory || (!site.files.contains(target) && site.directories.contains(target)) {
                target = PathKey(path.isEmpty ? Self.indexFile : path + [Bytes.slash] + Self.indexFile)
            }
            guard site.files.contains(target) else {
                if let link = site.symlink(on: target) {
                    return .broken(.missingTarget, "\(link.string) is a symlink; IPFS gateways do not follow symlinks")
                }
                return .broken(.missingTarget, "no such file: \(target.string)")
            }
            if let fragment, !fragment.isEmpty, !fragment.starts(with: Self.textFragment), SiteFiles.isHTML(target.bytes) {
                return .fragmentToCheck(target: target, id: PathKey(Bytes.percentDecoded(fragment)))
            }
            return .fine
        }
    }
}
