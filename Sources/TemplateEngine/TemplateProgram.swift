/// One step of a compiled template. Operands are indexes into the `TemplateProgram` tables, so
/// walking the steps copies no reference-counted payloads.
enum TemplateStep: Sendable {
    /// Text: `program.text(index)`.
    case text(Int)
    case variable(reference: Int, escaped: Bool)
    case section(reference: Int, body: Int)
    case invertedSection(reference: Int, body: Int)
    /// `{{$name}}default{{/name}}`: the outermost enclosing `{{<parent}}` override, else the default.
    case block(name: Int, body: Int, indentation: Int)
    /// `{{> name}}` or `{{< name}}…{{/name}}`; -1: no such template (renders nothing), no
    /// indentation (not standalone), no overrides.
    case partial(template: Int, indentation: Int, overrides: Int)
}

/// A compiled template set: step lists and the tables their operands point into.
///
/// Pages render on every core at once from one program. Reading an element of a Swift array
/// held by a shared object retains it, and those atomic counts on the same cache lines were a
/// quarter of a page's rendering time; so steps and texts sit in memory the program owns, read
/// through plain pointers that count nothing.
final class TemplateProgram: @unchecked Sendable {
    /// Every body's steps, one after another; `bodies[n]` is body n's range in it.
    let steps: UnsafeMutableBufferPointer<TemplateStep>
    let bodies: UnsafeMutableBufferPointer<Range<Int>>
    /// Every text's UTF-8, one after another; `texts[n]` is text n's range in it.
    let textBytes: UnsafeMutableBufferPointer<UInt8>
    let texts: UnsafeMutableBufferPointer<Range<Int>>
    let references: UnsafeMutableBufferPointer<ValueReference>
    /// `{{<parent}}` overrides: block name -> body.
    let overrideSets: [[String: Int]]
    let blockNames: [String]
    /// Template index -> its body.
    let templateBodies: [Int]

    init(_ builder: TemplateProgramBuilder, templateBodies: [Int]) {
        let (allSteps, bodyRanges) = Self.concatenated(builder.bodies)
        steps = .copying(allSteps)
        bodies = .copying(bodyRanges)
        let (allBytes, textRanges) = Self.concatenated(builder.texts.map { Array($0.utf8) })
        textBytes = .copying(allBytes)
        texts = .copying(textRanges)
        references = .copying(builder.references)
        overrideSets = builder.overrideSets
        blockNames = builder.blockNames
        self.templateBodies = templateBodies
    }

    deinit {
        steps.deallocate()
        bodies.deallocate()
        textBytes.deallocate()
        texts.deallocate()
        _ = references.deinitialize()
        references.deallocate()
    }

    /// `groups` one after another, and each group's range in the whole.
    private static func concatenated<Element>(_ groups: [[Element]]) -> (elements: [Element], ranges: [Range<Int>]) {
        var elements: [Element] = []
        var ranges: [Range<Int>] = []
        for group in groups {
            ranges.append(elements.count..<elements.count + group.count)
            elements += group
        }
        return (elements, ranges)
    }

    /// Text `index`'s UTF-8.
    func text(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: textBytes[texts[index]])
    }
}

extension UnsafeMutableBufferPointer {
    /// New memory holding `elements`, to be deallocated (and deinitialized) by its owner.
    fileprivate static func copying(_ elements: [Element]) -> Self {
        let buffer = allocate(capacity: elements.count)
        _ = buffer.initialize(from: elements)
        return buffer
    }
}

/// The tables of a `TemplateProgram` while templates are being lowered.
struct TemplateProgramBuilder {
    var bodies: [[TemplateStep]] = []
    var texts: [String] = []
    var references: [ValueReference] = []
    var overrideSets: [[String: Int]] = []
    var blockNames: [String] = []

    mutating func add(body: [TemplateStep]) -> Int {
        bodies.append(body)
        return bodies.count - 1
    }

    mutating func add(text: String) -> Int {
        texts.append(text)
        return texts.count - 1
    }

    mutating func add(reference: ValueReference) -> Int {
        references.append(reference)
        return references.count - 1
    }

    mutating func add(overrides: [String: Int]) -> Int {
        overrideSets.append(overrides)
        return overrideSets.count - 1
    }

    mutating func add(blockName: String) -> Int {
        blockNames.append(blockName)
        return blockNames.count - 1
    }
}
