import Foundation
import ImageInfo
import Testing
@testable import SiteBuilder

/// A bundle post with a 500 x 100 PNG, a static 300 x 60 PNG (wider than one size only) and an
/// SVG (never resized).
private func resizeSite(sizes: String? = "image_sizes: [200, 400]\n") throws -> FixtureSite {
    let site = try FixtureSite(files: [
        "content/posts/wide/index.md": post("Wide", date: "2026-01-02", body: "![wide](pic.png)\n\n![small](/img/small.png) ![svg](/img/d.svg)"),
        "static/img/d.svg": #"<svg width="900" height="90"></svg>"#,
    ], siteYML: FixtureSite.siteYML + (sizes ?? ""))
    try site.write("content/posts/wide/pic.png", TestImages.png(width: 500, height: 100, seed: 7))
    try site.write("static/img/small.png", TestImages.png(width: 300, height: 60, seed: 9))
    return site
}

private let copies = ["posts/wide/pic-200w.png", "posts/wide/pic-400w.png", "posts/wide/pic-200w.webp", "posts/wide/pic-400w.webp",
    "posts/wide/pic-500w.webp", "img/small-200w.png", "img/small-200w.webp", "img/small-300w.webp"]

private func options(cache: URL?) -> BuildOptions { BuildOptions(now: FixtureSite.now, cacheDirectory: cache) }

private func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("blogctl-image-cache-\(UUID().uuidString)")
}

@Suite struct ResizedImageTests {
    @Test func imageSizesMakesSmallerCopiesInBothFormatsWithASrcset() async throws {
        let site = try resizeSite()
        defer { site.cleanUp() }
        let result = try await site.build()
        for file in copies { #expect(result.has(file), "\(file)") }
        #expect(!result.has("posts/wide/pic-600w.png") && !result.has("img/small-400w.png") && !result.has("img/d-200w.svg"))
        func size(_ file: String) throws -> ImageDimensions? { try? ImageHeader.dimensions(of: Array(result.output.files[file]!.data())).get() }
        #expect(try size("posts/wide/pic-200w.png") == ImageDimensions(width: 200, height: 40, format: .png))
        #expect(try size("posts/wide/pic-400w.webp") == ImageDimensions(width: 400, height: 80, format: .webp))
        #expect(try size("posts/wide/pic-500w.webp") == ImageDimensions(width: 500, height: 100, format: .webp))
        #expect(try size("img/small-200w.png") == ImageDimensions(width: 200, height: 40, format: .png))

        let page = result.text("posts/wide/index.html")
        let sizes = #"sizes="(max-width: 42rem) 100vw, 42rem""#
        #expect(page.contains(#"<picture><source type="image/webp" srcset="pic-200w.webp 200w, pic-400w.webp 400w, pic-500w.webp 500w" "#
            + sizes + #"><img src="pic.png" alt="wide" width="500" height="100" decoding="async" srcset="pic-200w.png 200w, pic-400w.png 400w, pic.png 500w" "#
            + sizes + " /></picture>"), "\(page)")
        #expect(page.contains(#"srcset="../../img/small-200w.png 200w, ../../img/small.png 300w""#))
        #expect(page.contains(#"<img src="../../img/d.svg" alt="svg" width="900" height="90" loading="lazy" decoding="async" />"#))
        #expect(result.stats.imagesResized == copies.count && result.stats.resizedImagesFromCache == 0)
    }

    @Test func copiesHaveTheSameBytesOnEveryBuildAndACachedBuildEqualsAFreshOne() async throws {
        let site = try resizeSite()
        defer { site.cleanUp() }
        let (firstCache, secondCache) = (temporaryFolder(), temporaryFolder())
        defer { for folder in [firstCache, secondCache] { try? FileManager.default.removeItem(at: folder) } }
        let first = try await site.build(options(cache: firstCache))
        let second = try await site.build(options(cache: secondCache))
        #expect(first.stats.imagesResized == copies.count && second.stats.imagesResized == copies.count)
        for file in copies {
            #expect(try first.output.files[file]!.data() == second.output.files[file]!.data(), "\(file) differs between two fresh builds")
        }
        // No metadata that could differ between machines or days.
        let webp = try first.output.files["posts/wide/pic-400w.webp"]!.data()
        #expect(webp.range(of: Data("EXIF".utf8)) == nil && webp.range(of: Data("XMP ".utf8)) == nil)
        let png = try first.output.files["posts/wide/pic-200w.png"]!.data()
        #expect(png.range(of: Data("tIME".utf8)) == nil && png.range(of: Data("tEXt".utf8)) == nil)

        // A new process with the first cache: nothing is resized, and every output file is the fresh build's.
        let cached = try await site.build(options(cache: firstCache))
        #expect(cached.stats.imagesResized == 0 && cached.stats.resizedImagesFromCache == copies.count)
        #expect(cached.output.paths == first.output.paths)
        for path in first.output.paths { #expect(try cached.output.files[path]!.data() == first.output.files[path]!.data(), "\(path)") }
        let stored = try FileManager.default.contentsOfDirectory(atPath: firstCache.appendingPathComponent("images").path)
        #expect(stored.count == copies.count)
    }

    @Test func theCacheFollowsTheSourceBytesNotTheFileName() async throws {
        let site = try resizeSite()
        defer { site.cleanUp() }
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try await site.build(options(cache: cache))
        // New bytes under the same name are resized again; the unchanged image comes from the cache.
        try site.write("content/posts/wide/pic.png", TestImages.png(width: 500, height: 100, seed: 8))
        let changed = try await site.build(options(cache: cache))
        #expect(changed.stats.imagesResized == 5 && changed.stats.resizedImagesFromCache == 3)
    }

    @Test func withoutImageSizesNothingIsResizedAndNoCopyIsMade() async throws {
        let site = try resizeSite(sizes: nil)
        defer { site.cleanUp() }
        let cache = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: cache) }
        let result = try await site.build(options(cache: cache))
        #expect(result.stats.imagesResized == 0 && result.stats.resizedImagesFromCache == 0)
        #expect(!result.output.paths.contains { $0.contains("-200w") || $0.hasSuffix(".webp") })
        #expect(!FileManager.default.fileExists(atPath: cache.appendingPathComponent("images").path))
        let page = result.text("posts/wide/index.html")
        #expect(!page.contains("srcset") && !page.contains("<picture>"))
        #expect(page.contains(#"<img src="pic.png" alt="wide" width="500" height="100" decoding="async" />"#))
    }

    @Test func aSessionRebuildKeepsCopiesAndEqualsAFreshBuild() async throws {
        let site = try resizeSite()
        defer { site.cleanUp() }
        let session = site.session()
        _ = try await session.build()
        try site.write("content/posts/wide/index.md", post("Wide", date: "2026-01-02", body: "![wide](pic.png)\n\nMore text."))
        let rebuilt = try await session.rebuild(changedPaths: ["content/posts/wide/index.md"])
        // The copies' inputs (the file, width, format) did not change: nothing is resized again.
        #expect(rebuilt.stats.imagesResized == 0)
        #expect(!rebuilt.has("img/small-200w.png"), "the static image is no longer shown, so it has no copies")
        let fresh = try await site.build()
        #expect(rebuilt.output.paths == fresh.output.paths)
        for path in fresh.output.paths { #expect(try rebuilt.output.files[path]!.data() == fresh.output.files[path]!.data(), "\(path)") }
    }
}
