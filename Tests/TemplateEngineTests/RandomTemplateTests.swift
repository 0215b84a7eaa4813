import Testing
import TestSupport

@testable import TemplateEngine

/// Small random templates and contexts built from the pieces whose handling differs between
/// Mustache implementations: whitespace around tags, line ends, nesting, names, partials,
/// inheritance, delimiters, transforms and every DataValue kind.
struct RandomTemplates {
    var random: SplitMix64

    private static let texts = [
        "a", "b c", " ", "  ", "\t", "\n", "\n", "\r\n", "<&>", "\"'", "é", "x\u{301}", "日本", "🎉", "{", "}", "|", "\r", ".",
    ]
    private static let names = [
        "a", "b", "c", "s", "n", "l", "m", "t", "f", "z", "a.b", "m.a", "m.l", "l.a", ".", ".a", ".m.s", "missing", "a.b.c",
        "first()", "last()", "index()", "even()", "odd()", "empty(s)", "empty(.)", "count(l)", "first(l)", "last(l)",
        "equalzero(n)", "plusone(n)", "equalzero(minusone(n))", "uppercased(s)", "lowercased(.)", "odd(index())",
    ]

    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }

    /// A template of up to `length` pieces; sections nest to `depth`; `partials` may be included.
    mutating func template(length: Int, depth: Int, partials: [String], blocks: Bool) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...length, using: &random) {
            if chance(15) { text += pick(["", " ", "  ", "\t"]) }
            switch Int.random(in: 0..<100, using: &random) {
            case 0..<30: text += pick(Self.texts)
            case 30..<45: text += "{{\(pick(Self.names))}}"
            case 45..<50: text += chance(50) ? "{{{\(pick(Self.names))}}}" : "{{&\(pick(Self.names))}}"
            case 50..<70 where depth > 0:
                let name = pick(Self.names)
                let sigil = pick(["#", "#", "^"])
                let open = pick(["", "\n", "  \n", " "])
                let close = pick(["", "\n", " \n"])
                text += "{{\(sigil)\(name)}}\(open)\(template(length: 3, depth: depth - 1, partials: partials, blocks: blocks))\(pick(["", "\n", "  "])){{/\(name)}}\(close)"
            case 70..<78: text += pick(["{{! note }}", "{{!\nlong\n}}", "\n{{! x }}\n", "  {{!c}}  \n"])
            case 78..<88 where !partials.isEmpty: text += "{{> \(pick(partials))}}" + pick(["", "\n", "\r\n", " "])
            case 88..<94 where blocks:
                let block = pick(["b1", "b2"])
                text += "{{$\(block)}}\(pick(["", "\n"]))\(template(length: 2, depth: 0, partials: [], blocks: false)){{/\(block)}}"
            case 94..<97: text += "{{=<% %>=}}" + pick(["", "\n"]) + "<%\(pick(Self.names))%>" + pick(["", "\n"]) + "<%={{ }}=%>"
            default: text += pick(Self.texts)
            }
        }
        return text
    }

    mutating func scalar() -> DataValue {
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return .string(pick(["", "x", "<b>&amp;", "e\u{301}<", "line\nnext", "'q'"]))
        case 1: return .int(pick([0, 1, -1, 2, 42]))
        case 2: return .double(pick([0, 0.5, 1, -2.25, 1e21]))
        case 3: return .bool(true)
        case 4: return .bool(false)
        case 5: return .null
        case 6: return .array([])
        default: return .string(pick(["text", "A b"]))
        }
    }

    mutating func value(depth: Int) -> DataValue {
        guard depth > 0 else { return scalar() }
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<3: return .array((0..<Int.random(in: 0...3, using: &random)).map { _ in value(depth: depth - 1) })
        case 3..<5: return map(depth: depth - 1)
        default: return scalar()
        }
    }

    mutating func map(depth: Int) -> DataValue {
        var map: [String: DataValue] = [:]
        for key in ["a", "b", "c", "s", "n", "l", "m", "t", "f", "z"] where chance(60) {
            switch key {
            case "s": map[key] = .string(pick(["", "abc", "<x>", "Ünï"]))
            case "n", "z": map[key] = .int(pick([0, 1, 2, -3]))
            case "t": map[key] = .bool(true)
            case "f": map[key] = .bool(false)
            default: map[key] = value(depth: depth)
            }
        }
        return .map(map)
    }

    mutating func renderCase(_ index: Int) -> RenderCase {
        let useParent = chance(25)
        var partials: [String: String] = [:]
        partials["leaf"] = template(length: 4, depth: 1, partials: [], blocks: chance(30))
        partials["mid"] = template(length: 4, depth: 1, partials: ["leaf"], blocks: chance(30))
        var main = template(length: 6, depth: 2, partials: ["leaf", "mid", "absent"], blocks: false)
        if useParent {
            partials["parent"] = template(length: 5, depth: 1, partials: ["leaf"], blocks: true)
            let override = "{{$b1}}" + pick(["", "\n"]) + template(length: 2, depth: 1, partials: [], blocks: false) + "{{/b1}}"
            main += pick(["", "\n", "  "]) + "{{<parent}}" + pick(["", "\n", " "]) + (chance(70) ? override : "") + pick(["", "\n"]) + "{{/parent}}" + pick(["", "\n"])
        }
        return RenderCase(name: "random #\(index)", template: main, data: map(depth: 3), partials: partials)
    }
}

/// Thousands of random templates × contexts: the compiled engine renders each exactly as
/// swift-mustache does, and rejects exactly what it rejects.
@Test func randomTemplatesRenderLikeSwiftMustache() {
    var generator = RandomTemplates(random: SplitMix64(seed: 20_261_129))
    var rendered = 0
    for index in 0..<4000 {
        let renderCase = generator.renderCase(index)
        if renderCase.reference() != nil { rendered += 1 }
        expectSameRendering(renderCase)
    }
    // Most cases must be valid templates, or the comparison says little.
    #expect(rendered > 2800)
}
