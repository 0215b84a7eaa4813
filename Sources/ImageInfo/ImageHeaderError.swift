/// Why an image's dimensions could not be read; a page then shows the image without them.
public enum ImageHeaderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes start like none of the formats read.
    case unknownFormat
    /// The file ends before the header says what the dimensions are.
    case truncated(ImageFormat)
    /// The header contradicts its format (a zero width, a marker where none may be).
    case malformed(ImageFormat, String)

    public var description: String {
        switch self {
        case .unknownFormat: "not a PNG, JPEG, GIF, WebP or SVG file"
        case .truncated(let format): "the \(format.rawValue.uppercased()) header is cut short"
        case .malformed(let format, let reason): "malformed \(format.rawValue.uppercased()) header: \(reason)"
        }
    }
}
