/// One output path and who asked for it (a source file, or "generated sitemap"), for conflict errors.
struct OutputClaim: Equatable {
    let file: String
    let owner: String

    /// Throws for the first path claimed twice (naming both claimants, the earlier first) and
    /// for a file that would also have to be a folder holding another claimed file.
    static func check<S: Sequence>(_ claims: S) throws(SiteBuildError) where S.Element == OutputClaim {
        var owners: [String: String] = [:]
        owners.reserveCapacity(claims.underestimatedCount)
        for claim in claims {
            if let first = owners[claim.file] { throw .urlConflict(path: "/" + claim.file, first: first, second: claim.owner) }
            owners[claim.file] = claim.owner
        }
        var folderClash: (folder: String, inside: String)?
        for file in owners.keys {
            var end = file.utf8.startIndex
            while let slash = file.utf8[end...].firstIndex(of: UInt8(ascii: "/")) {
                let folder = String(file[..<slash])
                if owners[folder] != nil, folderClash.map({ (folder, file) < ($0.folder, $0.inside) }) ?? true {
                    folderClash = (folder, file)
                }
                end = file.utf8.index(after: slash)
            }
        }
        if let folderClash {
            throw .urlConflict(path: "/" + folderClash.folder, first: owners[folderClash.folder]!,
                second: "\(owners[folderClash.inside]!) (which needs it to be a folder for /\(folderClash.inside))")
        }
    }
}
