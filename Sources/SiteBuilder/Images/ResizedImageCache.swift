import ContentAddressing
import Foundation
import ImageInfo
import POSIXFiles

/// Resized copies kept between builds (`.blogctl-cache/images/<key>.<ext>`), found by the
/// SHA-256 of the source image's bytes, the width, the format, the encoder settings and
/// libvips' version: a copy is never made twice of the same bytes, whatever its file is called.
struct ResizedImageCache: Sendable {
    let directory: URL

    /// The key of `source`'s copy `width` pixels wide in `format`.
    static func key(source: Data, width: Int, format: ImageFormat) -> String {
        var material = Array("blogctl resized image 1\u{0}\(width)\u{0}\(format.rawValue)\u{0}\(ImageResizer.settings)\u{0}".utf8)
        material += ImageResizer.libraryVersion.utf8
        material.append(0)
        material += SHA256.digest(source)
        return SHA256.digest(material).map { String(format: "%02x", $0) }.joined()
    }

    /// The copy stored under `key`, if any.
    func bytes(key: String, format: ImageFormat) -> Data? {
        try? Data(contentsOf: file(key: key, format: format))
    }

    /// Stores a copy; a failure only means the next build makes it again.
    func store(_ data: Data, key: String, format: ImageFormat) {
        AtomicOutput.replace(file(key: key, format: format), with: Array(data), temporaryPrefix: ".tmp-", sync: false)
    }

    private func file(key: String, format: ImageFormat) -> URL {
        directory.appendingPathComponent("\(key).\(format.rawValue)")
    }
}
