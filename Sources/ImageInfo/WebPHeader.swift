/// WebP: a RIFF container whose first chunk is lossy (`VP8 `: a key frame header), lossless
/// (`VP8L`: 14-bit sizes after a signature byte) or extended (`VP8X`: a 24-bit canvas size).
enum WebPHeader {
    static func read(_ data: ArraySlice<UInt8>) -> Result<ImageDimensions, ImageHeaderError> {
        guard let chunk = data.bytes(at: 12, 4) else { return .failure(.truncated(.webp)) }
        let width: Int
        let height: Int
        switch String(decoding: chunk, as: UTF8.self) {
        case "VP8 ":
            guard let start = data.bytes(at: 23, 3), let w = data.uint16LE(at: 26), let h = data.uint16LE(at: 28) else {
                return .failure(.truncated(.webp))
            }
            guard start.elementsEqual([0x9D, 0x01, 0x2A]) else { return .failure(.malformed(.webp, "no VP8 key frame start code")) }
            // The top two bits are the upscaling hint, not the size.
            (width, height) = (w & 0x3FFF, h & 0x3FFF)
        case "VP8L":
            guard let bits = data.bytes(at: 20, 5) else { return .failure(.truncated(.webp)) }
            guard bits.first == 0x2F else { return .failure(.malformed(.webp, "no VP8L signature")) }
            let b = bits.dropFirst().map(Int.init)
            width = 1 + (b[0] | (b[1] & 0x3F) << 8)
            height = 1 + (b[1] >> 6 | b[2] << 2 | (b[3] & 0x0F) << 10)
        case "VP8X":
            guard let w = data.uint24LE(at: 24), let h = data.uint24LE(at: 27) else { return .failure(.truncated(.webp)) }
            (width, height) = (w + 1, h + 1)
        default:
            return .failure(.malformed(.webp, "unknown first chunk '\(String(decoding: chunk, as: UTF8.self))'"))
        }
        guard width > 0, height > 0 else { return .failure(.malformed(.webp, "a zero width or height")) }
        return .success(ImageDimensions(width: width, height: height, format: .webp))
    }
}
