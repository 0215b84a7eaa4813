/// PNG: the signature, then the IHDR chunk, whose first fields are the width and height.
enum PNGHeader {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    static func read(_ data: ArraySlice<UInt8>) -> Result<ImageDimensions, ImageHeaderError> {
        guard let width = data.uint32BE(at: 16), let height = data.uint32BE(at: 20) else { return .failure(.truncated(.png)) }
        guard data.matches("IHDR", at: 12) else { return .failure(.malformed(.png, "the first chunk is not IHDR")) }
        guard width > 0, height > 0 else { return .failure(.malformed(.png, "a zero width or height")) }
        return .success(ImageDimensions(width: width, height: height, format: .png))
    }
}
