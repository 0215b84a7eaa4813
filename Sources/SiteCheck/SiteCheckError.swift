/// Why a site could not be checked at all (as opposed to what is broken in it).
public enum SiteCheckError: Error, CustomStringConvertible, Equatable {
    /// The output folder does not exist.
    case outputFolderMissing(path: String)
    /// The output path exists but is a file.
    case outputIsNotAFolder(path: String)
    /// A file of the site could not be read.
    case unreadableFile(path: String, reason: String)
    /// A file or folder name is not UTF-8 (UnixFS cannot hold it; `blogctl pack` refuses it too).
    case nameNotUTF8(path: String)

    public var description: String {
        switch self {
        case .outputFolderMissing(let path): "no built site at \(path): the folder does not exist"
        case .outputIsNotAFolder(let path): "\(path) is a file, not a built site folder"
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .nameNotUTF8(let path): "\(path): the name is not UTF-8, which IPFS cannot publish; rename it"
        }
    }
}
