import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Rewrites the URLs inside HTML and CSS on raw UTF-8 bytes: `href`, `src`, `srcset`
/// candidates, `poster`, and CSS `url()` in `style` attributes, `<style>` elements and
/// stylesheets. It leaves `<pre>`, `<code>`, `<script>`, `<textarea>` and comments alone,
/// and canonical links (they must stay absolute). Runs over every page, so it copies
/// untouched stretches wholesale and allocates only when something changes.
struct URLRewriter {
    /// Returns the replacement for one URL, or nil to keep it.
    let transform: (Substring) -> String?
    /// What to add to each `<img>` tag (attributes, a `<picture>` around it); nil: nothing.
    var imageEditor: ((ImageTag) -> ImageTagEdit?)? = nil

    init(transform: @escaping (Substring) -> String?) {
        self.transform = transform
    }

    func rewriteHTML(_ html: String) -> String {
        var html = html
        let rewritten: String? = html.withUTF8 { input in
            var output: [UInt8] = []
            return rewriteHTML(input, into: &output) ? String(decoding: output, as: UTF8.self) : nil
        }
        return rewritten ?? html
    }

    /// `rewriteHTML(_:)` on UTF-8 bytes, as the bytes of a file: a page's last step, so no String is made of it.
    func rewriteHTMLData(_ html: [UInt8]) -> Data {
        html.withUnsafeBufferPointer { input in
            var output: [UInt8] = []
            return rewriteHTML(input, into: &output) ? Data(output) : Data(buffer: input)
        }
    }

    func rewriteCSS(_ css: String) -> String {
        var css = css
        return css.withUTF8 { input in
            var output: [UInt8] = []
            var copied = 0
            rewriteCSS(input, range: 0..<input.count, into: &output, copied: &copied)
            guard copied > 0 else { return String(decoding: input, as: UTF8.self) }
            output.append(contentsOf: input[copied...])
            return String(decoding: output, as: UTF8.self)
        }
    }

    // MARK: HTML

    /// Returns whether anything changed; `output` then holds the whole result.
    private func rewriteHTML(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) -> Bool {
        let count = input.count
        var copied = 0
        var index = 0
        var attributes: [Attribute] = []
        var attributeCount = 0
        var images = 0
        while index < count {
            // memchr jumps over text between tags (most of a page) many bytes at a time.
            guard let next = nextByte(UInt8(ascii: "<"), in: input, from: index) else { break }
            index = next
            if match(input, at: index, "<!--") {
                index = find(input, "-->", from: index + 4).map { $0 + 3 } ?? count
                continue
            }
            let nameStart = index + 1
            guard nameStart < count, isLetter(input[nameStart]) else {
                index += 1
                continue
            }
            var nameEnd = nameStart
            while nameEnd < count, isNameByte(input[nameEnd]) { nameEnd += 1 }
            let name = input[nameStart..<nameEnd]
            let tagEnd = parseAttributes(input, from: nameEnd, into: &attributes, count: &attributeCount)
            // Taken before the URLs are rewritten: the editor looks the image up by its site path.
            var imageEdit: ImageTagEdit?
            if let imageEditor, tagEnd < count || input[count - 1] == UInt8(ascii: ">"), equalsIgnoringCase(name, "img") {
                imageEdit = imageEditor(imageTag(input, attributes: attributes[..<attributeCount], ordinal: images))
                images += 1
                if let before = imageEdit?.before, !before.isEmpty {
                    output.append(contentsOf: input[copied..<index])
                    output.append(contentsOf: before.utf8)
                    copied = index
                }
            }
            let isLink = equalsIgnoringCase(name, "link")
            var isCanonical = false
            if isLink {
                for attribute in attributes[..<attributeCount] where equalsIgnoringCase(input[attribute.name], "rel") {
                    if let value = attribute.value, contains(lowercased(input[value]), "canonical") { isCanonical = true }
                }
            }
            for attribute in attributes[..<attributeCount] {
                guard let valueRange = attribute.value else { continue }
                let attributeName = input[attribute.name]
                if equalsIgnoringCase(attributeName, "href") || equalsIgnoringCase(attributeName, "src")
                    || equalsIgnoringCase(attributeName, "poster")
                {
                    if isCanonical { continue }
                    let value = Substring(decoding: input[valueRange], as: UTF8.self)
                    if let replacement = transform(value) {
                        output.append(contentsOf: input[copied..<valueRange.lowerBound])
                        output.append(contentsOf: replacement.utf8)
                        copied = valueRange.upperBound
                    }
                } else if equalsIgnoringCase(attributeName, "srcset") {
                    if let replacement = rewriteSrcset(Substring(decoding: input[valueRange], as: UTF8.self)) {
                        output.append(contentsOf: input[copied..<valueRange.lowerBound])
                        output.append(contentsOf: replacement.utf8)
                        copied = valueRange.upperBound
                    }
                } else if equalsIgnoringCase(attributeName, "style") {
                    rewriteCSS(input, range: valueRange, into: &output, copied: &copied)
                }
            }
            if let imageEdit { insert(imageEdit, input, tagEnd: tagEnd, into: &output, copied: &copied) }
            index = tagEnd
            if equalsIgnoringCase(name, "style") {
                let end = findClosingTag(input, name: Array("style".utf8), from: index)
                rewriteCSS(input, range: index..<end, into: &output, copied: &copied)
                index = end
            } else if isSkippedElement(name) {
                index = findClosingTag(input, name: Array(name), from: index)
            }
        }
        // Text put before an `<img>` at the very start leaves `copied` at 0.
        guard copied > 0 || !output.isEmpty else { return false }
        output.append(contentsOf: input[copied...])
        return true
    }

