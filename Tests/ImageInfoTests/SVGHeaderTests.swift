import Testing
@testable import ImageInfo

@Suite struct SVGHeaderTests {
    func size(_ svg: String) -> Result<ImageDimensions, ImageHeaderError> { ImageHeader.dimensions(of: Array(svg.utf8)) }

    func pixels(_ width: Int, _ height: Int) -> Result<ImageDimensions, ImageHeaderError> {
        .success(ImageDimensions(width: width, height: height, format: .svg))
    }

    @Test func widthAndHeightAttributesWin() {
        #expect(size(#"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80" viewBox="0 0 12 8"></svg>"#) == pixels(120, 80))
        #expect(size(#"<svg width='64px' height='32px'/>"#) == pixels(64, 32))
        #expect(size("<svg width=\"1in\" height=\"72pt\"\n>") == pixels(96, 96))
    }

    @Test func theViewBoxGivesTheSizeOrTheMissingSide() {
        #expect(size(#"<svg viewBox="0 0 640 360"><rect/></svg>"#) == pixels(640, 360))
        #expect(size(#"<svg viewBox="0,0,640,360" width="320">"#) == pixels(320, 180))
        #expect(size(#"<svg height="90" viewBox="10 10 640 360">"#) == pixels(160, 90))
        // Relative sizes say nothing: the viewBox decides.
        #expect(size(#"<svg width="100%" height="100%" viewBox="0 0 300 150">"#) == pixels(300, 150))
    }

    @Test func aPrologCommentsAndDoctypeMayComeFirst() {
        let svg = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
            <!-- Generator: a drawing program, with a > in the comment -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg version="1.1"
                 width="48" height="24">
            """
        #expect(size(svg) == pixels(48, 24))
    }

    @Test func withoutSizeOrViewBoxThereAreNoDimensions() {
        #expect(size("<svg><circle r=\"4\"/></svg>") == .failure(.malformed(.svg, "no absolute width and height and no viewBox")))
        #expect(size(#"<svg width="2em" height="1em">"#) == .failure(.malformed(.svg, "no absolute width and height and no viewBox")))
        #expect(size(#"<svg viewBox="0 0 0 10">"#) == .failure(.malformed(.svg, "no absolute width and height and no viewBox")))
        #expect(size(#"<svg width="0.2" height="0.2">"#) == .failure(.malformed(.svg, "a size below one pixel or beyond a million")))
        #expect(size(#"<svg width="30" height="40""#) == .failure(.truncated(.svg)))
        #expect(size("<html><svg width=\"3\" height=\"4\"></svg></html>") == .failure(.unknownFormat))
        #expect(size("<svgfoo width=\"3\" height=\"4\">") == .failure(.unknownFormat))
    }
}
