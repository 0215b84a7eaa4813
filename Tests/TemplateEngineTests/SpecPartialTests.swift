import Testing

@testable import TemplateEngine

/// The Mustache spec's partial and delimiter cases (specs/partials.yml, specs/delimiters.yml).
let partialCases: [RenderCase] = [
    RenderCase(name: "Basic Behavior", template: "\"{{>text}}\"", data: [:], partials: ["text": "from partial"]),
    RenderCase(name: "Failed Lookup", template: "\"{{>text}}\"", data: [:]),
    RenderCase(name: "Context", template: "\"{{>partial}}\"", data: ["text": "content"], partials: ["partial": "*{{text}}*"]),
    RenderCase(name: "Recursion", template: "{{>node}}", data: ["content": "X", "nodes": [["content": "Y", "nodes": []]]],
        partials: ["node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"]),
    RenderCase(name: "Nested", template: "{{>outer}}", data: ["a": "hello", "b": "world"], partials: ["outer": "*{{a}} {{>inner}}*", "inner": "{{b}}!"]),
    RenderCase(name: "Surrounding Whitespace", template: "| {{>partial}} |", data: [:], partials: ["partial": "\t|\t"]),
    RenderCase(name: "Inline Indentation", template: "  {{data}}  {{> partial}}\n", data: ["data": "|"], partials: ["partial": ">\n>"]),
    RenderCase(name: "Standalone Line Endings", template: "|\r\n{{>partial}}\r\n|", data: [:], partials: ["partial": ">"]),
    RenderCase(name: "Standalone Without Previous Line", template: "  {{>partial}}\n>", data: [:], partials: ["partial": ">\n>"]),
    RenderCase(name: "Standalone Without Newline", template: ">\n  {{>partial}}", data: [:], partials: ["partial": ">\n>"]),
    RenderCase(name: "Standalone Indentation", template: "\\\n {{>partial}}\n/\n", data: ["content": "<\n->"], partials: ["partial": "|\n{{{content}}}\n|\n"]),
    RenderCase(name: "Padding Whitespace", template: "|{{> partial }}|", data: ["boolean": true], partials: ["partial": "[]"]),
    RenderCase(name: "Indented partial with sections and lists", template: "<ul>\n    {{> items}}\n</ul>\n", data: ["items": ["a", "b"], "x": ["y": "z"]],
        partials: ["items": "{{#items}}\n<li>{{.}}</li>\n{{/items}}\n{{#x}}\n{{y}}\nmore\n{{/x}}\n"]),
    RenderCase(name: "Nested indented partials", template: "  {{>outer}}\n", data: ["v": "a\nb"], partials: ["outer": "o\n  {{>inner}}\nO\n", "inner": "i\n{{v}}\n{{{v}}}\nI"]),
    RenderCase(name: "Indentation and CR LF", template: "  {{>p}}\r\n", data: [:], partials: ["p": "a\r\nb\r\n{{#t}}c{{/t}}\nd\n"]),
    RenderCase(name: "Delimiters - Pair Behavior", template: "{{=<% %>=}}(<%text%>)", data: ["text": "Hey!"]),
    RenderCase(name: "Delimiters - Special Characters", template: "({{=[ ]=}}[text])", data: ["text": "It worked!"]),
    RenderCase(name: "Delimiters - Sections",
        template: "[\n{{#section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|#section|\n  {{data}}\n  |data|\n|/section|\n]\n",
        data: ["section": true, "data": "I got interpolated."]),
    RenderCase(name: "Delimiters - Inverted Sections",
        template: "[\n{{^section}}\n  {{data}}\n  |data|\n{{/section}}\n\n{{= | | =}}\n|^section|\n  {{data}}\n  |data|\n|/section|\n]\n",
        data: ["section": false, "data": "I got interpolated."]),
    RenderCase(name: "Delimiters - Partial Inheritence", template: "[ {{>include}} ]\n{{= | | =}}\n[ |>include| ]\n", data: ["value": "yes"],
        partials: ["include": ".{{value}}."]),
    RenderCase(name: "Delimiters - Post-Partial Behavior", template: "[ {{>include}} ]\n[ .{{value}}.  .|value|. ]\n", data: ["value": "yes"],
        partials: ["include": ".{{value}}. {{= | | =}} .|value|."]),
    RenderCase(name: "Delimiters - Surrounding Whitespace", template: "| {{=@ @=}} |", data: [:]),
    RenderCase(name: "Delimiters - Outlying Whitespace (Inline)", template: " | {{=@ @=}}\n", data: [:]),
    RenderCase(name: "Delimiters - Standalone Tag", template: "Begin.\n{{=@ @=}}\nEnd.\n", data: [:]),
    RenderCase(name: "Delimiters - Indented Standalone Tag", template: "Begin.\n  {{=@ @=}}\nEnd.\n", data: [:]),
    RenderCase(name: "Delimiters - Standalone Line Endings", template: "|\r\n{{= @ @ =}}\r\n|", data: [:]),
    RenderCase(name: "Delimiters - Standalone Without Previous Line", template: "  {{=@ @=}}\n=", data: [:]),
    RenderCase(name: "Delimiters - Standalone Without Newline", template: "=\n  {{=@ @=}}", data: [:]),
    RenderCase(name: "Delimiters - Pair with Padding", template: "|{{= @   @ =}}|", data: [:]),
    RenderCase(name: "Delimiters - unescaped with custom delimiters", template: "{{=<% %>=}}<%{x}%>}<%&x%><%={{ }}=%>{{{x}}}", data: ["x": "<"]),
]

@Test(arguments: partialCases)
func specPartialsAndDelimiters(_ renderCase: RenderCase) {
    expectSameRendering(renderCase)
}
