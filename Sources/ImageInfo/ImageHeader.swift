/// Reads an image's dimensions from the first bytes of its file, by its signature (not its
/// name): PNG, JPEG, GIF, WebP and SVG. Never traps on bad input; it returns why instead.
public enum ImageHeader {
    /// The dimensions stated by `bytes`, the start of an image file (or all of it).
    public static func dimensions(of bytes: [UInt8]) -> Result<ImageDimensions, ImageHeaderError> {
        let data = bytes[...]
        if data.starts(with: PNGHeader.signature) { return PNGHeader.read(data) }
        if data.starts(with: [0xFF, 0xD8]) { return JPEGHeader.read(data) }
        if data.matches("GIF87a", at: 0) || data.matches("GIF89a", at: 0) { return GIFHeader.read(data) }
        if data.matches("RIFF", at: 0), data.matches("WEBP", at: 8) { return WebPHeader.read(data) }
        if SVGHeader.looksLikeSVG(data) { return SVGHeader.read(data) }
        return .failure(.unknownFormat)
    }
}
