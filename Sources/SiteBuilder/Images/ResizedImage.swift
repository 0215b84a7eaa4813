import Foundation
import ImageInfo

/// A copy of one of the site's images scaled down to `width` pixels wide, in `format`
/// (`image_sizes` in site.yml). Its inputs are the source file's identity, the width and the
/// format; its bytes come from the resized image cache or libvips.
struct ResizedImage: OutputKind {
    let file: String
    let owner: String
    let source: StaticSource
    let width: Int
    let format: ImageFormat

    var usesSite: Bool { false }

    func render(in site: SiteContext) throws(SiteBuildError) -> OutputContent {
        let data: Data
        switch source {
        case .theme(let bytes): data = bytes
        case .site(let path, _):
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .io(path: owner, "cannot read: \(fileErrorReason(error, path: path))")
            }
        }
        let work = site.imageWork
        let key = ResizedImageCache.key(source: data, width: width, format: format)
        if let cached = work.cache?.bytes(key: key, format: format) {
            work.count(cached: true)
            return .bytes(cached)
        }
        do {
            let resized = try ImageResizer.resize(data, toWidth: width, as: format)
            work.cache?.store(resized, key: key, format: format)
            work.count(cached: false)
            return .bytes(resized)
        } catch {
            throw .io(path: owner, "cannot make the \(width)-pixel \(format.rawValue) copy: \(error)")
        }
    }
}
