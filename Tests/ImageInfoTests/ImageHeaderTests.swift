import Foundation
import Testing
@testable import ImageInfo

/// Files made with libvips' `vips` command (see Fixtures/README.md), one per format and variant.
private func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
    return Array(try Data(contentsOf: url))
}

@Suite struct ImageHeaderTests {
    @Test(arguments: [
        ("rgb-37x21.png", 37, 21, ImageFormat.png),
        ("baseline-64x48.jpg", 64, 48, .jpeg),
        ("progressive-64x48.jpg", 64, 48, .jpeg),
        ("tiny-37x21.gif", 37, 21, .gif),
        ("lossy-37x21.webp", 37, 21, .webp),
        ("lossless-37x21.webp", 37, 21, .webp),
        ("alpha-300x200.webp", 300, 200, .webp),
    ])
    func realFilesGiveTheirDimensions(name: String, width: Int, height: Int, format: ImageFormat) throws {
        let bytes = try fixture(name)
        #expect(ImageHeader.dimensions(of: bytes) == .success(ImageDimensions(width: width, height: height, format: format)))
    }

    @Test func theWebPFixturesCoverEachChunkKind() throws {
        // The RIFF chunk after the file header decides which reader runs.
        #expect(String(decoding: try fixture("lossy-37x21.webp")[12..<16], as: UTF8.self) == "VP8 ")
        #expect(String(decoding: try fixture("lossless-37x21.webp")[12..<16], as: UTF8.self) == "VP8L")
        #expect(String(decoding: try fixture("alpha-300x200.webp")[12..<16], as: UTF8.self) == "VP8X")
    }

    @Test func aJPEGFrameHeaderAfterALargeAPP1SegmentIsFound() throws {
        var bytes = try fixture("baseline-64x48.jpg")
        // An EXIF-sized segment (60 KB) between SOI and the tables, and fill bytes before the next marker.
        let segment: [UInt8] = [0xFF, 0xE1, 0xEA, 0x60] + [UInt8](repeating: 0x41, count: 0xEA60 - 2) + [0xFF, 0xFF]
        bytes.insert(contentsOf: segment, at: 2)
        #expect(ImageHeader.dimensions(of: bytes) == .success(ImageDimensions(width: 64, height: 48, format: .jpeg)))
    }

    @Test func aJPEGFileWhoseFrameHeaderIsBeyondTheFirstReadIsReadAgain() throws {
        var bytes = try fixture("baseline-64x48.jpg")
        for _ in 0..<3 { bytes.insert(contentsOf: [0xFF, 0xE2, 0xFF, 0xF0] + [UInt8](repeating: 0, count: 0xFFF0 - 2), at: 2) }
        #expect(bytes.count > ImageFile.firstRead)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("imageinfo-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        #expect(ImageFile.dimensions(atPath: url.path) == .success(ImageDimensions(width: 64, height: 48, format: .jpeg)))
    }

    @Test(arguments: ["rgb-37x21.png", "baseline-64x48.jpg", "progressive-64x48.jpg", "tiny-37x21.gif", "lossy-37x21.webp",
        "lossless-37x21.webp", "alpha-300x200.webp"])
    func everyCutShortPrefixFailsWithoutTrapping(name: String) throws {
        let bytes = try fixture(name)
        let complete = ImageHeader.dimensions(of: bytes)
        var firstSuccess: Int?
        for length in 0..<bytes.count {
            let result = ImageHeader.dimensions(of: Array(bytes.prefix(length)))
            if case .success = result {
                firstSuccess = firstSuccess ?? length
                #expect(result == complete, "a prefix of \(length) bytes reads the same dimensions as the whole file")
            } else {
                #expect(firstSuccess == nil, "once the header is complete, longer prefixes still read it (\(length) bytes)")
            }
        }
        // The header sits at the start: far fewer bytes than the whole file are needed.
        #expect((firstSuccess ?? .max) <= 640, "\(name) needed \(firstSuccess.map(String.init) ?? "all") bytes")
    }

    @Test func cutShortHeadersSayTheirFormat() throws {
        #expect(ImageHeader.dimensions(of: Array(try fixture("rgb-37x21.png").prefix(12))) == .failure(.truncated(.png)))
        #expect(ImageHeader.dimensions(of: Array(try fixture("baseline-64x48.jpg").prefix(40))) == .failure(.truncated(.jpeg)))
        #expect(ImageHeader.dimensions(of: Array(try fixture("tiny-37x21.gif").prefix(7))) == .failure(.truncated(.gif)))
        #expect(ImageHeader.dimensions(of: Array(try fixture("lossy-37x21.webp").prefix(25))) == .failure(.truncated(.webp)))
    }

    @Test func corruptHeadersAreMalformedNotCrashes() throws {
        var png = try fixture("rgb-37x21.png")
        png.replaceSubrange(16..<20, with: [0, 0, 0, 0])
        #expect(ImageHeader.dimensions(of: png) == .failure(.malformed(.png, "a zero width or height")))
        var chunk = try fixture("rgb-37x21.png")
        chunk.replaceSubrange(12..<16, with: Array("IDAT".utf8))
        #expect(ImageHeader.dimensions(of: chunk) == .failure(.malformed(.png, "the first chunk is not IHDR")))

        // A JPEG whose segment lengths lead nowhere, one with a length below 2, one reaching scan data first.
        var jpeg = try fixture("baseline-64x48.jpg")
        jpeg.replaceSubrange(4..<6, with: [0x00, 0x01])
        #expect(ImageHeader.dimensions(of: jpeg) == .failure(.malformed(.jpeg, "a segment length below 2")))
        #expect(ImageHeader.dimensions(of: [0xFF, 0xD8, 0x12, 0x34]) == .failure(.malformed(.jpeg, "no marker at byte 2")))
        #expect(ImageHeader.dimensions(of: [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08]) == .failure(.malformed(.jpeg, "no frame header before the image data")))

        var webp = try fixture("lossy-37x21.webp")
        webp[23] = 0
        #expect(ImageHeader.dimensions(of: webp) == .failure(.malformed(.webp, "no VP8 key frame start code")))
        var lossless = try fixture("lossless-37x21.webp")
        lossless[20] = 0
        #expect(ImageHeader.dimensions(of: lossless) == .failure(.malformed(.webp, "no VP8L signature")))
        var unknown = try fixture("lossy-37x21.webp")
        unknown.replaceSubrange(12..<16, with: Array("ABCD".utf8))
        #expect(ImageHeader.dimensions(of: unknown) == .failure(.malformed(.webp, "unknown first chunk 'ABCD'")))

        #expect(ImageHeader.dimensions(of: Array("plain text".utf8)) == .failure(.unknownFormat))
        #expect(ImageHeader.dimensions(of: []) == .failure(.unknownFormat))
    }

    @Test func randomBytesNeverTrap() {
        var generator = SystemRandomNumberGenerator()
        let starts: [[UInt8]] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], [0xFF, 0xD8], Array("GIF89a".utf8),
            Array("RIFF\0\0\0\0WEBP".utf8), Array("<svg ".utf8)]
        for start in starts {
            for length in 0..<200 {
                let bytes = start + (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                _ = ImageHeader.dimensions(of: bytes)
            }
        }
        // Reached without trapping; a PNG with random IHDR bytes still reads its stated size when non-zero.
        let png = starts[0] + [0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 1, 0, 0, 0, 0, 2]
        #expect(ImageHeader.dimensions(of: png) == .success(ImageDimensions(width: 256, height: 2, format: .png)))
    }
}
