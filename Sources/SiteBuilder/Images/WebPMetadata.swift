import Foundation

/// Removes the metadata chunks (EXIF, XMP, ICC profile) from a WebP file. libvips 8.14 writes a
/// small EXIF chunk (resolution, orientation) even when asked to strip metadata.
enum WebPMetadata {
    private static let dropped: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// `data` without its metadata chunks, the `VP8X` flags and RIFF size to match; unchanged
    /// when it is not a RIFF WebP file.
    static func stripped(_ data: Data) -> Data {
        let bytes = [UInt8](data)
        guard bytes.count >= 12, bytes[0..<4].elementsEqual("RIFF".utf8), bytes[8..<12].elementsEqual("WEBP".utf8) else { return data }
        var output: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        var offset = 12
        var extendedHeader: Int?
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return data }
            if !dropped.contains(name) {
                if name == "VP8X" { extendedHeader = output.count + 8 }
                output += bytes[offset..<end]
            }
            offset = end
        }
        // VP8X flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
        if let flags = extendedHeader { output[flags] &= ~UInt8(0x20 | 0x08 | 0x04) }
        let riffSize = output.count - 8
        output.replaceSubrange(4..<8, with: [UInt8(riffSize & 0xFF), UInt8((riffSize >> 8) & 0xFF), UInt8((riffSize >> 16) & 0xFF), UInt8(riffSize >> 24)])
        return Data(output)
    }
}
