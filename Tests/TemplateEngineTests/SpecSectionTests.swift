import Testing

@testable import TemplateEngine

private let deeplyNested = """
    {{#a}}
    {{one}}
    {{#b}}
    {{one}}{{two}}{{one}}
    {{#c}}
    {{one}}{{two}}{{three}}{{two}}{{one}}
    {{#d}}
    {{one}}{{two}}{{three}}{{four}}{{three}}{{two}}{{one}}
    {{#five}}
    {{one}}{{two}}{{three}}{{four}}{{five}}{{four}}{{three}}{{two}}{{one}}
    {{one}}{{two}}{{three}}{{four}}{{.}}6{{.}}{{four}}{{three}}{{two}}{{one}}
    {{/five}}
    {{/d}}
    {{/c}}
    {{/b}}
    {{/a}}

    """

/// The Mustache spec's section and inverted-section cases (specs/sections.yml,
/// specs/inverted.yml), plus the value kinds a DataValue context adds.
let sectionCases: [RenderCase] = [
    RenderCase(name: "Truthy", template: "\"{{#boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": true]),
    RenderCase(name: "Falsey", template: "\"{{#boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": false]),
    RenderCase(name: "Null is falsey", template: "\"{{#null}}This should not be rendered.{{/null}}\"", data: ["null": .null]),
    RenderCase(name: "Context", template: "\"{{#context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]]),
    RenderCase(name: "Parent contexts", template: "\"{{#sec}}{{a}}, {{b}}, {{c.d}}{{/sec}}\"", data: ["a": "foo", "b": "wrong", "sec": ["b": "bar"], "c": ["d": "baz"]]),
    RenderCase(name: "Variable test", template: "\"{{#foo}}{{.}} is {{foo}}{{/foo}}\"", data: ["foo": "bar"]),
    RenderCase(name: "List Context",
        template: "{{#tops}}{{#middles}}{{tname.lower}}{{mname}}.{{#bottoms}}{{tname.upper}}{{mname}}{{bname}}.{{/bottoms}}{{/middles}}{{/tops}}",
        data: ["tops": [["tname": ["upper": "A", "lower": "a"], "middles": [["mname": "1", "bottoms": [["bname": "x"], ["bname": "y"]]]]]]]),
    RenderCase(name: "Deeply Nested Contexts", template: deeplyNested,
        data: ["a": ["one": 1], "b": ["two": 2], "c": ["three": 3, "d": ["four": 4, "five": 5]]]),
    RenderCase(name: "List", template: "\"{{#list}}{{item}}{{/list}}\"", data: ["list": [["item": 1], ["item": 2], ["item": 3]]]),
    RenderCase(name: "Empty List", template: "\"{{#list}}Yay lists!{{/list}}\"", data: ["list": []]),
    RenderCase(name: "Doubled", template: "{{#bool}}\n* first\n{{/bool}}\n* {{two}}\n{{#bool}}\n* third\n{{/bool}}\n", data: ["bool": true, "two": "second"]),
    RenderCase(name: "Nested (Truthy)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": true]),
    RenderCase(name: "Nested (Falsey)", template: "| A {{#bool}}B {{#bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": false]),
    RenderCase(name: "Context Misses", template: "[{{#missing}}Found key 'missing'!{{/missing}}]", data: [:]),
    RenderCase(name: "Implicit Iterator - String", template: "\"{{#list}}({{.}}){{/list}}\"", data: ["list": ["a", "b", "c", "d", "e"]]),
    RenderCase(name: "Implicit Iterator - Integer", template: "\"{{#list}}({{.}}){{/list}}\"", data: ["list": [1, 2, 3, 4, 5]]),
    RenderCase(name: "Implicit Iterator - Decimal", template: "\"{{#list}}({{.}}){{/list}}\"", data: ["list": [.double(1.1), .double(2.2), .double(3.3)]]),
    RenderCase(name: "Implicit Iterator - Array", template: "\"{{#list}}({{#.}}{{.}}{{/.}}){{/list}}\"", data: ["list": [[1, 2, 3], ["a", "b", "c"]]]),
    RenderCase(name: "Implicit Iterator - HTML Escaping", template: "\"{{#list}}({{.}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]]),
    RenderCase(name: "Implicit Iterator - Triple mustache", template: "\"{{#list}}({{{.}}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]]),
    RenderCase(name: "Implicit Iterator - Ampersand", template: "\"{{#list}}({{&.}}){{/list}}\"", data: ["list": ["&", "\"", "<", ">"]]),
    RenderCase(name: "Implicit Iterator - Root-level", template: "\"{{#.}}({{value}}){{/.}}\"", data: [["value": "a"], ["value": "b"]]),
    RenderCase(name: "Dotted Names - Truthy", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"Here\"", data: ["a": ["b": ["c": true]]]),
    RenderCase(name: "Dotted Names - Falsey", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: ["a": ["b": ["c": false]]]),
    RenderCase(name: "Dotted Names - Broken Chains", template: "\"{{#a.b.c}}Here{{/a.b.c}}\" == \"\"", data: ["a": [:]]),
    RenderCase(name: "Surrounding Whitespace", template: " | {{#boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": true]),
    RenderCase(name: "Internal Whitespace", template: " | {{#boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: ["boolean": true]),
    RenderCase(name: "Indented Inline Sections", template: " {{#boolean}}YES{{/boolean}}\n {{#boolean}}GOOD{{/boolean}}\n", data: ["boolean": true]),
    RenderCase(name: "Standalone Lines", template: "| This Is\n{{#boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": true]),
    RenderCase(name: "Indented Standalone Lines", template: "| This Is\n  {{#boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": true]),
    RenderCase(name: "Standalone Line Endings", template: "|\r\n{{#boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": true]),
    RenderCase(name: "Standalone Without Previous Line", template: "  {{#boolean}}\n#{{/boolean}}\n/", data: ["boolean": true]),
    RenderCase(name: "Standalone Without Newline", template: "#{{#boolean}}\n/\n  {{/boolean}}", data: ["boolean": true]),
    RenderCase(name: "Padding", template: "|{{# boolean }}={{/ boolean }}|", data: ["boolean": true]),
    RenderCase(name: "Inverted Falsey", template: "\"{{^boolean}}This should be rendered.{{/boolean}}\"", data: ["boolean": false]),
    RenderCase(name: "Inverted Truthy", template: "\"{{^boolean}}This should not be rendered.{{/boolean}}\"", data: ["boolean": true]),
    RenderCase(name: "Inverted Null is falsey", template: "\"{{^null}}This should be rendered.{{/null}}\"", data: ["null": .null]),
    RenderCase(name: "Inverted Context", template: "\"{{^context}}Hi {{name}}.{{/context}}\"", data: ["context": ["name": "Joe"]]),
    RenderCase(name: "Inverted List", template: "\"{{^list}}{{n}}{{/list}}\"", data: ["list": [["n": 1], ["n": 2], ["n": 3]]]),
    RenderCase(name: "Inverted Empty List", template: "\"{{^list}}Yay lists!{{.}}{{#.}}x{{/.}}{{^.}}y{{/.}}{{/list}}\"", data: ["list": []]),
    RenderCase(name: "Inverted Doubled", template: "{{^bool}}\n* first\n{{/bool}}\n* {{two}}\n{{^bool}}\n* third\n{{/bool}}\n", data: ["bool": false, "two": "second"]),
    RenderCase(name: "Inverted Nested (Falsey)", template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": false]),
    RenderCase(name: "Inverted Nested (Truthy)", template: "| A {{^bool}}B {{^bool}}C{{/bool}} D{{/bool}} E |", data: ["bool": true]),
    RenderCase(name: "Inverted Context Misses", template: "[{{^missing}}Found key 'missing'!{{/missing}}]", data: [:]),
    RenderCase(name: "Inverted Dotted Names - Truthy", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"\"", data: ["a": ["b": ["c": true]]]),
    RenderCase(name: "Inverted Dotted Names - Falsey", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"", data: ["a": ["b": ["c": false]]]),
    RenderCase(name: "Inverted Dotted Names - Broken Chains", template: "\"{{^a.b.c}}Not Here{{/a.b.c}}\" == \"Not Here\"", data: ["a": [:]]),
    RenderCase(name: "Inverted Surrounding Whitespace", template: " | {{^boolean}}\t|\t{{/boolean}} | \n", data: ["boolean": false]),
    RenderCase(name: "Inverted Internal Whitespace", template: " | {{^boolean}} {{! Important Whitespace }}\n {{/boolean}} | \n", data: ["boolean": false]),
    RenderCase(name: "Inverted Indented Inline Sections", template: " {{^boolean}}NO{{/boolean}}\n {{^boolean}}WAY{{/boolean}}\n", data: ["boolean": false]),
    RenderCase(name: "Inverted Standalone Lines", template: "| This Is\n{{^boolean}}\n|\n{{/boolean}}\n| A Line\n", data: ["boolean": false]),
    RenderCase(name: "Inverted Standalone Indented Lines", template: "| This Is\n  {{^boolean}}\n|\n  {{/boolean}}\n| A Line\n", data: ["boolean": false]),
    RenderCase(name: "Inverted Standalone Line Endings", template: "|\r\n{{^boolean}}\r\n{{/boolean}}\r\n|", data: ["boolean": false]),
    RenderCase(name: "Inverted Standalone Without Previous Line", template: "  {{^boolean}}\n^{{/boolean}}\n/", data: ["boolean": false]),
    RenderCase(name: "Inverted Standalone Without Newline", template: "^{{^boolean}}\n/\n  {{/boolean}}", data: ["boolean": false]),
    RenderCase(name: "Inverted Padding", template: "|{{^ boolean }}={{/ boolean }}|", data: ["boolean": false]),
    RenderCase(name: "Values as sections", template: "{{#s}}[{{.}}]{{/s}}{{#e}}[{{.}}]{{/e}}{{#z}}[{{.}}]{{/z}}{{#d}}[{{.}}]{{/d}}{{^s}}no{{/s}}{{^z}}no{{/z}}{{#m}}m{{/m}}{{^m}}!m{{/m}}", data: [
        "s": "text", "e": "", "z": 0, "d": .double(0), "m": [:],
    ]),
    RenderCase(name: "List elements are objects", template: "{{#l}}<{{#.}}t{{/.}}{{^.}}f{{/.}}{{.}}>{{/l}}", data: ["l": [true, false, .null, "", 0, [], ["k": 1], [1]]]),
    RenderCase(name: "Sections over the top object", template: "{{#a}}{{#.}}{{#.}}{{.}}{{/.}}{{/.}}{{/a}}", data: ["a": "x"]),
]

@Test(arguments: sectionCases)
func specSections(_ renderCase: RenderCase) {
    expectSameRendering(renderCase)
}
