/// GIF: the logical screen size follows the six-byte signature, little-endian.
enum GIFHeader {
    static func read(_ data: ArraySlice<UInt8>) -> Result<ImageDimensions, ImageHeaderError> {
        guard let width = data.uint16LE(at: 6), let height = data.uint16LE(at: 8) else { return .failure(.truncated(.gif)) }
        guard width > 0, height > 0 else { return .failure(.malformed(.gif, "a zero width or height")) }
        return .success(ImageDimensions(width: width, height: height, format: .gif))
    }
}
