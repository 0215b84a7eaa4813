import Testing

@testable import TemplateEngine

/// The Mustache spec's interpolation and comment cases (specs/interpolation.yml,
/// specs/comments.yml), rendered by both engines.
let interpolationCases: [RenderCase] = [
    RenderCase(name: "No Interpolation", template: "Hello from {Mustache}!\n", data: [:]),
    RenderCase(name: "Basic Interpolation", template: "Hello, {{subject}}!\n", data: ["subject": "world"]),
    RenderCase(name: "HTML Escaping", template: "These characters should be HTML escaped: {{forbidden}}\n", data: ["forbidden": "& \" < >"]),
    RenderCase(name: "Triple Mustache", template: "These characters should not be HTML escaped: {{{forbidden}}}\n", data: ["forbidden": "& \" < >"]),
    RenderCase(name: "Ampersand", template: "These characters should not be HTML escaped: {{&forbidden}}\n", data: ["forbidden": "& \" < >"]),
    RenderCase(name: "Basic Integer", template: "\"{{mph}} miles an hour!\"", data: ["mph": 85]),
    RenderCase(name: "Triple Mustache Integer", template: "\"{{{mph}}} miles an hour!\"", data: ["mph": 85]),
    RenderCase(name: "Ampersand Integer", template: "\"{{&mph}} miles an hour!\"", data: ["mph": 85]),
    RenderCase(name: "Basic Decimal", template: "\"{{power}} jiggawatts!\"", data: ["power": .double(1.21)]),
    RenderCase(name: "Triple Mustache Decimal", template: "\"{{{power}}} jiggawatts!\"", data: ["power": .double(1.21)]),
    RenderCase(name: "Ampersand Decimal", template: "\"{{&power}} jiggawatts!\"", data: ["power": .double(1.21)]),
    RenderCase(name: "Doubles", template: "{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}", data: [
        "a": .double(1), "b": .double(1e21), "c": .double(-0.0), "d": .double(.infinity), "e": .double(.nan), "f": .double(0.1 + 0.2),
    ]),
    RenderCase(name: "Basic Null", template: "I ({{cannot}}) be seen!", data: ["cannot": .null]),
    RenderCase(name: "Triple Mustache Null", template: "I ({{{cannot}}}) be seen!", data: ["cannot": .null]),
    RenderCase(name: "Ampersand Null", template: "I ({{&cannot}}) be seen!", data: ["cannot": .null]),
    RenderCase(name: "Basic Context Miss", template: "I ({{cannot}}) be seen!", data: [:]),
    RenderCase(name: "Triple Mustache Context Miss", template: "I ({{{cannot}}}) be seen!", data: [:]),
    RenderCase(name: "Ampersand Context Miss", template: "I ({{&cannot}}) be seen!", data: [:]),
    RenderCase(name: "Dotted Names - Basic", template: "\"{{person.name}}\" == \"{{#person}}{{name}}{{/person}}\"", data: ["person": ["name": "Joe"]]),
    RenderCase(name: "Dotted Names - Triple Mustache", template: "\"{{{person.name}}}\" == \"{{#person}}{{{name}}}{{/person}}\"", data: ["person": ["name": "Joe"]]),
    RenderCase(name: "Dotted Names - Ampersand", template: "\"{{&person.name}}\" == \"{{#person}}{{&name}}{{/person}}\"", data: ["person": ["name": "Joe"]]),
    RenderCase(name: "Dotted Names - Arbitrary Depth", template: "\"{{a.b.c.d.e.name}}\" == \"Phil\"", data: ["a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]]]),
    RenderCase(name: "Dotted Names - Broken Chains", template: "\"{{a.b.c}}\" == \"\"", data: ["a": [:]]),
    RenderCase(name: "Dotted Names - Broken Chain Resolution", template: "\"{{a.b.c.name}}\" == \"\"", data: ["a": ["b": [:]], "c": ["name": "Jim"]]),
    RenderCase(name: "Dotted Names - Initial Resolution", template: "\"{{#a}}{{b.c.d.e.name}}{{/a}}\" == \"Phil\"", data: [
        "a": ["b": ["c": ["d": ["e": ["name": "Phil"]]]]], "b": ["c": ["d": ["e": ["name": "Wrong"]]]],
    ]),
    RenderCase(name: "Dotted Names - Context Precedence", template: "{{#a}}{{b.c}}{{/a}}", data: ["a": ["b": [:]], "b": ["c": "ERROR"]]),
    RenderCase(name: "Dotted Names are never single keys", template: "{{a.b}}", data: ["a.b": "c"]),
    RenderCase(name: "Dotted Names - No Masking", template: "{{a.b}}", data: ["a.b": "c", "a": ["b": "d"]]),
    RenderCase(name: "Anchored names", template: "{{#a}}[{{.b}}|{{b}}|{{.c}}|{{c}}|{{..}}]{{/a}}", data: ["a": ["b": "1"], "c": "2"]),
    RenderCase(name: "Null masks nothing", template: "{{#a}}{{x}}{{/a}}", data: ["a": ["x": .null], "x": "outer"]),
    RenderCase(name: "Implicit Iterators - Basic Interpolation", template: "Hello, {{.}}!\n", data: "world"),
    RenderCase(name: "Implicit Iterators - HTML Escaping", template: "These characters should be HTML escaped: {{.}}\n", data: "& \" < >"),
    RenderCase(name: "Implicit Iterators - Triple Mustache", template: "These characters should not be HTML escaped: {{{.}}}\n", data: "& \" < >"),
    RenderCase(name: "Implicit Iterators - Ampersand", template: "These characters should not be HTML escaped: {{&.}}\n", data: "& \" < >"),
    RenderCase(name: "Implicit Iterators - Basic Integer", template: "\"{{.}} miles an hour!\"", data: 85),
    RenderCase(name: "Interpolation - Surrounding Whitespace", template: "| {{string}} |", data: ["string": "---"]),
    RenderCase(name: "Triple Mustache - Surrounding Whitespace", template: "| {{{string}}} |", data: ["string": "---"]),
    RenderCase(name: "Ampersand - Surrounding Whitespace", template: "| {{&string}} |", data: ["string": "---"]),
    RenderCase(name: "Interpolation - Standalone", template: "  {{string}}\n", data: ["string": "---"]),
    RenderCase(name: "Triple Mustache - Standalone", template: "  {{{string}}}\n", data: ["string": "---"]),
    RenderCase(name: "Ampersand - Standalone", template: "  {{&string}}\n", data: ["string": "---"]),
    RenderCase(name: "Interpolation With Padding", template: "|{{ string }}|", data: ["string": "---"]),
    RenderCase(name: "Triple Mustache With Padding", template: "|{{{ string }}}|", data: ["string": "---"]),
    RenderCase(name: "Ampersand With Padding", template: "|{{& string }}|", data: ["string": "---"]),
    RenderCase(name: "Lists and maps print", template: "{{list}}|{{{list}}}|{{map}}|{{empty}}|{{nested}}", data: [
        "list": ["a<", 1, .double(2.5), true, .null, ["x"], ["k": "v"]], "map": ["k": "v"], "empty": [], "nested": [[1, 2]],
    ]),
    RenderCase(name: "Comment - Inline", template: "12345{{! Comment Block! }}67890", data: [:]),
    RenderCase(name: "Comment - Multiline", template: "12345{{!\n  This is a\n  multi-line comment...\n}}67890\n", data: [:]),
    RenderCase(name: "Comment - Standalone", template: "Begin.\n{{! Comment Block! }}\nEnd.\n", data: [:]),
    RenderCase(name: "Comment - Indented Standalone", template: "Begin.\n  {{! Indented Comment Block! }}\nEnd.\n", data: [:]),
    RenderCase(name: "Comment - Standalone Line Endings", template: "|\r\n{{! Standalone Comment }}\r\n|", data: [:]),
    RenderCase(name: "Comment - Standalone Without Previous Line", template: "  {{! I'm Still Standalone }}\n!", data: [:]),
    RenderCase(name: "Comment - Standalone Without Newline", template: "!\n  {{! I'm Still Standalone }}", data: [:]),
    RenderCase(name: "Comment - Multiline Standalone", template: "Begin.\n{{!\nSomething's going on here...\n}}\nEnd.\n", data: [:]),
    RenderCase(name: "Comment - Indented Multiline Standalone", template: "Begin.\n  {{!\n    Something's going on here...\n  }}\nEnd.\n", data: [:]),
    RenderCase(name: "Comment - Indented Inline", template: "  12 {{! 34 }}\n", data: [:]),
    RenderCase(name: "Comment - Surrounding Whitespace", template: "12345 {{! Comment Block! }} 67890", data: [:]),
    RenderCase(name: "Comment - Variable Name Collision", template: "comments never show: >{{! comment }}<", data: [
        "! comment": 1, "! comment ": 2, "!comment": 3, "comment": 4,
    ]),
    RenderCase(name: "Comment - trailing spaces then a tag", template: "  {{! c }}{{x}}  \n  {{!c}} tail\n", data: ["x": "y"]),
]

@Test(arguments: interpolationCases)
func specInterpolationAndComments(_ renderCase: RenderCase) {
    expectSameRendering(renderCase)
}
