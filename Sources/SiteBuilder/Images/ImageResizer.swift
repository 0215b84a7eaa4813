import CVips
import Foundation
import ImageInfo

/// Why libvips could not make a resized copy.
struct ImageResizeError: Error, CustomStringConvertible {
    let description: String
}

/// Scales images down with libvips, with fixed encoder settings and all metadata stripped, so
/// the same input gives the same bytes on every build. libvips starts on the first use: a site
/// without `image_sizes` never starts it.
enum ImageResizer {
    /// Encoder settings; part of every cache key (`ResizedImageCache`).
    static let webpQuality = 80
    static let jpegQuality = 82
    static let settings = "webp Q\(webpQuality); jpeg Q\(jpegQuality) optimized progressive; png compression 9; metadata stripped"

    /// libvips' version, in cache keys: another libvips may encode differently.
    static var libraryVersion: String { String(cString: vips_version_string()) }

    /// Starts libvips once. Its own thread pool is set to one thread: the build already resizes
    /// one image per core, and more threads only contend.
    private static let started: Result<Void, ImageResizeError> = {
        guard blogctl_vips_init() == 0 else { return .failure(ImageResizeError(description: "libvips did not start: \(lastError())")) }
        vips_concurrency_set(1)
        // Operations are not repeated within a build; caching their results only holds memory.
        vips_cache_set_max(0)
        return .success(())
    }()

    /// `data` (a PNG, JPEG or WebP file) scaled to `width` pixels wide, encoded as `format`.
    static func resize(_ data: Data, toWidth width: Int, as format: ImageFormat) throws(ImageResizeError) -> Data {
        try started.get()
        var image: UnsafeMutablePointer<VipsImage>?
        let status = data.withUnsafeBytes { blogctl_vips_thumbnail($0.baseAddress, $0.count, Int32(width), &image) }
        guard status == 0, let image else { throw ImageResizeError(description: "cannot scale: \(lastError())") }
        defer { g_object_unref(image) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let saved: Int32 = switch format {
        case .webp: blogctl_vips_webp(image, &buffer, &length, Int32(webpQuality))
        case .jpeg: blogctl_vips_jpeg(image, &buffer, &length, Int32(jpegQuality))
        case .png: blogctl_vips_png(image, &buffer, &length)
        case .gif, .svg: -1
        }
        guard saved == 0, let buffer else { throw ImageResizeError(description: "cannot encode \(format.rawValue): \(lastError())") }
        defer { g_free(buffer) }
        let encoded = Data(bytes: buffer, count: length)
        return format == .webp ? WebPMetadata.stripped(encoded) : encoded
    }

    /// libvips' error text, cleared.
    private static func lastError() -> String {
        let text = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return text.isEmpty ? "unknown error" : text
    }
}
