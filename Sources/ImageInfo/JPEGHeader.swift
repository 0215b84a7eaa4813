/// JPEG: walks the marker segments after SOI to the first start-of-frame (SOF0–SOF15 but DHT,
/// JPG and DAC), whose header holds the height, then the width. EXIF orientation is not applied.
enum JPEGHeader {
    static func read(_ data: ArraySlice<UInt8>) -> Result<ImageDimensions, ImageHeaderError> {
        var offset = 2
        while true {
            guard let marker = data.bytes(at: offset, 2) else { return .failure(.truncated(.jpeg)) }
            guard marker.first == 0xFF else { return .failure(.malformed(.jpeg, "no marker at byte \(offset)")) }
            let code = marker.last!
            // Fill bytes: any number of 0xFF may come before a marker.
            if code == 0xFF {
                offset += 1
                continue
            }
            // Markers without a length: TEM, RST0–7, SOI.
            if code == 0x01 || (0xD0...0xD8).contains(code) {
                offset += 2
                continue
            }
            if code == 0xD9 || code == 0xDA { return .failure(.malformed(.jpeg, "no frame header before the image data")) }
            guard let length = data.uint16BE(at: offset + 2) else { return .failure(.truncated(.jpeg)) }
            guard length >= 2 else { return .failure(.malformed(.jpeg, "a segment length below 2")) }
            if (0xC0...0xCF).contains(code), code != 0xC4, code != 0xC8, code != 0xCC {
                guard let height = data.uint16BE(at: offset + 5), let width = data.uint16BE(at: offset + 7) else {
                    return .failure(.truncated(.jpeg))
                }
                // A height of 0 is allowed (a later DNL marker states it), but then nothing can be said.
                guard width > 0, height > 0 else { return .failure(.malformed(.jpeg, "a zero width or height")) }
                return .success(ImageDimensions(width: width, height: height, format: .jpeg))
            }
            offset += 2 + length
        }
    }
}
