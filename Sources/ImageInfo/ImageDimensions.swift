/// An image's size in CSS pixels as its header states it, and its format.
public struct ImageDimensions: Sendable, Hashable, Codable {
    public var width: Int
    public var height: Int
    public var format: ImageFormat

    public init(width: Int, height: Int, format: ImageFormat) {
        self.width = width
        self.height = height
        self.format = format
    }
}
