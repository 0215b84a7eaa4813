/// The image formats whose headers `ImageHeader` reads.
public enum ImageFormat: String, Sendable, Codable, CaseIterable {
    case png, jpeg, gif, webp, svg

    /// The media type feeds and `<source type>` name it by.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .svg: "image/svg+xml"
        }
    }

    /// The format a file name's extension promises (case-insensitive); nil for other files.
    public init?(fileName: some StringProtocol) {
        guard let dot = fileName.lastIndex(of: ".") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        case "gif": self = .gif
        case "webp": self = .webp
        case "svg": self = .svg
        default: return nil
        }
    }
}
