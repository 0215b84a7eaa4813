/// One step of a compiled template. Operands are indexes into the `TemplateProgram` tables, so
/// walking the steps copies no reference-counted payloads.
enum TemplateStep: Sendable {
    /// Text: `program.texts[index]`.
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
final class TemplateProgram: Sendable {
    let bodies: [[TemplateStep]]
    let texts: [String]
    let references: [ValueReference]
    /// `{{<parent}}` overrides: block name -> body.
    let overrideSets: [[String: Int]]
    let blockNames: [String]
    /// Template index -> its body.
    let templateBodies: [Int]

    init(_ builder: TemplateProgramBuilder, templateBodies: [Int]) {
        bodies = builder.bodies
        texts = builder.texts
        references = builder.references
        overrideSets = builder.overrideSets
        blockNames = builder.blockNames
        self.templateBodies = templateBodies
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
