#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads the dimensions of an image file from its first bytes.
public enum ImageFile {
    /// Most headers sit in the first bytes; a JPEG's frame header may follow large EXIF or ICC
    /// segments, so a cut-short JPEG header is read again from up to `jpegLimit` bytes.
    static let firstRead = 65_536
    static let jpegLimit = 16 << 20

    /// The dimensions of the file at `path`; a file that cannot be read counts as cut short.
    public static func dimensions(atPath path: String) -> Result<ImageDimensions, ImageHeaderError> {
        let start = prefix(of: path, count: firstRead)
        let result = ImageHeader.dimensions(of: start)
        if case .failure(.truncated(.jpeg)) = result, start.count == firstRead {
            return ImageHeader.dimensions(of: prefix(of: path, count: jpegLimit))
        }
        return result
    }

    /// Up to `count` bytes from the start of the file (fewer at its end or on an error).
    static func prefix(of path: String, count: Int) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, count - filled) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        bytes.removeSubrange(filled...)
        return bytes
    }
}