    private struct Attribute {
        var name: Range<Int>
        var value: Range<Int>?
    }

    /// The `<img>` whose attributes are `attributes`, as the image editor sees it.
    private func imageTag(_ input: UnsafeBufferPointer<UInt8>, attributes: ArraySlice<Attribute>, ordinal: Int) -> ImageTag {
        var tag = ImageTag(ordinal: ordinal)
        for attribute in attributes {
            let name = String(decoding: input[attribute.name], as: UTF8.self).lowercased()
            tag.attributeNames.insert(name)
            if name == "src", let value = attribute.value { tag.source = Substring(decoding: input[value], as: UTF8.self) }
        }
        return tag
    }

    /// Writes `edit`'s attributes before the tag's `>` (or `/>`) and its `after` text behind it.
    private func insert(_ edit: ImageTagEdit, _ input: UnsafeBufferPointer<UInt8>, tagEnd: Int, into output: inout [UInt8],
        copied: inout Int)
    {
        // Before `>`, or before the spaces of a ` />` ending, so the result reads `alt="a" width="4" />`.
        var closing = tagEnd - 1
        if closing > 0, input[closing - 1] == UInt8(ascii: "/") {
            closing -= 1
            while closing > copied, isSpace(input[closing - 1]) { closing -= 1 }
        }
        if !edit.attributes.isEmpty, closing >= copied {
            output.append(contentsOf: input[copied..<closing])
            output.append(contentsOf: edit.attributes.utf8)
            copied = closing
        }
        if !edit.after.isEmpty {
            output.append(contentsOf: input[copied..<tagEnd])
            output.append(contentsOf: edit.after.utf8)
            copied = tagEnd
        }
    }

    /// Elements whose content holds no URLs to rewrite: code shown as text, scripts.
    private func isSkippedElement(_ name: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        equalsIgnoringCase(name, "pre") || equalsIgnoringCase(name, "code") || equalsIgnoringCase(name, "script")
            || equalsIgnoringCase(name, "textarea")
    }

