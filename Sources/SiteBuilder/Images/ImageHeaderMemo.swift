import ImageInfo

/// The dimensions of the image files a session has read, by absolute path and file identity:
/// a rebuild reads again only images whose files changed.
struct ImageHeaderMemo {
    private var known: [String: (identity: FileIdentity, result: Result<ImageDimensions, ImageHeaderError>)] = [:]

    /// The dimensions of the file at absolute `path`, whose identity is `identity` (nil: unknown, read every time).
    mutating func dimensions(atPath path: String, identity: FileIdentity?) -> Result<ImageDimensions, ImageHeaderError> {
        if let identity, let entry = known[path], entry.identity == identity { return entry.result }
        let result = ImageFile.dimensions(atPath: path)
        if let identity { known[path] = (identity, result) }
        return result
    }
}
