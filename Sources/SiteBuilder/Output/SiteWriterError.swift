/// Failures of `SiteWriter` that its caller handles itself (`SiteBuilder.build` builds again
/// keeping nothing).
enum SiteWriterError: Error, CustomStringConvertible {
    /// The recycled tree could not be rewritten, and the output counted on files kept in it.
    case reusedTreeFailed

    var description: String {
        switch self {
        case .reusedTreeFailed: "the previous output folder could not be rewritten, and this output keeps files from it; build again"
        }
    }
}