    /// Reads attributes from just after the tag name up to and including `>` into the first
    /// `count` elements of `attributes`, whose storage serves every tag of a page (elements past
    /// `count` are stale).
    private func parseAttributes(_ input: UnsafeBufferPointer<UInt8>, from start: Int, into attributes: inout [Attribute],
        count found: inout Int) -> Int
    {
        found = 0
        func add(_ attribute: Attribute) {
            if found < attributes.count { attributes[found] = attribute } else { attributes.append(attribute) }
            found += 1
        }
        var index = start
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if isSpace(byte) || byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let nameStart = index
            while index < count, !isSpace(input[index]), input[index] != UInt8(ascii: "="), input[index] != UInt8(ascii: ">"),
                !(input[index] == UInt8(ascii: "/") && index + 1 < count && input[index + 1] == UInt8(ascii: ">"))
            {
                index += 1
            }
            var attribute = Attribute(name: nameStart..<index, value: nil)
            if index == nameStart {
                index += 1
                continue
            }
            var look = index
            while look < count, isSpace(input[look]) { look += 1 }
            if look < count, input[look] == UInt8(ascii: "=") {
                look += 1
                while look < count, isSpace(input[look]) { look += 1 }
                if look < count, input[look] == UInt8(ascii: "\"") || input[look] == UInt8(ascii: "'") {
                    let quote = input[look]
                    let valueStart = look + 1
                    var valueEnd = valueStart
                    while valueEnd < count, input[valueEnd] != quote { valueEnd += 1 }
                    attribute.value = valueStart..<valueEnd
                    index = min(valueEnd + 1, count)
                } else {
                    let valueStart = look
                    var valueEnd = valueStart
                    while valueEnd < count, !isSpace(input[valueEnd]), input[valueEnd] != UInt8(ascii: ">") { valueEnd += 1 }
                    attribute.value = valueStart..<valueEnd
                    index = valueEnd
                }
            }
            add(attribute)
        }
        return count
    }

    private func rewriteSrcset(_ value: Substring) -> String? {
        var result = ""
        var changed = false
        var rest = value[...]
        while !rest.isEmpty {
            let leading = rest.prefix(while: { $0.isWhitespace || $0 == "," })
            result += leading
            rest = rest.dropFirst(leading.count)
            if rest.isEmpty { break }
            var url = rest.prefix(while: { !$0.isWhitespace })
            rest = rest.dropFirst(url.count)
            var trailingComma = false
            if url.hasSuffix(",") {
                url = url.dropLast()
                trailingComma = true
            }
            if let replacement = transform(url) {
                result += replacement
                changed = true
            } else {
                result += url
            }
            if trailingComma {
                result += ","
                continue
            }
            let descriptor = rest.prefix(while: { $0 != "," })
            result += descriptor
            rest = rest.dropFirst(descriptor.count)
        }
        return changed ? result : nil
    }

    // MARK: CSS

    /// Rewrites `url(...)` references inside `range`, appending changes to `output`.
    private func rewriteCSS(_ input: UnsafeBufferPointer<UInt8>, range: Range<Int>, into output: inout [UInt8], copied: inout Int) {
        var index = range.lowerBound
        let end = range.upperBound
        while index + 4 <= end {
            guard input[index] | 0x20 == UInt8(ascii: "u"), matchIgnoringCase(input, at: index, "url("),
                index == range.lowerBound || !isNameByte(input[index - 1])
            else {
                index += 1
                continue
            }
            var start = index + 4
            while start < end, isSpace(input[start]) { start += 1 }
            var stop: Int
            if start < end, input[start] == UInt8(ascii: "\"") || input[start] == UInt8(ascii: "'") {
                let quote = input[start]
                start += 1
                stop = start
                while stop < end, input[stop] != quote { stop += 1 }
            } else if start < end, input[start] == UInt8(ascii: "&") {
                // `&quot;` inside a style attribute.
                if matchIgnoringCase(input, at: start, "&quot;") {
                    start += 6
                    stop = find(input, "&quot;", from: start).map { min($0, end) } ?? end
                } else {
                    stop = start
                }
            } else {
                stop = start
                while stop < end, input[stop] != UInt8(ascii: ")"), !isSpace(input[stop]) { stop += 1 }
            }
            if stop > start, stop <= end {
                let value = Substring(decoding: input[start..<stop], as: UTF8.self)
                if let replacement = transform(value) {
                    output.append(contentsOf: input[copied..<start])
                    output.append(contentsOf: replacement.utf8)
                    copied = stop
                }
            }
            index = max(stop, index + 4)
        }
    }

    // MARK: Bytes

    private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    private func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
    private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C }

    private func match(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= input.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where input[index + offset] != pointer[offset] { return false }
        return true
    }

    private func matchIgnoringCase(_ input: UnsafeBufferPointer<UInt8>, at index: Int, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index + length <= input.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<length where lower(input[index + offset]) != pointer[offset] { return false }
        return true
    }

    private func find(_ input: UnsafeBufferPointer<UInt8>, _ literal: StaticString, from start: Int) -> Int? {
        var index = start
        let first = literal.utf8Start[0]
        while let next = nextByte(first, in: input, from: index) {
            if match(input, at: next, literal) { return next }
            index = next + 1
        }
        return nil
    }

    /// The index of the first `byte` at or after `start`.
    private func nextByte(_ byte: UInt8, in input: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

    private func lowercased(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) -> [UInt8] { bytes.map(lower) }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return true
        }
        return false
    }

    /// `name` is lowercase; compared without building an array (this runs for every attribute).
    private func equalsIgnoringCase(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, _ name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        guard bytes.count == length else { return false }
        let pointer = name.utf8Start
        var offset = 0
        for byte in bytes {
            if lower(byte) != pointer[offset] { return false }
            offset += 1
        }
        return true
    }

    private func equalsIgnoringCase<C: Collection>(_ bytes: C, _ name: [UInt8]) -> Bool where C.Element == UInt8 {
        guard bytes.count == name.count else { return false }
        return zip(bytes, name).allSatisfy { lower($0) == lower($1) }
    }

    /// The index of `</name` (case-insensitive) after `start`, or the end of input.
    private func findClosingTag(_ input: UnsafeBufferPointer<UInt8>, name: [UInt8], from start: Int) -> Int {
        var index = start
        let count = input.count
        while index + 2 + name.count <= count {
            guard let next = nextByte(UInt8(ascii: "<"), in: input, from: index), next + 2 + name.count <= count else { return count }
            index = next
            if input[index + 1] == UInt8(ascii: "/"),
                equalsIgnoringCase(input[(index + 2)..<(index + 2 + name.count)], name)
            {
                return index
            }
            index += 1
        }
        return count
    }
}
