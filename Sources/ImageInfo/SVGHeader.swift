/// SVG: the root `<svg>` element's `width` and `height` (absolute units converted to CSS
/// pixels), else its `viewBox`; one of width or height is completed from the viewBox's ratio.
/// Relative sizes (`100%`, `2em`) say nothing about the image and count as absent.
enum SVGHeader {
    /// Whether the text starts, after an optional XML prolog, comments and doctype, with `<svg`.
    static func looksLikeSVG(_ data: ArraySlice<UInt8>) -> Bool { rootTagStart(in: text(of: data)) != nil }

    static func read(_ data: ArraySlice<UInt8>) -> Result<ImageDimensions, ImageHeaderError> {
        let text = text(of: data)
        guard let start = rootTagStart(in: text) else { return .failure(.malformed(.svg, "no <svg> element")) }
        guard let end = text[start...].firstIndex(of: ">") else { return .failure(.truncated(.svg)) }
        let attributes = self.attributes(text[text.index(start, offsetBy: 4)..<end])
        let box = attributes["viewBox"].flatMap(viewBox)
        var width = attributes["width"].flatMap(length)
        var height = attributes["height"].flatMap(length)
        if let box, box.width > 0, box.height > 0 {
            if width == nil, let height { width = height * box.width / box.height }
            if height == nil, let width { height = width * box.height / box.width }
            if width == nil, height == nil { (width, height) = (box.width, box.height) }
        }
        guard let width, let height else { return .failure(.malformed(.svg, "no absolute width and height and no viewBox")) }
        let pixels = (Int(width.rounded()), Int(height.rounded()))
        guard pixels.0 > 0, pixels.1 > 0, pixels.0 <= 1_000_000, pixels.1 <= 1_000_000 else {
            return .failure(.malformed(.svg, "a size below one pixel or beyond a million"))
        }
        return .success(ImageDimensions(width: pixels.0, height: pixels.1, format: .svg))
    }

    /// Only the start is read: the root element comes before any drawing.
    private static func text(of data: ArraySlice<UInt8>) -> Substring {
        Substring(String(decoding: data.prefix(65_536), as: UTF8.self))
    }

    /// Where `<svg` starts, when only a prolog, comments, a doctype and spaces come before it.
    private static func rootTagStart(in text: Substring) -> Substring.Index? {
        var rest = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        while rest.hasPrefix("<?") || rest.hasPrefix("<!") {
            let close = rest.hasPrefix("<!--") ? "-->" : ">"
            guard let end = rest.firstRange(of: close) else { return nil }
            rest = rest[end.upperBound...].drop { $0.isWhitespace }
        }
        guard rest.hasPrefix("<svg"), let next = rest.dropFirst(4).first, next.isWhitespace || next == ">" || next == "/" else { return nil }
        return rest.startIndex
    }

    /// The attributes of a start tag's inside, by name; values without their quotes.
    private static func attributes(_ tag: Substring) -> [String: Substring] {
        var result: [String: Substring] = [:]
        var rest = tag[...]
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" }
            guard !name.isEmpty else { return result }
            rest = rest.dropFirst(name.count).drop(while: \.isWhitespace)
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop(while: \.isWhitespace)
            guard let quote = rest.first, quote == "\"" || quote == "'" else {
                let value = rest.prefix { !$0.isWhitespace }
                result[String(name)] = value
                rest = rest.dropFirst(value.count)
                continue
            }
            let value = rest.dropFirst().prefix { $0 != quote }
            result[String(name)] = value
            rest = rest.dropFirst(value.count + 2)
        }
    }

    /// A length in CSS pixels: unitless or px, or an absolute unit; nil for relative units.
    private static func length(_ value: Substring) -> Double? {
        let trimmed = value.trimmingSpaces
        let number = trimmed.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
        guard let amount = Double(number), amount.isFinite, amount > 0 else { return nil }
        switch trimmed.dropFirst(number.count).lowercased() {
        case "", "px": return amount
        case "in": return amount * 96
        case "cm": return amount * 96 / 2.54
        case "mm": return amount * 96 / 25.4
        case "pt": return amount * 96 / 72
        case "pc": return amount * 16
        default: return nil
        }
    }

    /// The width and height of a `viewBox="min-x min-y width height"`.
    private static func viewBox(_ value: Substring) -> (width: Double, height: Double)? {
        let numbers = value.split { $0.isWhitespace || $0 == "," }.compactMap { Double($0) }
        guard numbers.count == 4, numbers[2].isFinite, numbers[3].isFinite else { return nil }
        return (numbers[2], numbers[3])
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        let start = drop(while: \.isWhitespace)
        guard let last = start.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return start[...last]
    }
}
